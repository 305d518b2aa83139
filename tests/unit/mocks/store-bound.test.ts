// The twin's order store is bounded (issue 17 #15, DECISIONS D7): past the bound pullCodes is the twin's own failure
// (500 [wupex-mock] STORE_FULL), nothing is charged, reset empties it; listing by any column needs no sort and stays in order.
import { describe, expect, test, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../mocks/demo-accounts.ts';
import { createMockServer } from '../../../mocks/server.ts';
import { kit } from '../../support/decided.ts';

const [alpha] = DEMO_ACCOUNTS;
const headers = { 'x-api-key': alpha!.key, 'accept-language': 'en-US', 'content-type': 'application/json' };
const order = (i: number, quantity = 1) => new Request(`http://127.0.0.1/api/order/pull-codes?referenceId=BOUND-${i}`, { method: 'POST', headers, body: JSON.stringify([{ merchant: alpha!.merchantCode, sku: 'GOOGLE-USA-10USD', quantity }]) });
const list = (body: object) => new Request('http://127.0.0.1/api/order/list', { method: 'POST', headers, body: JSON.stringify(body) });
const balance = () => new Request('http://127.0.0.1/api/customer/balance', { headers });

describe('order store bound', () => {
  test('the 4th order past a bound of 3 is STORE_FULL, charges nothing; reset makes room again', async () => {
    const twin = await createMockServer({ maxOrdersPerAccount: 3, seed: 1 });
    for (let i = 0; i < 3; i += 1) expect((await twin.fetch(order(i))).status).toBe(kit.pullCodes.successStatus);
    const before = (await (await twin.fetch(balance())).json()).data.balance;
    const refused = await twin.fetch(order(3));
    expect(refused.status).toBe(500);
    expect((await refused.json()).error).toEqual({ code: 'INTERNAL_ERROR', message: expect.stringMatching(/^\[wupex-mock\] STORE_FULL: this account holds 3 orders, the most the twin keeps; POST \/__mock\/reset empties the store\.$/) });
    expect((await (await twin.fetch(balance())).json()).data.balance).toBe(before);
    twin.reset();
    expect((await twin.fetch(order(4))).status).toBe(kit.pullCodes.successStatus);
    twin.close();
  });

  test('by date, newest first by default and oldest first with ASC, without a sort', async () => {
    const twin = await createMockServer({ seed: 2 });
    const names: string[] = [];
    for (let i = 0; i < 5; i += 1) names.push((await (await twin.fetch(order(i))).json()).data.orderName);
    const desc = (await (await twin.fetch(list({ pageSize: 2 }))).json()).data.map((o: { orderName: string }) => o.orderName);
    const asc = (await (await twin.fetch(list({ pageSize: 2, page: 2, orderColumn: 'orderDate', order: 'ASC' }))).json()).data.map((o: { orderName: string }) => o.orderName);
    expect(desc).toEqual([names[4], names[3]]);
    expect(asc).toEqual([names[2], names[3]]);
    twin.close();
  });

  test('by amount and by name: kept in order as orders are placed (ties in creation order), so no listing sorts the orders', async () => {
    const twin = await createMockServer({ seed: 3 });
    const placed: { orderName: string; totalAmount: number; i: number }[] = [];
    for (const [i, quantity] of [2, 1, 3, 1, 2, 1].entries()) placed.push({ ...(await (await twin.fetch(order(i, quantity))).json()).data, i });
    const sorts = vi.spyOn(Array.prototype, 'sort');
    const read = async (body: object) => (await (await twin.fetch(list({ pageSize: 100, ...body }))).json()).data.map((o: { orderName: string }) => o.orderName);
    const byAmount = await read({ orderColumn: 'orderAmount', order: 'ASC' });
    const byAmountDesc = await read({ orderColumn: 'orderAmount', order: 'DESC' });
    const byName = await read({ orderColumn: 'orderName', order: 'ASC' });
    const orderSorts = sorts.mock.contexts.filter((array) => Array.isArray(array) && array.some((o) => typeof o === 'object' && o !== null && 'sequence' in o));
    sorts.mockRestore();
    const expected = [...placed].sort((a, b) => a.totalAmount - b.totalAmount || a.i - b.i).map((o) => o.orderName);
    expect(byAmount).toEqual(expected);
    expect(byAmountDesc).toEqual([...expected].reverse());
    expect(byName).toEqual(placed.map((o) => o.orderName).sort());
    expect(orderSorts).toEqual([]);
    twin.close();
  });
});
