// From evidence to contract (issue 16): a server deciding other points (here the twin under another profile, unlike the kit's
// decisions whatever they are; the independent servers are in independent-servers.test.ts) gives a proposal naming each difference with evidence;
// adopt writes it into a copy of openapi/ (decisions.yaml, spec, DECISIONS.md, types), idempotently, and refuses bad input.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { adopt } from '../../../src/adopt/adopt.ts';
import { buildProposal, type Proposal } from '../../../src/contract/propose/proposal.ts';
import { proposeFrom } from '../../../src/contract/propose/write-proposal.ts';
import { runCatalogue } from '../../../src/contract/run-catalogue.ts';
import { createSpecIndex } from '../../../src/contract/checks/lib/spec-index.ts';
import { createWupexClient } from '../../../src/client/wupex-client.ts';
import { lint, loadRealRuleset } from '../lint/support/lint-rule.ts';
import { fetchTarget } from '../../../src/contract/targets/mock-target.ts';
import { checkDecisions, kitDecisions, loadDecisions, type LoadedDecisions } from '../../../src/spec/decisions.ts';
import { decisionsVersusSpec } from '../../../src/spec/decisions-vs-spec.ts';
import { loadSpec, SPEC_PATH } from '../../../src/spec/spec.ts';
import { flipped, kit } from '../../support/decided.ts';

const [alpha, bravo] = DEMO_ACCOUNTS;

/** The six entries this profile changes, each to a value unlike the kit's (flipped()): today 201, 422 OUT_OF_STOCK, 403, 415, clamp, no Retry-After. */
const flip = flipped(kit);
const CHANGED = {
  'pullCodes.successStatus': flip.pullCodes.successStatus,
  'pullCodes.outOfStock': flip.pullCodes.outOfStock,
  otherAccountOrder: flip.otherAccountOrder,
  contentType: flip.contentType,
  'paging.outOfRange': flip.paging.outOfRange,
  'retryAfter.send': flip.retryAfter.send,
};
/** The codesByStatus entries a change may bring with it: one per status of a changed refusal. */
const CODE_ENTRIES = [flip.pullCodes.outOfStock, flip.otherAccountOrder, flip.contentType].map((r) => `codesByStatus.${r.status}`);
const knownCodes = (loadSpec().components?.schemas?.ErrorCode as { enum: string[] }).enum;

function profile(): LoadedDecisions {
  const d = structuredClone(kitDecisions()) as any;
  d.pullCodes.successStatus = flip.pullCodes.successStatus;
  d.pullCodes.outOfStock = flip.pullCodes.outOfStock;
  d.otherAccountOrder = flip.otherAccountOrder;
  d.contentType = flip.contentType;
  d.paging.outOfRange = flip.paging.outOfRange;
  d.retryAfter = flip.retryAfter;
  const checked = checkDecisions(d);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

describe('propose and adopt', () => {
  const other = profile();
  let twin: MockServer;
  let proposal: Proposal;
  let dir: string;
  const specIn = () => join(dir, 'openapi', 'wupex.yaml');
  const file = (name: string, p: unknown = proposal) => {
    const path = join(dir, name);
    writeFileSync(path, typeof p === 'string' ? p : JSON.stringify(p));
    return path;
  };

  beforeAll(async () => {
    twin = await createMockServer({ decisions: other });
    const target = fetchTarget({ server: twin, apiKey: alpha!.key, merchantCode: alpha!.merchantCode });
    const run = await runCatalogue({ target, runs: 2, secondKey: bravo!.key });
    proposal = proposeFrom({ located: run.sent ?? [], decisions: kitDecisions(), source: { command: 'verify', target: 'twin under another profile', exchanges: run.sent?.length ?? 0 } });
    dir = mkdtempSync(join(tmpdir(), 'wupex-adopt-test-'));
    cpSync(join(SPEC_PATH, '..'), join(dir, 'openapi'), { recursive: true });
  });
  afterAll(() => {
    twin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the proposal names each differing point with its current and observed choice and evidence, and nothing else', () => {
    const changed = Object.fromEntries(proposal.changes.map((c) => [c.entry, c.proposed]));
    expect(changed).toMatchObject(CHANGED);
    const unexpected = Object.keys(changed).filter((e) => !(e in CHANGED) && !CODE_ENTRIES.includes(e));
    expect(unexpected).toEqual([]);
    const stock = proposal.changes.find((c) => c.entry === 'pullCodes.outOfStock')!;
    expect(stock.current).toEqual(kit.pullCodes.outOfStock);
    expect(stock.rows).toEqual(['12']);
    expect(stock.evidence.agreeing).toBeGreaterThan(0);
    expect(stock.evidence.examples[0]!.response).toMatch(new RegExp(`^HTTP ${flip.pullCodes.outOfStock.status} ${flip.pullCodes.outOfStock.code}`));
    expect(proposal.needsHuman).toEqual([]);
    expect(proposal.agreed).toEqual(expect.arrayContaining(['acceptLanguage.missing', 'pullCodes.lowBalance', 'repeatedReferenceId', 'messagesNameField']));
  });

  test('--dry-run writes nothing; adopt then writes decisions, spec, examples, DECISIONS.md and types that agree', async () => {
    const path = file('p.json');
    const before = readFileSync(specIn(), 'utf8');
    const dry = await adopt({ proposal: path, spec: specIn(), dryRun: true });
    expect(dry.ok && dry.value.written).toEqual([]);
    expect(readFileSync(specIn(), 'utf8')).toBe(before);

    const done = await adopt({ proposal: path, spec: specIn(), now: new Date('2026-12-05T12:00:00Z') });
    if (!done.ok) throw new Error(done.error.message);
    // A code the spec does not know yet comes with an example of its error (today examples/errors/out-of-stock.json).
    const stock = flip.pullCodes.outOfStock.code;
    const example = knownCodes.includes(stock) ? [] : [`examples/errors/${stock.toLowerCase().replaceAll('_', '-')}.json`];
    expect(done.value.written).toEqual(expect.arrayContaining(['wupex.yaml', 'decisions.yaml', 'DECISIONS.md', 'generated/wupex.ts', ...example]));
    const decisions = loadDecisions(join(dir, 'openapi', 'decisions.yaml'));
    if (!decisions.ok) throw new Error(decisions.error.message);
    expect(decisions.value).toMatchObject({ pullCodes: { successStatus: flip.pullCodes.successStatus, outOfStock: flip.pullCodes.outOfStock }, otherAccountOrder: flip.otherAccountOrder, contentType: flip.contentType, retryAfter: flip.retryAfter, paging: { outOfRange: flip.paging.outOfRange } });
    expect(decisionsVersusSpec(loadSpec(specIn()), decisions.value)).toEqual([]);
    expect(done.value.classification.filter((c) => c.class === 'breaking').map((c) => c.id)).toContain(`POST /api/order/pull-codes responses.${kit.pullCodes.successStatus}`);
    const md = readFileSync(join(dir, 'openapi', 'DECISIONS.md'), 'utf8');
    expect(md).toMatch(/\| 12 \| [^\n]*\*\*Adopted 2026-12-05\*\*[^\n]*pullCodes\.outOfStock[^\n]*Observed 2026-12-05 by verify against twin under another profile/);
    expect(md).toMatch(new RegExp(`acknowledged by this adoption: [^\\n]*\`POST /api/order/pull-codes responses\\.${kit.pullCodes.successStatus}\``));
    // The generated types: pullCodes answers the new success status, not the old one, and ErrorCode has the out-of-stock code.
    const types = readFileSync(join(dir, 'openapi', 'generated', 'wupex.ts'), 'utf8');
    const pull = types.slice(types.indexOf('    pullCodes: {'));
    const successes = pull.slice(pull.indexOf('responses: {'), pull.indexOf('400:'));
    expect(successes).toMatch(new RegExp(`\\b${flip.pullCodes.successStatus}: \\{`));
    expect(successes).not.toMatch(new RegExp(`\\b${kit.pullCodes.successStatus}: \\{`));
    expect(types).toContain(`"${stock}"`);
    // npm run lint:spec on the adopted spec: no error, no warning (Retry-After gone with its component, or back, row 22 still referenced).
    const hits = await lint(await loadRealRuleset(), { file: specIn() });
    expect(hits.map((h) => `${h.code}: ${h.message}`)).toEqual([]);
  });

  test('the twin built from the adopted files passes the whole catalogue, and the kit client follows it (placed, and refused with the adopted out-of-stock refusal)', async () => {
    const decisions = join(dir, 'openapi', 'decisions.yaml');
    const adopted = await createMockServer({ specPath: specIn(), decisions });
    try {
      const loaded = loadDecisions(decisions);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const target = fetchTarget({ server: adopted, apiKey: alpha!.key, merchantCode: alpha!.merchantCode });
      const run = await runCatalogue({ target, runs: 2, secondKey: bravo!.key, decisions: loaded.value, spec: createSpecIndex(loadSpec(specIn())) });
      expect(run.findings.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
      const client = createWupexClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: alpha!.key, fetch: adopted.fetch, retry: false });
      if (!client.ok) throw new Error(client.error.message);
      const placed = await client.value.pullCodes([{ merchant: alpha!.merchantCode, sku: 'GOOGLE-USA-10USD', quantity: 1 }]);
      expect(placed.ok).toBe(true);
      const refused = await client.value.pullCodes([{ merchant: alpha!.merchantCode, sku: 'AMAZON-USA-100USD', quantity: 1 }]);
      expect(refused.ok ? 'placed' : [refused.error.status, refused.error.vendor?.code]).toEqual([flip.pullCodes.outOfStock.status, flip.pullCodes.outOfStock.code]);
    } finally {
      adopted.close();
    }
  });

  test('adopting the same proposal again changes nothing (idempotent)', async () => {
    const stamp = statSync(specIn()).mtimeMs;
    const again = await adopt({ proposal: file('p.json'), spec: specIn() });
    expect(again.ok && again.value.nothingToDo).toBe(true);
    expect(statSync(specIn()).mtimeMs).toBe(stamp);
  });

  test('bad input is refused with its reason and changes nothing', async () => {
    const spec = readFileSync(specIn(), 'utf8');
    const refused = async (p: unknown, code: string, message: RegExp) => {
      const result = await adopt({ proposal: file('bad.json', p), spec: specIn() });
      expect(result.ok ? 'adopted' : `${result.error.code}: ${result.error.message}`).toMatch(code);
      expect(result.ok ? '' : result.error.message).toMatch(message);
      expect(readFileSync(specIn(), 'utf8')).toBe(spec);
    };
    await refused('{"kind": ', 'PROPOSAL_INVALID', /not JSON/);
    await refused({ ...proposal, kind: 'x' }, 'PROPOSAL_INVALID', /not a decisions proposal/);
    await refused({ ...proposal, changes: [{ entry: 'pullCodes.sucessStatus', proposed: 201, evidence: { agreeing: 1 } }] }, 'PROPOSAL_INVALID', /changes\[0\]\.entry "pullCodes\.sucessStatus"/);
    await refused({ ...proposal, changes: [{ entry: 'pullCodes.successStatus', proposed: 204, evidence: { agreeing: 1 } }] }, 'DECISIONS_INVALID', /pullCodes\.successStatus: received 204; allowed: 200, 201/);
    await refused({ ...proposal, fields: [{ operationId: 'getBalance', status: 200, pointer: '/data/../x', type: 'string' }] }, 'PROPOSAL_INVALID', /fields\[0\]\.pointer/);
    // Made against the spec as it was before the adoption above, with a change not yet applied: stale.
    await refused({ ...proposal, changes: [{ entry: 'otherAccountOrder', proposed: { status: 410, code: 'GONE' }, current: {}, rows: ['19'], evidence: { agreeing: 1 } }] }, 'PROPOSAL_STALE', /another version of the spec and decisions\.yaml/);
  });

  test('an exchange set that shows one point two ways is for a human, never a change', () => {
    const probe = (status: number, code: string) => ({
      operation: undefined,
      exchange: { request: { method: 'POST', url: 'http://127.0.0.1/api/order/list', headers: { 'accept-language': 'en-US', 'content-type': 'text/plain' }, body: '{}', evidenceFor: { entry: 'contentType' } }, response: { status, headers: {}, text: '', json: { status: false, error: { code, message: 'x' } } }, durationMs: 1 },
    });
    const p = buildProposal({ located: [probe(415, 'A'), probe(400, 'B')], decisions: kitDecisions(), source: { command: 'replay', target: 'x', exchanges: 2 }, base: proposal.base });
    expect(p.changes).toEqual([]);
    expect(p.needsHuman.map((h) => h.what)).toEqual([expect.stringMatching(/^contentType: .* answered in 2 different ways/)]);
  });

  test('a target accepting one unit past orderLimits.maxQuantity is for a human (the real number is unknown), never a guessed limit', () => {
    const accepted = {
      operation: undefined,
      exchange: { request: { method: 'POST', url: 'http://127.0.0.1/api/order/pull-codes', headers: { 'accept-language': 'en-US', 'content-type': 'application/json' }, body: '[]', evidenceFor: { entry: 'orderLimits.maxQuantity' } }, response: { status: 200, headers: {}, text: '{}', json: { status: true, data: {} } }, durationMs: 1 },
    };
    const p = buildProposal({ located: [accepted], decisions: kitDecisions(), source: { command: 'replay', target: 'x', exchanges: 1 }, base: proposal.base });
    expect(p.changes.map((c) => c.entry)).not.toContain('orderLimits.maxQuantity');
    expect(p.needsHuman.map((h) => h.what)).toContainEqual(expect.stringMatching(/^orderLimits\.maxQuantity: an order with 101 units in a line was accepted .* higher than 100/));
  });
});
