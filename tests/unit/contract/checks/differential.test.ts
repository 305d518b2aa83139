// Differential rejections and probing: a rejection passes only against a 2xx control, never on a 404 that answers
// everything; every order request has its own referenceId; Prefer reaches an order only after a read-only probe.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../../mocks/server.ts';
import { ALL_CHECKS } from '../../../../src/contract/checks/index.ts';
import { runCatalogue } from '../../../../src/contract/run-catalogue.ts';
import { BROKEN_SERVERS } from '../../../support/broken-servers.ts';
import { rewriteFetch } from '../../../support/rewrite-fetch.ts';
import { fetchTarget } from '../../../../src/contract/targets/mock-target.ts';
import { missingFor } from '../../../../src/contract/targets/profiles.ts';
import type { Decisions } from '../../../../src/spec/decisions.ts';
import { kit, kitCopy } from '../../../support/decided.ts';

const [alpha] = DEMO_ACCOUNTS;
const REJECTION_CHECKS = ['auth.missing-key', 'auth.invalid-key', 'auth.key-in-query', 'headers.missing-accept-language', 'headers.unsupported-accept-language', 'negative.schema-violation', 'negative.malformed-json', 'negative.wrong-content-type'];
const rejectionChecks = ALL_CHECKS.filter((c) => REJECTION_CHECKS.includes(c.id));
const noWait = { sleep: async () => {} };

/**
 * The kit's decisions with every decided refusal pinned to reject (Accept-Language missing or unsupported, paging out of
 * range): with a fallback or a clamp those probes are accepted, and an accepted pullCodes probe places an order.
 */
function refusing(): Decisions {
  const reject = { action: 'reject' as const, status: 400, code: kit.codesByStatus['400'] ?? 'INVALID_PAYLOAD' };
  const d = kitCopy();
  d.acceptLanguage.missing = reject;
  d.acceptLanguage.unsupported = reject;
  d.paging.outOfRange = reject;
  return d;
}
const pinned = refusing();

describe('differential rejections', () => {
  let twin: MockServer;
  const sent: Request[] = [];
  beforeAll(async () => {
    twin = await createMockServer({ decisions: pinned });
  });
  afterEach(() => {
    twin.store.reset();
    sent.length = 0;
  });
  afterAll(() => twin.close());
  const recording = (fetch: (r: Request) => Promise<Response>) => (r: Request) => (sent.push(r.clone()), fetch(r));

  test('a server answering 404 to everything but the control passes no rejection check', async () => {
    const fetch = BROKEN_SERVERS['answers-404-except-controls'].wrap((r) => twin.fetch(r));
    const report = await runCatalogue({ target: fetchTarget({ server: { fetch }, apiKey: alpha.key, merchantCode: alpha.merchantCode }), runs: 1, checks: rejectionChecks, decisions: pinned, transient: noWait });
    expect(report.lines.filter((l) => l.status === 'PASS')).toEqual([]);
    expect(new Set(report.lines.map((l) => l.checkId))).toEqual(new Set(REJECTION_CHECKS));
  });

  test('without a real order the getOrderDetail probes SKIP with the control\'s status, never PASS', async () => {
    const target = fetchTarget({ server: { fetch: (r) => twin.fetch(r) }, apiKey: alpha.key, merchantCode: alpha.merchantCode, name: 'sandbox', missing: missingFor('sandbox', false, true) });
    const report = await runCatalogue({ target, runs: 1, checks: ALL_CHECKS.filter((c) => c.id === 'headers.missing-accept-language'), decisions: pinned, transient: noWait });
    expect(report.lines.find((l) => l.operation === 'GET /api/order/detail')).toMatchObject({
      status: 'SKIP',
      reason: 'the control (the same request without the fault) got HTTP 404 NOT_FOUND, so a request without Accept-Language cannot be judged',
    });
  });

  test('every pullCodes request carries its own referenceId, and one control order serves every probe', async () => {
    const target = fetchTarget({ server: { fetch: recording((r) => twin.fetch(r)) }, apiKey: alpha.key, merchantCode: alpha.merchantCode });
    await runCatalogue({ target, runs: 1, checks: ALL_CHECKS.filter((c) => c.id === 'negative.schema-violation' || c.id === 'auth.missing-key'), decisions: pinned, transient: noWait });
    const refs = sent.filter((r) => new URL(r.url).pathname === '/api/order/pull-codes').map((r) => new URL(r.url).searchParams.get('referenceId'));
    const fresh = refs.filter((ref) => ref?.startsWith('wupex-kit-'));
    expect(fresh.length).toBeGreaterThan(15);
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(twin.store.account(alpha.key)?.orders.length).toBe(1);
  });

  test('Prefer is probed with getBalance first; on a server that ignores it no order ever carries one', async () => {
    const ignores = rewriteFetch((r) => twin.fetch(r), { request: (r) => ({ ...r, headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => k !== 'prefer')) }) });
    const target = fetchTarget({ server: { fetch: recording(ignores) }, apiKey: alpha.key, merchantCode: alpha.merchantCode, name: 'base-url' });
    await runCatalogue({ target, runs: 1, checks: [], transient: noWait });
    expect(sent.filter((r) => r.headers.get('prefer')).map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers.get('prefer')}`)).toEqual(['GET /api/customer/balance code=429', 'GET /api/customer/balance code=503']);
  });

  test('a server shown to honour Prefer gets the documented-response probes on every operation', async () => {
    const target = fetchTarget({ server: { fetch: recording((r) => twin.fetch(r)) }, apiKey: alpha.key, merchantCode: alpha.merchantCode, name: 'base-url' });
    await runCatalogue({ target, runs: 1, checks: [], transient: noWait });
    expect(sent.filter((r) => r.headers.get('prefer') && new URL(r.url).pathname === '/api/order/pull-codes').length).toBe(2);
  });
});
