// wupexHandlers with msw: a plain fetch to the sandbox URL from the spec is answered by the in-process twin, offline.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kitCode, kitCopy, otherSuccessStatus } from '../../support/decided.ts';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { wupexHandlers } from '../../../mocks/msw-handlers.ts';
import { createMockServer } from '../../../mocks/server.ts';

const twin = createMockServer({ seed: 3 });
// A third origin built by wupexHandlers itself from { decisions }: the option passes through to createMockServer.
// Its success status is the one the kit does not send (201 while the kit sends 200), so only a passed-through profile shows it.
const profile = kitCopy();
profile.pullCodes.successStatus = otherSuccessStatus();
const network = setupServer(
  ...wupexHandlers({ twin }),
  ...wupexHandlers({ twin, baseUrl: 'https://wupex.internal.test/' }),
  ...wupexHandlers({ seed: 3, decisions: profile, baseUrl: 'https://profile.wupex.test' }),
);
beforeAll(() => network.listen({ onUnhandledRequest: 'error' }));
afterAll(() => network.close());

const headers = { 'x-api-key': DEMO_ACCOUNTS[0].key, 'accept-language': 'en-US' };

describe('wupexHandlers', () => {
  test('the sandbox URL gets the twin: balance, then an order the twin remembers', async () => {
    const balance = await fetch('https://sandbox-service.wupex.com/api/customer/balance', { headers });
    expect(await balance.json()).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
    const order = await fetch('https://sandbox-service.wupex.com/api/order/pull-codes?referenceId=MSW-1', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ merchant: DEMO_ACCOUNTS[0].merchantCode, sku: 'GOOGLE-USA-10USD', quantity: 1 }]),
    });
    const name = ((await order.json()) as { data: { orderName: string } }).data.orderName;
    const detail = await fetch(`https://sandbox-service.wupex.com/api/order/detail?orderName=${name}`, { headers });
    expect(detail.status).toBe(200);
  });

  test('another baseUrl is served the same way, and errors keep the vendor envelope', async () => {
    const response = await fetch('https://wupex.internal.test/api/customer/balance', { headers: { 'accept-language': 'en-US' } });
    expect([response.status, ((await response.json()) as { error: { code: string } }).error.code]).toEqual([401, kitCode(401)]);
  });

  test("{ decisions } passes through: that twin answers pull-codes with the profile's success status, not the kit's", async () => {
    const order = await fetch('https://profile.wupex.test/api/order/pull-codes', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify([{ merchant: DEMO_ACCOUNTS[0].merchantCode, sku: 'GOOGLE-USA-10USD', quantity: 1 }]),
    });
    expect(order.status).toBe(otherSuccessStatus());
  });

  test('a baseUrl that is not http(s) is refused with what to pass', () => {
    expect(() => wupexHandlers({ baseUrl: 'sandbox-service.wupex.com' })).toThrow(/^\[wupex-kit\] CONFIG_INVALID: wupexHandlers baseUrl/);
  });
});
