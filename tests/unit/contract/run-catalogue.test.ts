// The runner: crashing checks become findings without aborting, findings are deduplicated, capabilities skip with
// the target's reason, and a read-only (production) target never receives an order.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { defineActiveCheck, defineExchangeCheck, fail } from '../../../src/contract/checks/check.ts';
import { ALL_CHECKS } from '../../../src/contract/checks/index.ts';
import { runCatalogue } from '../../../src/contract/run-catalogue.ts';
import { fetchTarget } from '../../../src/contract/targets/mock-target.ts';
import { missingFor, REASONS } from '../../../src/contract/targets/profiles.ts';

const [alpha] = DEMO_ACCOUNTS;

describe('runCatalogue', () => {
  let twin: MockServer;
  const sent: string[] = [];
  beforeAll(async () => {
    twin = await createMockServer();
  });
  afterAll(() => twin.close());
  const target = (extra: Partial<Parameters<typeof fetchTarget>[0]> = {}) =>
    fetchTarget({ server: { fetch: (r) => (sent.push(`${r.method} ${new URL(r.url).pathname}`), twin.fetch(r)) }, apiKey: alpha.key, merchantCode: alpha.merchantCode, ...extra });

  test('a check that throws becomes a "crashed" finding and the other checks still run', async () => {
    const boom = defineActiveCheck({ id: 'test.boom', title: 'Boom', severity: 'low', description: 'throws', run: async () => { throw new Error('kaput'); } });
    const pureBoom = defineExchangeCheck({ id: 'test.pure-boom', title: 'Pure boom', severity: 'low', description: 'throws', run: () => { throw new Error('pure kaput'); } });
    const report = await runCatalogue({ target: target(), checks: [boom, ALL_CHECKS.find((c) => c.id === 'auth.missing-key')!, pureBoom], runs: 1 });
    expect(report.findings.find((f) => f.checkId === 'test.boom')).toMatchObject({ title: 'Check `test.boom` crashed', message: 'Check `test.boom` crashed: kaput' });
    expect(report.findings.find((f) => f.checkId === 'test.pure-boom')?.message).toBe('Check `test.pure-boom` crashed: pure kaput');
    expect(report.lines.filter((l) => l.checkId === 'auth.missing-key').map((l) => l.status)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
  });

  test('findings are deduplicated by check, operation and message', async () => {
    const twice = defineExchangeCheck({ id: 'test.twice', title: 'Twice', severity: 'low', description: 'always fails', run: (_e, op) => fail(`${op.label}: same`) });
    const report = await runCatalogue({ target: target(), checks: [ALL_CHECKS.find((c) => c.id === 'auth.missing-key')!, twice], runs: 1 });
    expect(report.findings.filter((f) => f.checkId === 'test.twice').map((f) => f.message)).toEqual(report.lines.filter((l) => l.checkId === 'test.twice').map((l) => `${l.operation}: same`));
  });

  test('a missing capability turns the check into SKIP lines with the target\'s reason', async () => {
    const report = await runCatalogue({ target: target({ name: 'prism', missing: missingFor('prism', true) }), checks: ALL_CHECKS.filter((c) => c.id === 'auth.invalid-key'), runs: 1 });
    expect(report.lines.map((l) => [l.status, l.reason])).toEqual(Array(5).fill(['SKIP', REASONS.prismKeys]));
  });

  test('a read-only target never receives pullCodes, and the order checks say why', async () => {
    sent.length = 0;
    const report = await runCatalogue({ target: target({ name: 'production', readOnly: true, missing: missingFor('production', false, true) }), runs: 2 });
    expect(sent.filter((s) => s === 'POST /api/order/pull-codes')).toEqual([]);
    expect(report.findings).toEqual([]);
    const pull = report.lines.filter((l) => l.operation === 'POST /api/order/pull-codes' && l.checkId === 'positive.valid-request');
    expect(pull).toEqual([{ checkId: 'positive.valid-request', operation: 'POST /api/order/pull-codes', status: 'SKIP', reason: 'the target is read-only (production): operations that place orders are never sent', findings: [] }]);
  });

  test('a target that stops answering is reported as such (verify turns it into exit 3), never thrown', async () => {
    const down = { ...target(), send: async () => ({ ok: false as const, error: { code: 'TARGET_UNREACHABLE', message: 'Request failed (ECONNREFUSED): GET http://127.0.0.1:1/x' } }) };
    const report = await runCatalogue({ target: down, checks: ALL_CHECKS.filter((c) => c.id === 'auth.missing-key'), runs: 1 });
    expect(report.transportError?.code).toBe('TARGET_UNREACHABLE');
    expect(report.findings.map((f) => [f.operation, f.message])).toEqual([['all operations', 'the target did not answer: Request failed (ECONNREFUSED): GET http://127.0.0.1:1/x']]);
  });

  test('without a merchant code the order checks skip and say how to provide one', async () => {
    const report = await runCatalogue({ target: target({ merchantCode: undefined }), checks: ALL_CHECKS.filter((c) => c.id === 'semantics.order-round-trip'), runs: 1 });
    expect(report.lines.map((l) => [l.status, l.reason])).toEqual([['SKIP', "no merchant code: set WUPEX_MERCHANT_CODE to your account's merchant code"]]);
  });
});
