import { describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../../mocks/server.ts';
import { kit, kitCode } from '../../../support/decided.ts';
import { ALPHA, BRAVO, createHarness, line, pinned, useTwin } from '../harness.ts';

const PATH = '/api/order/pull-codes';
// Pinned to the choices two groups of tests exist under: D6 (a 400 names the field) and a repeated referenceId replayed (#8);
// every other decision is the kit's (decisions-profile.test.ts checks the default twin's #8 against the kit).
const ctx = useTwin({ latencyMs: 1, decisions: pinned({ messagesNameField: true, repeatedReferenceId: { action: 'replay' } }) });
const SUCCESS = kit.pullCodes.successStatus;
const refusal = (answer: { status: number; body: any }) => [answer.status, answer.body.error?.code];

const balance = async (key: string = ALPHA.key) => (await ctx.twin.call('GET', '/api/customer/balance', { key })).body.data.balance as number;
const product = (sku: string) => ctx.server.store.product(sku)!;

describe('pullCodes', () => {
  test('places an order with one serial per unit, deducts the total and the stock', async () => {
    const stock = product('GOOGLE-USA-10USD').available;
    const answer = await ctx.twin.call('POST', PATH, { body: [line('GOOGLE-USA-10USD', 2), line('APPLE-USA-15USD', 1)] });
    expect(answer.status).toBe(SUCCESS);
    expect(answer.body.data.orderName).toMatch(/^[A-Z]\d{14}$/);
    expect(answer.body.data.totalAmount).toBe(35);
    expect(answer.body.data.serials).toHaveLength(3);
    for (const serial of answer.body.data.serials) expect(serial.serialCode).toMatch(/^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/);
    expect(answer.body.data.serials.map((s: { sku: string }) => s.sku)).toEqual(['GOOGLE-USA-10USD', 'GOOGLE-USA-10USD', 'APPLE-USA-15USD']);
    expect(await balance()).toBe(4965);
    expect(product('GOOGLE-USA-10USD').available).toBe(stock - 2);
  });

  test('another merchant code gets the decided refusal (DECISIONS #10), naming the line', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: [line('GOOGLE-USA-10USD', 1, BRAVO.merchant)] });
    expect(answer.status).toBe(kit.orderLimits.otherMerchant.status);
    expect(answer.body.error).toEqual({ code: kit.orderLimits.otherMerchant.code, message: "Merchant 'DEMO-MERCHANT-B' does not belong to this API key (body[0].merchant)." });
  });

  test('an unknown sku gets the decided refusal (404 NOT_FOUND today)', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: [line('NOPE-USA-1USD', 1)] });
    expect(refusal(answer)).toEqual([kit.pullCodes.unknownSku.status, kit.pullCodes.unknownSku.code]);
  });

  test('a disabled product gets the decided refusal (409 PRODUCT_DISABLED today)', async () => {
    const disabled = ctx.server.store.products().find((p) => !p.enabled)!;
    const answer = await ctx.twin.call('POST', PATH, { body: [line(disabled.productCode, 1)] });
    expect(refusal(answer)).toEqual([kit.pullCodes.disabledProduct.status, kit.pullCodes.disabledProduct.code]);
  });

  test('more than in stock gets the decided refusal (409 INSUFFICIENT_STOCK today), also when split over two lines', async () => {
    const sku = 'APPLE-USA-25USD';
    const stock = product(sku).available;
    const lines = Array.from({ length: Math.ceil((stock + 1) / 100) }, () => line(sku, 100));
    const answer = await ctx.twin.call('POST', PATH, { body: lines });
    expect(refusal(answer)).toEqual([kit.pullCodes.outOfStock.status, kit.pullCodes.outOfStock.code]);
  });

  test('over the spendable balance gets the decided refusal (409 INSUFFICIENT_BALANCE today) and nothing moves (all-or-nothing)', async () => {
    const stock = product('STEAM-USA-50USD').available;
    const answer = await ctx.twin.call('POST', PATH, { body: [line('GOOGLE-USA-10USD', 1), line('STEAM-USA-50USD', 100), line('APPLE-USA-25USD', 100)] });
    expect(answer.status).toBe(kit.pullCodes.lowBalance.status);
    expect(answer.body.error).toEqual({ code: kit.pullCodes.lowBalance.code, message: 'Order total 7510.00 exceeds the available balance 5000.00.' });
    expect(await balance()).toBe(5000);
    expect(product('STEAM-USA-50USD').available).toBe(stock);
    expect(ctx.server.store.account(ALPHA.key)!.orders).toHaveLength(0);
  });

  test('credit counts towards what can be spent (spendable = balance + credit)', async () => {
    ctx.server.store.account(ALPHA.key)!.credit = 100;
    const answer = await ctx.twin.call('POST', PATH, { body: [line('STEAM-USA-50USD', 100), line('GOOGLE-USA-10USD', 10)] });
    expect(answer.status).toBe(SUCCESS);
    expect(await balance()).toBe(-100);
  });

  test.each([
    [[], 'body must NOT have fewer than 1 items.'],
    [[line('GOOGLE-USA-10USD', 0)], 'body[0].quantity must be >= 1.'],
    [[{ sku: 'GOOGLE-USA-10USD', quantity: 1 }], "body[0] must have required property 'merchant'."],
  ])('invalid body %j is 400: %s', async (body, message) => {
    const answer = await ctx.twin.call('POST', PATH, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: kitCode(400), message });
  });

  test('an invalid referenceId is 400 naming the query parameter', async () => {
    const answer = await ctx.twin.call('POST', `${PATH}?referenceId=${encodeURIComponent('has space')}`, { body: [line('GOOGLE-USA-10USD', 1)] });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^Query parameter 'referenceId' must match pattern/);
  });

  test('allowTakeAll is accepted and ignored (DECISIONS #9)', async () => {
    expect((await ctx.twin.call('POST', `${PATH}?allowTakeAll=true`, { body: [line('GOOGLE-USA-10USD', 1)] })).status).toBe(SUCCESS);
  });

  test('replayed (#8 today), the same referenceId returns the same order and charges once, whatever the body', async () => {
    const first = await ctx.twin.call('POST', `${PATH}?referenceId=RETRY-1`, { body: [line('GOOGLE-USA-10USD', 2)] });
    const again = await ctx.twin.call('POST', `${PATH}?referenceId=RETRY-1`, { body: [line('STEAM-USA-50USD', 5)] });
    expect(again.status).toBe(SUCCESS);
    expect(again.body).toEqual(first.body);
    expect(await balance()).toBe(4980);
  });

  test('replayed, concurrent requests with one referenceId create exactly one order and one charge', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => ctx.twin.call('POST', `${PATH}?referenceId=RACE-1`, { body: [line('GOOGLE-USA-10USD', 1)] })));
    expect(new Set(answers.map((a) => a.body.data.orderName)).size).toBe(1);
    expect(answers.every((a) => a.status === SUCCESS)).toBe(true);
    expect(ctx.server.store.account(ALPHA.key)!.orders).toHaveLength(1);
    expect(await balance()).toBe(4990);
  });

  test('replayed, concurrent requests over HTTP with one referenceId also charge once', async () => {
    const { url } = await ctx.server.listen(0);
    const send = () =>
      fetch(`${url}${PATH}?referenceId=RACE-HTTP`, { method: 'POST', headers: { 'x-api-key': ALPHA.key, 'accept-language': 'en-US', 'content-type': 'application/json' }, body: JSON.stringify([line('APPLE-USA-2USD', 1)]) }).then((r) => r.json());
    const bodies = await Promise.all(Array.from({ length: 30 }, send));
    await ctx.server.close();
    expect(new Set(bodies.map((b) => b.data.orderName)).size).toBe(1);
    expect(await balance()).toBe(4998);
  });

  test('a referenceId is per account: another key with the same referenceId gets its own order', async () => {
    const a = await ctx.twin.call('POST', `${PATH}?referenceId=SHARED`, { body: [line('GOOGLE-USA-10USD', 1)] });
    const b = await ctx.twin.call('POST', `${PATH}?referenceId=SHARED`, { key: BRAVO.key, body: [line('GOOGLE-USA-10USD', 1, BRAVO.merchant)] });
    expect(b.body.data.orderName).not.toBe(a.body.data.orderName);
    expect(await balance(BRAVO.key)).toBe(4990);
  });

  test('serials and order names are deterministic for a seed', async () => {
    const other = await createMockServer({ seed: 7 });
    const again = await createMockServer({ seed: 7 });
    const order = (s: MockServer) => createHarness(s).call('POST', PATH, { body: [line('GOOGLE-USA-10USD', 2)] });
    expect((await order(other)).body).toEqual((await order(again)).body);
  });
});
