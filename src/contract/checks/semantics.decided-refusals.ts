// semantics.decided-refusals: with orders allowed, each pullCodes refusal of decisions.yaml gets its decided status and code:
// an out-of-stock product, a disabled product, more than the balance pays for, an unknown sku, another merchant's
// code (DECISIONS #10, #12).
import type { SpecOperation } from '../../spec/spec.ts';
import type { Refusal } from '../../spec/decisions.ts';
import type { CheckContext, RequestSpec } from './context.ts';
import { defineActiveCheck, skip, type Outcome } from './check.ts';
import { validBase } from './lib/base-request.ts';
import { basis } from './lib/basis.ts';
import { discoverProducts, readBalance, type Product } from './lib/discover.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { probeRejection } from './lib/rejection.ts';

const isPullCodes = (operation: SpecOperation) => operation.operationId === 'pullCodes';

/** A sku no catalogue holds. */
export const UNKNOWN_SKU = 'WUPEX-KIT-NO-SUCH-SKU';

interface Case {
  what: string;
  entry: string;
  refusal: Refusal;
  /** The one order line that must be refused, or why none can be built on this target. */
  line: { merchant: string; sku: string; quantity: number } | string;
  decisions: string[];
}

/**
 * The smallest single line that costs more than the spendable balance: an enabled product with enough stock, bought
 * in a quantity within orderLimits.maxQuantity, or why none exists. A server that wrongly accepts it spends the balance.
 */
function overBudget(products: Product[], spendable: number | undefined, maxQuantity: number): { sku: string; quantity: number } | string {
  if (spendable === undefined) return 'getBalance did not answer a spendable balance';
  const fits = products
    .filter((p) => p.enabled === true && typeof p.price === 'number' && p.price > 0)
    .map((p) => ({ sku: p.productCode, quantity: Math.floor(spendable / p.price) + 1, available: p.available }))
    .filter((c) => c.quantity <= maxQuantity && (c.available == null || c.available >= c.quantity))
    .sort((a, b) => a.quantity - b.quantity);
  return fits[0] ?? `no enabled product with the stock to exceed the balance ${spendable} within ${maxQuantity} units`;
}

async function cases(ctx: CheckContext, control: RequestSpec): Promise<Case[]> {
  const [own] = Array.isArray(control.body) ? (control.body as { merchant: string; sku: string; quantity: number }[]) : [];
  const merchant = own?.merchant ?? ctx.target.merchantCode ?? '';
  const products = await discoverProducts(ctx);
  const outOfStock = products.find((p) => p.enabled === true && p.available === 0);
  const disabled = products.find((p) => p.enabled === false);
  const { pullCodes, orderLimits } = ctx.decisions;
  const listed = `among the ${products.length} products listed`;
  const costly = overBudget(products, await readBalance(ctx), orderLimits.maxQuantity);
  return [
    { what: 'one unit of an out-of-stock product', entry: 'pullCodes.outOfStock', refusal: pullCodes.outOfStock, decisions: ['12'], line: outOfStock ? { merchant, sku: outOfStock.productCode, quantity: 1 } : `no enabled product with available 0 ${listed}` },
    { what: 'one unit of a disabled product', entry: 'pullCodes.disabledProduct', refusal: pullCodes.disabledProduct, decisions: ['12'], line: disabled ? { merchant, sku: disabled.productCode, quantity: 1 } : `no disabled product ${listed}` },
    { what: 'more than the balance can pay for', entry: 'pullCodes.lowBalance', refusal: pullCodes.lowBalance, decisions: ['12'], line: typeof costly === 'string' ? costly : { merchant, ...costly } },
    { what: `one unit of an unknown sku (${UNKNOWN_SKU})`, entry: 'pullCodes.unknownSku', refusal: pullCodes.unknownSku, decisions: ['12'], line: { merchant, sku: UNKNOWN_SKU, quantity: 1 } },
    { what: "an order line naming another merchant's code", entry: 'orderLimits.otherMerchant', refusal: orderLimits.otherMerchant, decisions: ['10'], line: own ? { ...own, merchant: `${merchant}-OTHER` } : 'no orderable line to alter' },
  ];
}

async function judgeAll(ctx: CheckContext, operation: SpecOperation): Promise<Outcome[]> {
  const control = await validBase(ctx, operation);
  const out: Outcome[] = [];
  for (const c of await cases(ctx, control)) {
    if (typeof c.line === 'string') {
      out.push(skip(`${c.entry} cannot be exercised: ${c.line}`));
      continue;
    }
    const { status, code } = c.refusal;
    out.push(await probeRejection(ctx, operation, { what: `${c.what} (${c.entry})`, status, code, entry: c.entry, basis: basis(c.decisions, ['S5']), probe: { ...control, body: [c.line] }, control }));
  }
  return out;
}

export const semanticsDecidedRefusals = defineActiveCheck({
  id: 'semantics.decided-refusals',
  title: 'Order refusal not the decided one',
  severity: 'high',
  description: 'With orders allowed: ordering an out-of-stock or disabled product, more than the balance pays for, an unknown sku or another merchant\'s code that is accepted, or refused with another status or code than decisions.yaml says (today 409 INSUFFICIENT_STOCK, 409 PRODUCT_DISABLED, 409 INSUFFICIENT_BALANCE, 404 NOT_FOUND, 403 FORBIDDEN).',
  requires: ['keepsState', 'allowsOrders'],
  appliesTo: isPullCodes,
  run: (ctx) => forEachOperation(ctx, { auth: 'header', filter: isPullCodes }, (operation) => judgeAll(ctx, operation)),
});
