// Admin and scenario messages a newcomer meets: the unknown field named, no accounts[0] on a single-item route, 400 for a
// fault with an undocumented status, 405 for a known route with the wrong method, a scenario hint that is about scenarios.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFailedHint } from '../../../mocks/cli-options.ts';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';

describe('admin messages', () => {
  let twin: MockServer;
  beforeAll(async () => {
    twin = await createMockServer();
  });
  afterAll(() => twin.close());
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await twin.fetch(new Request(`http://127.0.0.1/__mock/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) }));
    return { status: response.status, allow: response.headers.get('allow'), message: ((await response.json()) as { error?: { message: string } }).error?.message ?? '' };
  };

  test('a typo in an account field is named, and a single-account route does not say accounts[0]', async () => {
    const r = await admin('POST', 'accounts/DEMO-MERCHANT-A', { balanse: 5 });
    expect(r.status).toBe(400);
    expect(r.message).toContain('unknown field(s) "balanse"');
    expect(r.message).toContain('POST /__mock/accounts/DEMO-MERCHANT-A body');
    expect(r.message).not.toContain('accounts[0]');
  });

  test.each(['accounts/%zz', 'products/%E0%A4%A', 'accounts/50%'])('a malformed percent-escape in an admin path (%s) is 400 naming it, not a 500 (issue 17 #21)', async (path) => {
    const r = await admin('POST', path, { balance: 5 });
    expect(r.status).toBe(400);
    expect(r.message).toContain('is not a valid percent-encoded name');
  });

  test('a whole scenario names the item and the unknown field', async () => {
    const r = await admin('POST', 'scenario', { products: [{ sku: 'X', stock: 1 }] });
    expect(r.message).toContain('body.products[0] (unknown field(s) "stock")');
  });

  test('a fault with an undocumented status is 400, an unknown merchant 404', async () => {
    const fault = await admin('POST', 'faults', { operation: 'getBalance', status: 418, count: 1 });
    expect(fault.status).toBe(400);
    expect(fault.message).toContain('fault status 418 is not documented for getBalance');
    expect((await admin('POST', 'accounts/NOPE', { balance: 1 })).status).toBe(404);
  });

  test('GET /__mock/reset is 405 with Allow: POST; an unknown admin path stays 404', async () => {
    const r = await admin('GET', 'reset');
    expect([r.status, r.allow]).toEqual([405, 'POST']);
    expect(r.message).toContain('use POST /__mock/reset');
    expect((await admin('POST', 'state')).status).toBe(405);
    expect((await admin('GET', 'nothing-here')).status).toBe(404);
  });
});

test('a bad scenario file at start: the hint is about scenarios, not lint:spec', () => {
  expect(startFailedHint('[wupex-mock] SCENARIO_INVALID: x.json has unknown field(s) y')).not.toContain('lint:spec');
  expect(startFailedHint('[wupex-mock] SPEC_INVALID: bad yaml')).toContain('npm run lint:spec');
});

describe('money stays finite (issue 17 #17)', () => {
  test.each([1e308, 1e13, -1])('a balance of %s is refused naming the range, and the balance answered stays a number', async (balance) => {
    const twin = await createMockServer({ seed: 1 });
    const response = await twin.fetch(new Request('http://127.0.0.1/__mock/accounts/DEMO-MERCHANT-A', { method: 'POST', body: JSON.stringify({ balance }), headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('numbers from 0 to 1000000000000');
    expect(Number.isFinite(twin.store.accountByMerchant('DEMO-MERCHANT-A')?.balance)).toBe(true);
    await twin.close();
  });
});
