// Maintainers' tool (not a test): `npx tsx tests/support/adopted-suite/make-proposal.ts PROFILE OUT.json` runs verify against
// an independent server of that profile and writes its proposal, as `npm run verify -- --propose` would. With
// tests/support/adopted-suite/adopted-suite.sh it shows the whole suite still passes after adopting what a server decided.
import { writeFileSync } from 'node:fs';
import { proposeFrom } from '../../../src/contract/propose/write-proposal.ts';
import { verify } from '../../../src/contract/verify/verify.ts';
import { alpha, beta, delta, gamma, GAP_PROFILES, ours, PROFILES } from '../independent/profile.ts';
import { startIndependentServer } from '../independent/server.ts';
import type { ServerProfile } from '../independent/server-profile.ts';

/** Every row at once: alpha's, beta's, gamma's and delta's differences together (a server unlike ours everywhere). */
const omega: ServerProfile = {
  ...ours,
  name: 'omega',
  paging: alpha.paging,
  order: { successStatus: alpha.order.successStatus, outOfStock: beta.order.outOfStock, unknownSku: gamma.order.unknownSku, lowBalance: delta.order.lowBalance, disabled: delta.order.disabled },
  foreignOrder: alpha.foreignOrder,
  retryAfterSeconds: alpha.retryAfterSeconds,
  wrongContentType: beta.wrongContentType,
  extraFields: beta.extraFields,
  languages: gamma.languages,
  namesField: gamma.namesField,
  sameReference: delta.sameReference,
  limits: delta.limits,
  codes: GAP_PROFILES.kappa.codes,
};

const ALL: Record<string, ServerProfile> = { ...PROFILES, ...GAP_PROFILES, omega };
const [name, out] = process.argv.slice(2);
if (!name || !out || !(name in ALL)) {
  console.error(`Usage: npx tsx tests/support/adopted-suite/make-proposal.ts PROFILE OUT.json (PROFILE: ${Object.keys(ALL).join(', ')})`);
  process.exit(2);
}
const server = await startIndependentServer(ALL[name]!);
try {
  const run = await verify({ baseUrl: server.baseUrl, runs: 1, env: { WUPEX_API_KEY: server.keys[0], WUPEX_API_KEY_2: server.keys[1], WUPEX_MERCHANT_CODE: server.merchants[0] }, transient: { sleep: async () => {} } });
  if (!run.ok) throw new Error(run.error.message);
  const proposal = proposeFrom({ located: run.value.exchanges, decisions: run.value.decisions, findings: run.value.report.findings, source: { command: 'verify', target: `independent ${name}`, exchanges: run.value.exchanges.length } });
  writeFileSync(out, `${JSON.stringify(proposal, null, 2)}\n`);
  console.log(`Wrote ${out}: ${proposal.changes.length} change(s), ${proposal.fields.length} field(s), ${proposal.needsHuman.length} for a human.`);
} finally {
  await server.close();
}
