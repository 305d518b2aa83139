// `Prefer: code=N` answers each operation's own error example: its code matches the status, its wording matches the operation.
import { describe, expect, test } from 'vitest';
import { listOperations, loadSpec } from '../../../src/spec/spec.ts';
import { useTwin } from './harness.ts';

const ctx = useTwin();
const spec = loadSpec();
const STATUS_OF = (spec.components!.schemas!.ErrorCode as { 'x-status-codes': Record<string, number> })['x-status-codes'];

type Examples = Record<string, { value: { error: { code: string; message: string } } }>;

/** Every named error example of every operation: where it sits, the status it is documented under, its body. */
const errorExamples = listOperations(spec).flatMap(({ operationId, operation }) =>
  Object.entries(operation.responses ?? {})
    .filter(([status]) => Number(status) >= 400)
    .flatMap(([status, response]) => {
      const examples = ((response as { content?: Record<string, { examples?: Examples }> }).content?.['application/json']?.examples ?? {}) as Examples;
      return Object.entries(examples).map(([name, ex]) => ({ operationId, status: Number(status), name, error: ex.value.error }));
    }),
);

/** What each operation's wording may be about: an example that talks about another operation's thing is wrong there. */
const FOREIGN: Record<string, RegExp> = {
  listProducts: /\border\b|merchant '|\bsku\b/i,
  pullCodes: /\border '|\bpage\b/i,
  listOrders: /product '|merchant '|\bsku\b/i,
  getOrderDetail: /product '|merchant '|\bpage\b|\bsku\b/i,
  getBalance: /\border\b|product '|merchant '|\bpage\b|\bsku\b/i,
};

describe("each operation's error examples mean what its status means there", () => {
  test('there are error examples for all five operations', () => {
    expect(new Set(errorExamples.map((e) => e.operationId)).size).toBe(5);
  });

  test.each(errorExamples.map((e) => [`${e.operationId} ${e.status} "${e.name}"`, e] as const))('%s: code matches the status and the operation', (_where, e) => {
    expect(STATUS_OF[e.error.code], `${e.error.code} is documented for ${STATUS_OF[e.error.code]}, not ${e.status}`).toBe(e.status);
    expect(e.error.message, `message talks about another operation's resource`).not.toMatch(FOREIGN[e.operationId]!);
  });

  test('the wording check catches the old mistake: an order-not-found example under pullCodes 404', () => {
    expect("Order 'A99999999999999' was not found.").toMatch(FOREIGN.pullCodes!);
  });

  test('Prefer: code=404 on pullCodes answers an unknown sku, on getOrderDetail an unknown order', async () => {
    const pull = await ctx.twin.call('POST', '/api/order/pull-codes', { headers: { prefer: 'code=404' }, body: [] });
    expect(pull.status).toBe(404);
    expect(pull.body.error).toEqual({ code: 'NOT_FOUND', message: "Product 'NO-SUCH-SKU' was not found (body[0].sku)." });
    const detail = await ctx.twin.call('GET', '/api/order/detail?orderName=A1', { headers: { prefer: 'code=404' } });
    expect(detail.status).toBe(404);
    expect(detail.body.error.message).toMatch(/^Order '.+' was not found\.$/);
    ctx.twin.expectNoViolations();
  });

  test('Prefer: code=403 names another merchant only on pullCodes', async () => {
    const pull = await ctx.twin.call('POST', '/api/order/pull-codes', { headers: { prefer: 'code=403' }, body: [] });
    expect(pull.body.error.message).toMatch(/^Merchant '.+' does not belong to this API key/);
    const balance = await ctx.twin.call('GET', '/api/customer/balance', { headers: { prefer: 'code=403' } });
    expect(balance.body.error).toEqual({ code: 'FORBIDDEN', message: 'This API key may not call this operation.' });
  });
});
