import { describe, expect, test } from 'vitest';
import { BRAVO, line, useTwin } from '../harness.ts';

const ctx = useTwin();

describe('getBalance', () => {
  test('a fresh demo account has 5000.00 and no credit', async () => {
    const answer = await ctx.twin.call('GET', '/api/customer/balance');
    expect(answer.body).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
  });

  test('reflects every purchase, to the cent', async () => {
    const first = await ctx.twin.call('POST', '/api/order/pull-codes', { body: [line('GOOGLE-USA-10USD', 2)] });
    const second = await ctx.twin.call('POST', '/api/order/pull-codes', { body: [line('APPLE-USA-2USD', 3)] });
    const answer = await ctx.twin.call('GET', '/api/customer/balance');
    expect(answer.body.data.balance).toBe(5000 - first.body.data.totalAmount - second.body.data.totalAmount);
    expect(answer.body.data.creditBalance).toBe(answer.body.data.balance);
  });

  test("one account's purchases do not move another's balance", async () => {
    await ctx.twin.call('POST', '/api/order/pull-codes', { body: [line('STEAM-USA-50USD', 1)] });
    expect((await ctx.twin.call('GET', '/api/customer/balance', { key: BRAVO.key })).body.data.balance).toBe(5000);
  });

  test('an unknown key is 401', async () => {
    expect((await ctx.twin.call('GET', '/api/customer/balance', { key: 'wupex-demo-key-charlie' })).status).toBe(401);
  });
});
