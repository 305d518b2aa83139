// The catalogue against the plain Prism CLI: what it can support must pass; only its real capability gaps skip.
import { describe, expect } from 'vitest';
import { startPrismCli } from '../../src/process/prism-cli.ts';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { ALL_CHECKS } from '../../src/contract/checks/index.ts';
import { contractTest, failuresOf, skippedBySpec, skipsBySpec } from '../support/test.ts';
import { httpTarget } from '../../src/contract/targets/http-target.ts';
import { missingFor } from '../../src/contract/targets/profiles.ts';
import { documentedStatuses } from '../../src/contract/checks/lib/spec-index.ts';
import { listOperations, loadSpec } from '../../src/spec/spec.ts';
import { kit } from '../support/decided.ts';

const test = contractTest(async () => {
  const prism = await startPrismCli();
  if (!prism.ok) throw new Error(`${prism.error.code}: ${prism.error.message}`);
  const [account] = DEMO_ACCOUNTS;
  return httpTarget({ name: 'prism', baseUrl: prism.value.url, apiKey: account.key, merchantCode: account.merchantCode, missing: missingFor('prism', true), onClose: prism.value.close });
});

describe('prism (plain Prism CLI)', () => {
  test.for(ALL_CHECKS.map((c) => c.id))('%s finds nothing', (id, { report }) => {
    expect(failuresOf(report, id)).toEqual([]);
  });

  test('only the checks needing a capability Prism lacks are skipped, with that reason', ({ report, target }) => {
    const all = report.lines.filter((l) => l.status === 'SKIP');
    expect(all.filter(skippedBySpec).map((l) => `${l.checkId} ${l.operation}`).sort()).toEqual(skipsBySpec().sort());
    const skipped = all.filter((l) => !skippedBySpec(l));
    // A reason is the capability's, possibly followed by what made it matter here ("(acceptLanguage.missing is fallback ...)").
    const reasons = Object.values(target.missing);
    expect(skipped.filter((l) => !reasons.some((r) => (l.reason ?? '').startsWith(r)))).toEqual([]);
    const expected = ALL_CHECKS.filter((c) => (c.requires ?? []).some((cap) => target.missing[cap])).map((c) => c.id);
    const skippedIds = new Set(skipped.map((l) => l.checkId));
    for (const id of expected) expect(skippedIds.has(id), id).toBe(true);
    // Beyond those, only rejection checks skip, and only for the conditional capabilities: a decided clamp or fallback,
    // or a documented 422 that Prism prefers; with neither in the kit's decisions and spec, nothing more skips.
    const conditional = [target.missing.acceptsBeyondSchema, target.missing.refusesInvalidAsDecided];
    const beyond = skipped.filter((l) => !expected.includes(l.checkId));
    expect(beyond.filter((l) => !conditional.some((r) => r && (l.reason ?? '').startsWith(r)))).toEqual([]);
    const lenient = [kit.paging.outOfRange, kit.acceptLanguage.missing, kit.acceptLanguage.unsupported].some((rule) => rule.action !== 'reject');
    const has422 = listOperations(loadSpec()).some((o) => documentedStatuses(o).includes(422));
    if (!lenient && !has422) expect(beyond).toEqual([]);
  });
});
