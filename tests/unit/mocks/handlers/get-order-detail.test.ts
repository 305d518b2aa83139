import { describe, expect, test } from 'vitest';
import { kitCode } from '../../../support/decided.ts';
import { BRAVO, line, pinned, useTwin } from '../harness.ts';

// Pinned to the choices two tests exist under: another account's order is 404 NOT_FOUND (#19, indistinguishable from an
// unknown one) and D6 (a 400 names the query parameter); decisions-profile.test.ts checks the default twin's #19 against the kit.
const ctx = useTwin({ decisions: pinned({ messagesNameField: true, otherAccountOrder: { status: 404, code: 'NOT_FOUND' } }) });

const detail = (orderName: string, key?: string) => ctx.twin.call('GET', `/api/order/detail?orderName=${encodeURIComponent(orderName)}`, { key });

describe('getOrderDetail', () => {
  test('returns the order with its lines and the codes pullCodes returned', async () => {
    const pulled = (await ctx.twin.call('POST', '/api/order/pull-codes?referenceId=D-1', { body: [line('GOOGLE-USA-10USD', 2), line('APPLE-USA-15USD', 1)] })).body.data;
    const answer = await detail(pulled.orderName);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ orderName: pulled.orderName, orderAmount: 35, referenceId: 'D-1' });
    expect(answer.body.data.orderData.map((l: { sku: string; quantity: number; unitPrice: number }) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      ['GOOGLE-USA-10USD', 2, 10],
      ['APPLE-USA-15USD', 1, 15],
    ]);
    const codes = answer.body.data.orderData.flatMap((l: { serials: Array<{ serialCode: string }> }) => l.serials.map((s) => s.serialCode));
    expect(codes).toEqual(pulled.serials.map((s: { serialCode: string }) => s.serialCode));
  });

  test('an unknown orderName is 404 NOT_FOUND', async () => {
    const answer = await detail('A99999999999999');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ status: false, error: { code: 'NOT_FOUND', message: "Order 'A99999999999999' was not found." } });
  });

  test("decided 404 (#19 today), another account's order is indistinguishable from an unknown one", async () => {
    const pulled = (await ctx.twin.call('POST', '/api/order/pull-codes', { body: [line('GOOGLE-USA-10USD', 1)] })).body.data;
    const foreign = await detail(pulled.orderName, BRAVO.key);
    const unknown = await detail('A99999999999999', BRAVO.key);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(`Order '${pulled.orderName}' was not found.`);
    expect(JSON.stringify(foreign.body).replace(pulled.orderName, 'NAME')).toBe(JSON.stringify(unknown.body).replace('A99999999999999', 'NAME'));
  });

  test('a missing orderName is 400 naming the query parameter', async () => {
    const answer = await ctx.twin.call('GET', '/api/order/detail');
    expect(answer.body.error).toEqual({ code: kitCode(400), message: "Query parameter 'orderName' is required." });
  });
});
