// Every check is proven to fail: one deliberately broken twin per fault, and the right check must name the right operation.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../../mocks/server.ts';
import { ALL_CHECKS } from '../../../../src/contract/checks/index.ts';
import { runCatalogue } from '../../../../src/contract/run-catalogue.ts';
import { BROKEN_SERVERS } from '../../../support/broken-servers.ts';
import { fetchTarget } from '../../../../src/contract/targets/mock-target.ts';
import { skipsBySpec } from '../../../support/test.ts';

const [alpha, bravo] = DEMO_ACCOUNTS;
const cases = Object.entries(BROKEN_SERVERS).map(([fault, broken]) => [fault, broken.breaks, broken] as const);

describe('broken servers', () => {
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer();
  });
  afterEach(() => twin.store.reset());
  afterAll(() => twin.close());

  test.each(cases)('a server that %s fails %s', async (_fault, checkId, broken) => {
    const target = fetchTarget({ server: { fetch: broken.wrap((r) => twin.fetch(r)) }, apiKey: alpha.key, merchantCode: alpha.merchantCode });
    // An active check is run alone; a pure check needs the whole catalogue's traffic to judge.
    const check = ALL_CHECKS.find((c) => c.id === checkId);
    const report = await runCatalogue({ target, runs: 1, secondKey: bravo.key, checks: check?.kind === 'active' ? [check] : ALL_CHECKS, spec: broken.spec?.() });
    const failing = report.lines.filter((l) => l.checkId === checkId && l.status === 'FAIL');
    expect(failing.map((l) => l.operation)).toContain(broken.operation);
    const finding = report.findings.find((f) => f.checkId === checkId && f.operation === broken.operation);
    expect(finding?.message.startsWith(`${broken.operation}: `)).toBe(true);
    expect(finding?.reproduce).toMatch(/^curl -sS -X (GET|POST) /);
    expect(finding?.reproduce).not.toContain(alpha.key);
  });

  test('every check in ALL_CHECKS is proven to fail by at least one broken server', () => {
    const proven = new Set(Object.values(BROKEN_SERVERS).map((b) => b.breaks));
    expect(ALL_CHECKS.map((c) => c.id).filter((id) => !proven.has(id))).toEqual([]);
  });

  test('the unbroken twin passes every check (the broken servers are what fails)', async () => {
    const target = fetchTarget({ server: { fetch: (r) => twin.fetch(r) }, apiKey: alpha.key, merchantCode: alpha.merchantCode });
    const report = await runCatalogue({ target, runs: 3, secondKey: bravo.key });
    expect(report.findings).toEqual([]);
    // The only SKIPs are those the kit's spec makes (no documented header to check, once retryAfter.send: false is adopted).
    expect(report.lines.filter((l) => l.status === 'SKIP').map((l) => `${l.checkId} ${l.operation}`).sort()).toEqual(skipsBySpec().sort());
  });
});
