// isolation.other-account: with a second account's key, the first account's order, orders and balance never leak,
// and its order answers the decided refusal (decisions.yaml otherAccountOrder; today 404 NOT_FOUND like an unknown one,
// DECISIONS #19), judged against the owner's 200 control.
import type { SpecOperation } from '../../spec/spec.ts';
import type { CheckContext } from './context.ts';
import { defineActiveCheck, fail, pass, skip, type Outcome } from './check.ts';
import { basis, parameterBasis } from './lib/basis.ts';
import { existingOrderName, operationById } from './lib/discover.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { describeAnswer, judgeRejection } from './lib/rejection.ts';
import { isObject } from './lib/text.ts';

const OPERATIONS = ['getOrderDetail', 'listOrders', 'getBalance'];
const concerns = (operation: SpecOperation) => OPERATIONS.includes(operation.operationId);

export const NO_SECOND_KEY = 'no second account: set WUPEX_API_KEY_2 to the key of another account on the same environment (in-process, the twin\'s second demo account is used)';
const SAME_KEY = 'WUPEX_API_KEY_2 is the same key as WUPEX_API_KEY; set it to another account\'s key';
/** A leak is a broken contract: the key is what identifies the account (S2). */
const LEAK = basis([], ['S2']);

const dataOf = (json: unknown) => (isObject(json) ? json.data : undefined);

/** The owner reads its order (control, 200); the other key must get the decided refusal (otherAccountOrder; today 404 NOT_FOUND, as for an unknown order). */
async function orderDetail(ctx: CheckContext, operation: SpecOperation, orderName: string): Promise<Outcome> {
  const control = await ctx.send({ operation, query: { orderName } });
  if (control.response.status !== 200) return skip(`the control (the owner reading order ${orderName}) got ${describeAnswer(control)}, so the other account's answer cannot be judged`);
  const exchange = await ctx.send({ operation, query: { orderName }, auth: 'second', evidenceFor: { entry: 'otherAccountOrder' } });
  const { status, code } = ctx.decisions.otherAccountOrder;
  if (exchange.response.status < 300) return fail(`${operation.label}: the second account read the first account's order ${orderName} (${describeAnswer(exchange)}); another account's order must be ${status} ${code}.`, exchange, LEAK);
  return judgeRejection(exchange, operation, { what: `the first account's order ${orderName} read with the second account's key`, status, code, basis: parameterBasis(operation, 'orderName') });
}

/** The other key's order list (unfiltered and searched by name) never shows the first account's order. */
async function orderList(ctx: CheckContext, operation: SpecOperation, orderName: string): Promise<Outcome> {
  const bodies = [{ page: 1, pageSize: 100 }, { page: 1, pageSize: 10, search: [{ column: 'orderName', operator: 'Equals', value: orderName }] }];
  for (const body of bodies) {
    const exchange = await ctx.send({ operation, body, auth: 'second' });
    if (exchange.response.status !== 200) return skip(`the second account's order list got ${describeAnswer(exchange)}, so it cannot be searched`);
    const rows = dataOf(exchange.response.json);
    if (Array.isArray(rows) && rows.some((row) => isObject(row) && row.orderName === orderName)) {
      return fail(`${operation.label}: the second account's order list (${JSON.stringify(body)}) shows the first account's order ${orderName}; an account sees only its own orders.`, exchange, LEAK);
    }
  }
  return pass();
}

/** Each key gets its own balance: the second key must not be answered the first account's balance after it has spent. */
async function balance(ctx: CheckContext, operation: SpecOperation): Promise<Outcome> {
  const own = await ctx.send({ operation });
  const other = await ctx.send({ operation, auth: 'second' });
  if (own.response.status !== 200 || other.response.status !== 200) return skip(`the balances got ${describeAnswer(own)} (first) and ${describeAnswer(other)} (second), so they cannot be compared`);
  const [a, b] = [dataOf(own.response.json), dataOf(other.response.json)];
  if (JSON.stringify(a) !== JSON.stringify(b)) return pass();
  if ((await existingOrderName(ctx)) === undefined) return skip('both accounts show the same balance and the first has no order, so a shared balance cannot be told from two equal ones');
  return fail(`${operation.label}: the second account is answered the same balance as the first (${JSON.stringify(a)}), although only the first has ordered; each key sees its own account.`, other, LEAK);
}

export const isolationOtherAccount = defineActiveCheck({
  id: 'isolation.other-account',
  title: "Another account's data reachable",
  severity: 'critical',
  description: "With a second key (WUPEX_API_KEY_2): another account's order answered with anything but the decided refusal (decisions.yaml otherAccountOrder, today 404 NOT_FOUND; 403 included), listed, or its balance answered to the other key.",
  requires: ['validatesKeyValues', 'keepsState'],
  appliesTo: concerns,
  async run(ctx) {
    const reason = !ctx.secondKey ? NO_SECOND_KEY : ctx.secondKey === ctx.target.apiKey ? SAME_KEY : undefined;
    if (reason) return ctx.spec.operations.filter(concerns).map((operation) => ({ operation, outcome: skip(reason) }));
    const orderName = await existingOrderName(ctx);
    return forEachOperation(ctx, { auth: 'second', filter: concerns }, async (operation) => {
      if (operation.operationId === 'getBalance') return [await balance(ctx, operation)];
      if (!orderName) return [skip('the first account has no order to look for (none listed, and orders are not allowed to place one)')];
      if (operation.operationId === 'listOrders') return [await orderList(ctx, operation, orderName)];
      return [await orderDetail(ctx, operationById(ctx, 'getOrderDetail'), orderName)];
    });
  },
});
