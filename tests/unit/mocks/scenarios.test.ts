// Scenarios and the admin routes: every example in mocks/scenarios/ puts the twin in the state it describes; admin answers loopback origins only.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { PACKAGE_ROOT } from '../../../src/core/package-root.ts';
import { kit } from '../../support/decided.ts';
import { ALPHA, createHarness, line, type Harness } from './harness.ts';

const scenarioFile = (name: string) => resolve(PACKAGE_ROOT, 'mocks/scenarios', `${name}.json`);
const scenario = (name: string) => JSON.parse(readFileSync(scenarioFile(name), 'utf8'));
const order = (twin: Harness, referenceId?: string) =>
  twin.call('POST', `/api/order/pull-codes${referenceId ? `?referenceId=${referenceId}` : ''}`, { body: [line('GOOGLE-USA-10USD', 1)] });
const admin = (server: MockServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  server.fetch(new Request(`http://twin.test/__mock/${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }));

let server: MockServer;
let twin: Harness;
beforeAll(async () => {
  server = await createMockServer({ scenario: scenarioFile('low-balance') });
  twin = createHarness(server);
});
afterEach(() => server.reset());
afterAll(async () => {
  twin.expectNoViolations();
  await server.close();
});

describe('scenario examples', () => {
  test('low-balance (--scenario): the next order gets the decided low-balance refusal, and a reset applies the scenario again', async () => {
    expect((await twin.call('GET', '/api/customer/balance')).body.data).toMatchObject({ balance: 5, credit: 0 });
    const refused = await order(twin);
    expect([refused.status, refused.body.error.code]).toEqual([kit.pullCodes.lowBalance.status, kit.pullCodes.lowBalance.code]);
    expect((await admin(server, 'POST', 'reset')).status).toBe(200);
    expect((await twin.call('GET', '/api/customer/balance')).body.data.balance).toBe(5);
  });

  test.each([
    ['sold-out-product', 'outOfStock', kit.pullCodes.outOfStock],
    ['disabled-product', 'disabledProduct', kit.pullCodes.disabledProduct],
  ] as const)('%s: an order of GOOGLE-USA-10USD gets the decided pullCodes.%s refusal', async (name, _entry, { status, code }) => {
    await admin(server, 'POST', 'accounts/DEMO-MERCHANT-A', { balance: 5000 });
    expect((await admin(server, 'POST', 'scenario', scenario(name))).status).toBe(200);
    const answer = await order(twin);
    expect([answer.status, answer.body.error.code]).toEqual([status, code]);
  });

  test('flaky-sandbox: two 503s for pullCodes and one 429 for getBalance, then normal answers', async () => {
    await admin(server, 'POST', 'accounts/DEMO-MERCHANT-A', { balance: 5000 });
    expect((await admin(server, 'POST', 'scenario', scenario('flaky-sandbox'))).status).toBe(200);
    const statuses = [(await order(twin, 'FLAKY-1')).status, (await order(twin, 'FLAKY-1')).status, (await order(twin, 'FLAKY-1')).status];
    expect(statuses).toEqual([503, 503, kit.pullCodes.successStatus]);
    const first = await twin.call('GET', '/api/customer/balance');
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, kit.retryAfter.send ? '1' : null]);
    expect((await twin.call('GET', '/api/customer/balance')).status).toBe(200);
  });
});

describe('admin routes', () => {
  test('set a product and an account; state shows it', async () => {
    expect((await admin(server, 'POST', 'products/GOOGLE-USA-10USD', { available: 3, enabled: true })).status).toBe(200);
    await admin(server, 'POST', 'accounts/DEMO-MERCHANT-A', { balance: 5000 });
    const answer = await twin.call('POST', '/api/order/pull-codes', { body: [line('GOOGLE-USA-10USD', 4)] });
    expect([answer.status, answer.body.error.code]).toEqual([kit.pullCodes.outOfStock.status, kit.pullCodes.outOfStock.code]);
    const state = await (await admin(server, 'POST', 'accounts/DEMO-MERCHANT-B', { balance: 12.345, credit: 7 })).json();
    expect(state.data.accounts.find((a: { merchantCode: string }) => a.merchantCode === 'DEMO-MERCHANT-B')).toMatchObject({ balance: 12.35, credit: 7 });
  });

  test('a cross-origin request is refused with 403 and changes nothing', async () => {
    const refused = await admin(server, 'POST', 'accounts/DEMO-MERCHANT-A', { balance: 0 }, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/^\[wupex-mock\] ADMIN_ORIGIN_REFUSED: admin routes answer only loopback origins/);
    expect((await admin(server, 'POST', 'reset', undefined, { origin: 'null' })).status).toBe(403);
    expect((await admin(server, 'GET', 'state', undefined, { origin: 'http://127.0.0.1:5173' })).status).toBe(200);
    expect((await twin.call('GET', '/api/customer/balance')).body.data.balance).toBe(5);
  });

  test.each([
    ['accounts/DEMO-MERCHANT-A', { key: ALPHA.key, balance: 1 }, 400, /never a key/],
    ['accounts/NOPE', { balance: 1 }, 404, /no account with merchant code 'NOPE'/],
    ['products/GOOGLE-USA-10USD', { availble: 1 }, 400, /products\/GOOGLE-USA-10USD body \(unknown field\(s\) "availble"\)/],
    ['faults', { operation: 'getBalance', status: 409, count: 1 }, 400, /status 409 is not documented for getBalance; use one of 200, 400/],
    ['faults', { operation: 'nope', status: 503, count: 1 }, 400, /'nope' is not in the spec/],
  ])('POST /__mock/%s %j is %i', async (path, body, status, message) => {
    const answer = await admin(server, 'POST', path, body);
    expect(answer.status).toBe(status);
    expect((await answer.json()).error.message).toMatch(message);
  });
});

describe('seeds', () => {
  test('without a seed the first order name is not the old fixed one and changes across resets; with a seed a reset repeats it', async () => {
    const names = async (s: MockServer) => {
      const t = createHarness(s);
      await admin(s, 'POST', 'accounts/DEMO-MERCHANT-A', { balance: 5000 });
      const first = (await order(t)).body.data.orderName;
      s.reset();
      await admin(s, 'POST', 'accounts/DEMO-MERCHANT-A', { balance: 5000 });
      return [first, (await order(t)).body.data.orderName];
    };
    const seeded = await createMockServer({ seed: 1 });
    const [fresh, pinned] = [await names(server), await names(seeded)];
    expect(pinned).toEqual(['Q05992674944142', 'Q05992674944142']);
    expect(fresh[0]).not.toBe(fresh[1]);
    expect(fresh).not.toContain('Q05992674944142');
  });
});
