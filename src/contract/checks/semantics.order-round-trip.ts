// semantics.order-round-trip: an order's codes, listing and charge agree everywhere, and a repeated referenceId does what
// decisions.yaml repeatedReferenceId says (today: the same order, charged once; DECISIONS #8).
import type { EvidenceTag } from '../../http/exchange.ts';
import type { SpecOperation } from '../../spec/spec.ts';
import type { Exchange } from '../targets/target.ts';
import type { CheckContext } from './context.ts';
import { defineActiveCheck, fail, pass, skip, type Basis, type Outcome } from './check.ts';
import { operationById, orderableProduct, readBalance } from './lib/discover.ts';
import { basis } from './lib/basis.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';
import { isObject } from './lib/text.ts';

const isPullCodes = (operation: SpecOperation) => operation.operationId === 'pullCodes';
const sameMoney = (a: number, b: number) => Math.abs(a - b) < 0.005;
/** A repeat refused (409 for a reused referenceId) differs from DECISIONS #8, whatever the first order's basis. */
const withBasis = (outcome: Outcome, b: Basis): Outcome => (outcome.kind === 'fail' ? { ...outcome, basis: b } : outcome);

interface Placed {
  exchange: Exchange;
  orderName: string;
  totalAmount: number;
  codes: string[];
}

const codesOf = (serials: unknown): string[] => (Array.isArray(serials) ? serials.map((s) => String(isObject(s) ? s.serialCode : s)).sort() : []);

async function place(ctx: CheckContext, op: SpecOperation, body: unknown, referenceId: string, evidenceFor?: EvidenceTag): Promise<Placed | Outcome> {
  const exchange = await ctx.send({ operation: op, query: { referenceId }, body, evidenceFor });
  const data = isObject(exchange.response.json) ? exchange.response.json.data : undefined;
  // Any 2xx carrying the order counts here: a 201 is conformance.status-code's finding (DECISIONS #12), not a lost order.
  const ok = exchange.response.status >= 200 && exchange.response.status < 300;
  if (!ok || !isObject(data) || typeof data.orderName !== 'string') {
    return fail(`${op.label}: ordering ${JSON.stringify(body)} answered HTTP ${exchange.response.status} without an order; the round trip needs a 2xx with data.orderName.`, exchange, basis([], ['S5']));
  }
  return { exchange, orderName: data.orderName, totalAmount: Number(data.totalAmount), codes: codesOf(data.serials) };
}

/** getOrderDetail shows the same codes, and listOrders finds the order by name. */
async function readBack(ctx: CheckContext, op: SpecOperation, order: Placed): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const detail = await ctx.send({ operation: operationById(ctx, 'getOrderDetail'), query: { orderName: order.orderName } });
  const data = isObject(detail.response.json) ? detail.response.json.data : undefined;
  const lines = isObject(data) && Array.isArray(data.orderData) ? data.orderData : [];
  const shown = lines.flatMap((line) => codesOf(isObject(line) ? line.serials : [])).sort();
  if (detail.response.status !== 200 || shown.join('\n') !== order.codes.join('\n')) {
    out.push(fail(`${op.label}: order ${order.orderName} returned ${order.codes.length} codes, but getOrderDetail (HTTP ${detail.response.status}) shows ${shown.length} codes that differ; the spec documents the same serials in both (DECISIONS #18).`, detail, basis(['18'], ['S5'])));
  }
  const search = [{ column: 'orderName', operator: 'Equals', value: order.orderName }];
  const listed = await ctx.send({ operation: operationById(ctx, 'listOrders'), body: { page: 1, pageSize: 10, search } });
  const rows = isObject(listed.response.json) && Array.isArray(listed.response.json.data) ? listed.response.json.data : [];
  if (!rows.some((row) => isObject(row) && row.orderName === order.orderName)) {
    out.push(fail(`${op.label}: listOrders searched by orderName "${order.orderName}" (HTTP ${listed.response.status}) did not find the order just placed.`, listed, basis(['15'], ['S6'])));
  }
  return out;
}

async function roundTrip(ctx: CheckContext, op: SpecOperation): Promise<Outcome[]> {
  const merchant = ctx.target.merchantCode;
  if (!merchant) return [skip("no merchant code: set WUPEX_MERCHANT_CODE to your account's merchant code")];
  const before = await readBalance(ctx);
  if (before === undefined) return [skip('getBalance did not answer a balance, so charges cannot be compared')];
  const product = await orderableProduct(ctx, before);
  if (typeof product === 'string') return [skip(product)];
  const body = [{ merchant, sku: product.productCode, quantity: 1 }];
  const referenceId = `wupex-kit-rt-${ctx.seed}-${Date.now().toString(36)}`;
  const order = await place(ctx, op, body, referenceId);
  if (!('orderName' in order)) return [order];
  const out = await readBack(ctx, op, order);
  const after = (await readBalance(ctx)) ?? Number.NaN;
  if (!sameMoney(before - order.totalAmount, after)) {
    out.push(fail(`${op.label}: order ${order.orderName} of totalAmount ${order.totalAmount} moved the balance from ${before} to ${after}; the spec documents a drop of exactly totalAmount.`, order.exchange, basis([], ['S5', 'S7'])));
  }
  out.push(...(await repeat(ctx, op, body, referenceId, order, after)));
  return out.length ? out : [pass()];
}

/** The same order again with the same referenceId: replayed, refused or a new order, as decided (#8). */
async function repeat(ctx: CheckContext, op: SpecOperation, body: unknown, referenceId: string, order: Placed, after: number): Promise<Outcome[]> {
  const decided = ctx.decisions.repeatedReferenceId;
  const row = basis(['8'], ['S1']);
  if (decided.action === 'reject') {
    const refused = await ctx.send({ operation: op, query: { referenceId }, body, evidenceFor: { entry: 'repeatedReferenceId' } });
    const final = (await readBalance(ctx)) ?? Number.NaN;
    const judged = judgeRejection(refused, op, { what: `repeating referenceId ${referenceId}`, status: decided.status, code: decided.code, basis: row });
    if (judged.kind === 'fail') return [judged];
    return sameMoney(final, after) ? [] : [fail(`${op.label}: the refused repeat of referenceId ${referenceId} moved the balance from ${after} to ${final}; a refusal charges nothing.`, refused, row)];
  }
  const again = await place(ctx, op, body, referenceId, { entry: 'repeatedReferenceId' });
  if (!('orderName' in again)) return [withBasis(again, row)];
  const final = (await readBalance(ctx)) ?? Number.NaN;
  if (decided.action === 'new-order') {
    if (again.orderName === order.orderName || !sameMoney(final, after - again.totalAmount)) {
      return [fail(`${op.label}: repeating referenceId ${referenceId} gave order ${again.orderName} (first: ${order.orderName}) and moved the balance from ${after} to ${final}; the decisions (repeatedReferenceId: new-order) expect a second order, charged again.`, again.exchange, row)];
    }
    return [];
  }
  if (again.orderName !== order.orderName || !sameMoney(final, after)) {
    return [fail(`${op.label}: repeating referenceId ${referenceId} gave order ${again.orderName} (first: ${order.orderName}) and moved the balance from ${after} to ${final}; the spec documents the same order, charged once (DECISIONS #8).`, again.exchange, row)];
  }
  return [];
}

export const semanticsOrderRoundTrip = defineActiveCheck({
  id: 'semantics.order-round-trip',
  title: 'Order round trip inconsistent',
  severity: 'critical',
  description: 'pullCodes codes that getOrderDetail shows differently, an order listOrders cannot find, a wrong charge, or a repeated referenceId not handled as decided (decisions.yaml repeatedReferenceId; today the same order, charged once).',
  requires: ['keepsState', 'allowsOrders'],
  appliesTo: isPullCodes,
  run: (ctx) => forEachOperation(ctx, { auth: 'header', filter: isPullCodes }, (operation) => roundTrip(ctx, operation)),
});
