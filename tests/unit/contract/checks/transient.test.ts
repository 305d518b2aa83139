// Transient faults (S11): 429/503 and connection resets are retried where a repeat is safe, waits honour Retry-After
// (capped, injectable), what stays down is UNAVAILABLE and exit 3, and the twin at fault rate 0.3 gives 0 failures.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../../mocks/demo-accounts.ts';
import { createMockServer, type MockServer } from '../../../../mocks/server.ts';
import { kitError, ok } from '../../../../src/core/result.ts';
import { runVerify } from '../../../../src/contract/verify/run-verify.ts';
import { defineActiveCheck, pass } from '../../../../src/contract/checks/check.ts';
import { ALL_CHECKS } from '../../../../src/contract/checks/index.ts';
import { forEachOperation } from '../../../../src/contract/checks/lib/for-each-operation.ts';
import { runCatalogue } from '../../../../src/contract/run-catalogue.ts';
import { sendWithRetry, transientPolicy, UnavailableError } from '../../../../src/contract/checks/lib/transient.ts';
import { fetchTarget } from '../../../../src/contract/targets/mock-target.ts';
import type { Exchange, ExchangeRequest, Target } from '../../../../src/contract/targets/target.ts';

const [alpha, bravo] = DEMO_ACCOUNTS;
const BALANCE: ExchangeRequest = { method: 'GET', url: 'http://127.0.0.1:4010/api/customer/balance', headers: {} };
const answer = (status: number, headers: Record<string, string> = {}) => ok<Exchange>({ request: BALANCE, response: { status, headers, text: '', json: undefined }, durationMs: 0 });

/** A target that plays back the given answers, one per send. */
function scripted(answers: ReturnType<typeof answer | typeof reset>[], missing: Target['missing'] = {}): Target & { sent: number } {
  const target = { name: 'base-url' as const, baseUrl: 'http://127.0.0.1:4010', apiKey: 'k', readOnly: false, missing, sent: 0, close: async () => {}, send: async () => answers[Math.min(target.sent++, answers.length - 1)] };
  return target;
}
const reset = () => ({ ok: false as const, error: kitError('TARGET_UNREACHABLE', 'Request failed (ECONNRESET): GET http://127.0.0.1:4010/api/customer/balance') });

describe('sendWithRetry', () => {
  test('waits out 429 and 503 (Retry-After capped short on loopback) and returns the answer that follows', async () => {
    const waits: number[] = [];
    const target = scripted([answer(429, { 'retry-after': '1' }), answer(503), answer(200)]);
    const exchange = await sendWithRetry(target, BALANCE, transientPolicy(target, { sleep: async (ms) => void waits.push(ms), random: () => 0 }));
    expect(exchange.response.status).toBe(200);
    expect(waits).toEqual([10, 10]);
  });

  test('honours Retry-After in full against a remote target, up to the 10 s cap', async () => {
    const waits: number[] = [];
    const target = scripted([answer(429, { 'retry-after': '2' }), answer(429, { 'retry-after': '60' }), answer(200)], { isLoopback: 'remote' });
    await sendWithRetry(target, BALANCE, transientPolicy(target, { sleep: async (ms) => void waits.push(ms) }));
    expect(waits).toEqual([2000, 10_000]);
  });

  test('retries a reset connection, but never a request that asked for its status with Prefer', async () => {
    const target = scripted([reset(), answer(200)]);
    expect((await sendWithRetry(target, BALANCE, transientPolicy(target, { sleep: async () => {} }))).response.status).toBe(200);
    const asked = scripted([answer(429), answer(200)]);
    expect((await sendWithRetry(asked, { ...BALANCE, headers: { prefer: 'code=429' } }, transientPolicy(asked, { sleep: async () => {} }))).response.status).toBe(429);
  });

  test('a pullCodes without referenceId is not repeated (503 is UNAVAILABLE at once) unless its body cannot order', async () => {
    const target = scripted([answer(503), answer(200)]);
    const pull = { ...BALANCE, method: 'POST', url: 'http://127.0.0.1:4010/api/order/pull-codes' };
    await expect(sendWithRetry(target, pull, transientPolicy(target, { sleep: async () => {} }))).rejects.toThrow(UnavailableError);
    expect(target.sent).toBe(1);
    // A body the spec rejects cannot place an order: that one is repeated.
    const invalid = scripted([answer(503), answer(400)]);
    expect((await sendWithRetry(invalid, pull, transientPolicy(invalid, { sleep: async () => {} }), { cannotOrder: true })).response.status).toBe(400);
  });
});

describe('a target that stays unavailable', () => {
  test('its checks are UNAVAILABLE, never FAIL, and the run exits 3', async () => {
    const twin = await createMockServer();
    const down = (r: Request) => (new URL(r.url).pathname === '/api/order/list' ? Promise.resolve(new Response(JSON.stringify({ status: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } }), { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '1' } })) : twin.fetch(r));
    const target = fetchTarget({ server: { fetch: down }, apiKey: alpha.key, merchantCode: alpha.merchantCode });
    const { report, exitCode } = await runVerify({ target, runs: 1, checks: ALL_CHECKS.filter((c) => c.id === 'headers.missing-accept-language'), transient: { sleep: async () => {} } });
    expect(report.lines.find((l) => l.operation === 'POST /api/order/list')).toEqual({ checkId: 'headers.missing-accept-language', operation: 'POST /api/order/list', status: 'UNAVAILABLE', reason: 'the target answered HTTP 503 SERVICE_UNAVAILABLE on POST /api/order/list after 10 retries', findings: [] });
    expect(report.summary).toEqual({ passed: 3, failed: 0, skipped: 0, unavailable: 2 });
    expect(exitCode).toBe(3);
    await twin.close();
  });
});

describe('a check that catches the error itself', () => {
  test('is still UNAVAILABLE for that operation, never PASS', async () => {
    const target = scripted([answer(503)]);
    const swallows = defineActiveCheck({ id: 'test.swallows', title: 'T', severity: 'low', description: 'catches everything', run: (ctx) => forEachOperation(ctx, { auth: 'header', filter: (o) => o.operationId === 'getBalance' }, async (operation) => {
      await ctx.send({ operation }).catch(() => undefined);
      return [pass()];
    }) });
    const report = await runCatalogue({ target, checks: [swallows], transient: { sleep: async () => {} } });
    expect(report.lines.map((l) => [l.status, l.reason])).toEqual([['UNAVAILABLE', 'the target answered HTTP 503 on GET /api/customer/balance after 10 retries']]);
  });
});

describe('the twin at --fault-rate 0.3', () => {
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer({ faultRate: 0.3 });
  });
  afterAll(() => twin.close());

  test('the whole catalogue ends with 0 failures and nothing unavailable (faults are retried, never findings)', async () => {
    let waited = 0;
    const target = fetchTarget({ server: { fetch: (r) => twin.fetch(r) }, apiKey: alpha.key, merchantCode: alpha.merchantCode });
    const { report, exitCode } = await runVerify({ target, runs: 2, secondKey: bravo.key, transient: { sleep: async () => void waited++ } });
    expect(report.findings).toEqual([]);
    expect(report.summary.unavailable).toBe(0);
    expect(exitCode).toBe(0);
    expect(waited).toBeGreaterThan(20);
  });
});
