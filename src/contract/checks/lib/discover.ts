// Discovery of what the target already holds (the real sandbox is not empty): products, an order, the balance.
import { randomUUID } from 'node:crypto';
import type { SpecOperation } from '../../../spec/spec.ts';
import type { CheckContext } from '../context.ts';
import { isObject } from './text.ts';

export interface Product {
  productCode: string;
  price: number;
  enabled: boolean;
  available?: number | null;
}

export const DISCOVERY = { productPages: 3, productPageSize: 100 } as const;

export function operationById(ctx: CheckContext, id: string): SpecOperation {
  const found = ctx.spec.operations.find((o) => o.operationId === id);
  if (!found) throw new Error(`The spec has no operation "${id}"`);
  return found;
}

const dataOf = (json: unknown): unknown => (isObject(json) ? json.data : undefined);

/** The products the account can see (a few pages), or [] when the target does not list any. */
export function discoverProducts(ctx: CheckContext): Promise<Product[]> {
  return ctx.memo('products', async () => {
    const out: Product[] = [];
    // A target that refuses the largest documented page (semantics.pagination reports it) is still listed, at the default size.
    let size: number = DISCOVERY.productPageSize;
    for (let page = 1; page <= DISCOVERY.productPages; page++) {
      let ex = await ctx.send({ operation: operationById(ctx, 'listProducts'), body: { page, pageSize: size } });
      if (ex.response.status === 400 && page === 1 && size !== ctx.decisions.paging.pageSize.default) {
        size = ctx.decisions.paging.pageSize.default;
        ex = await ctx.send({ operation: operationById(ctx, 'listProducts'), body: { page, pageSize: size } });
      }
      const data = dataOf(ex.response.json);
      if (ex.response.status !== 200 || !Array.isArray(data) || data.length === 0) break;
      out.push(...(data as Product[]).filter((p) => isObject(p) && typeof p.productCode === 'string'));
      if (data.length < size) break;
    }
    return out;
  });
}

/** The cheapest enabled, in-stock product costing at most `budget`, or the reason there is none. */
export async function orderableProduct(ctx: CheckContext, budget: number): Promise<Product | string> {
  const products = await discoverProducts(ctx);
  const fit = products
    .filter((p) => p.enabled === true && typeof p.price === 'number' && p.price <= budget && (p.available == null || p.available >= 1))
    .sort((a, b) => a.price - b.price);
  return fit[0] ?? `no enabled, in-stock product costing at most ${budget} among ${products.length} listed`;
}

/** The spendable balance (creditBalance), or undefined when the target does not answer one. */
export async function readBalance(ctx: CheckContext): Promise<number | undefined> {
  const ex = await ctx.send({ operation: operationById(ctx, 'getBalance') });
  const data = dataOf(ex.response.json);
  return ex.response.status === 200 && isObject(data) && typeof data.creditBalance === 'number' ? data.creditBalance : undefined;
}

/** One small order line the account can buy (its merchant code, the cheapest orderable product, quantity 1), or why not. */
export function orderLine(ctx: CheckContext): Promise<{ merchant: string; sku: string; quantity: number } | string> {
  return ctx.memo('order-line', async () => {
    const merchant = ctx.target.merchantCode;
    if (!merchant) return "no merchant code: set WUPEX_MERCHANT_CODE to your account's merchant code";
    const product = await orderableProduct(ctx, (await readBalance(ctx)) ?? 0);
    return typeof product === 'string' ? product : { merchant, sku: product.productCode, quantity: 1 };
  });
}

/**
 * The name of a real order of the account (newest first); when it has none and orders are allowed, one small order
 * is placed for it. Undefined when there is none to use.
 */
export function existingOrderName(ctx: CheckContext): Promise<string | undefined> {
  return ctx.memo('order-name', async () => {
    const ex = await ctx.send({ operation: operationById(ctx, 'listOrders'), body: { page: 1, pageSize: 1 } });
    const data = dataOf(ex.response.json);
    const first = Array.isArray(data) ? data[0] : undefined;
    if (isObject(first) && typeof first.orderName === 'string') return first.orderName;
    return placeOneOrder(ctx);
  });
}

async function placeOneOrder(ctx: CheckContext): Promise<string | undefined> {
  const operation = operationById(ctx, 'pullCodes');
  const line = await orderLine(ctx);
  if (ctx.blocked(operation, 'header') || typeof line === 'string') return undefined;
  const ex = await ctx.send({ operation, query: { referenceId: `wupex-kit-order-${randomUUID().slice(0, 13)}` }, body: [line] });
  const data = dataOf(ex.response.json);
  return ex.response.status >= 200 && ex.response.status < 300 && isObject(data) && typeof data.orderName === 'string' ? data.orderName : undefined;
}
