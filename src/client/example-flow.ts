// The walk-through behind `npm run example`: list products, order one code with a referenceId, read it back, show the balance.
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import type { components } from '../../openapi/generated/wupex.ts';
import type { KitEnv } from '../cli/env.ts';
import { fingerprint } from '../secrets/redact.ts';
import { err, kitError, ok, type KitError, type Result } from '../core/result.ts';
import type { WupexClient } from './wupex-client.ts';

type Product = components['schemas']['Product'];

export const EXAMPLE_DEFAULTS = { pageSize: 100, maxPages: 10, quantity: 1 } as const;

export interface ExampleFlowOptions {
  client: WupexClient;
  merchantCode: string;
  referenceId: string;
  /** One line per step; the script passes the reporter's `line`. */
  say: (line: string) => void;
}

export interface ExampleSummary {
  sku: string;
  orderName: string;
  referenceId: string;
  codes: number;
  creditBalance: number;
}

/** A fresh idempotency key (DECISIONS #8 pattern `[A-Za-z0-9._:-]`, at most 64 characters). */
export function newReferenceId(now: number = Date.now()): string {
  return `example-${now.toString(36)}-${randomUUID().slice(0, 8)}`;
}

/**
 * Your merchant code: WUPEX_MERCHANT_CODE, else the twin account that owns the client's key (matched by
 * fingerprint, so the key itself is never compared in output paths): a demo account or a WUPEX_MOCK_KEYS entry.
 */
export function resolveMerchantCode(env: KitEnv, keyFingerprint: string, origin?: string): Result<string> {
  if (env.WUPEX_MERCHANT_CODE) return ok(env.WUPEX_MERCHANT_CODE);
  const mockKeys = (env.WUPEX_MOCK_KEYS ?? '').split(',').map((entry) => entry.trim().split(':'))
    .filter(([key, code]) => key && code).map(([key, code]) => ({ key, merchantCode: code }));
  const account = [...mockKeys, ...DEMO_ACCOUNTS].find((a) => fingerprint(a.key) === keyFingerprint);
  if (account) return ok(account.merchantCode);
  const from = origin ? ` The key (${keyFingerprint}) came from ${origin}; if it is wrong or stale, fix it there.` : '';
  return err(kitError('CONFIG_INVALID', `No merchant code for this key: it is not a twin key, and WUPEX_MERCHANT_CODE is not set.${from}`, {
    hint: 'Set WUPEX_MERCHANT_CODE to your merchant code (every order line carries it, DECISIONS #10).',
  }));
}

const money = (n: number) => n.toFixed(2);

/** Codes are value: show the first four characters only. */
export function maskCode(code: string): string {
  return code.length <= 4 ? '*'.repeat(code.length) : `${code.slice(0, 4)}${code.slice(4).replace(/[A-Za-z0-9]/g, '*')}`;
}

/** A 200 that is not a product page (no pageInfo, no data array): a clear error instead of a TypeError. */
function pageShapeProblem(page: unknown, baseUrl: string): KitError | undefined {
  const p = page as { data?: unknown; pageInfo?: { totalCount?: unknown; totalPage?: unknown } } | null;
  if (Array.isArray(p?.data) && typeof p?.pageInfo?.totalCount === 'number' && typeof p.pageInfo.totalPage === 'number') return undefined;
  return kitError('UNEXPECTED_RESPONSE', `listProducts at ${baseUrl} answered 200 without data[] and pageInfo {totalCount, totalPage}: not a WUPEX product page.`, {
    hint: 'Check WUPEX_BASE_URL points at a WUPEX API (npm run verify -- --base-url URL shows what differs from the spec).',
  });
}

/** The cheapest product that is enabled and has stock, from the first pages of the catalogue. */
async function pickProduct(client: WupexClient): Promise<Result<{ product: Product; total: number }, KitError>> {
  const candidates: Product[] = [];
  let total = 0;
  for (let page = 1; page <= EXAMPLE_DEFAULTS.maxPages; page += 1) {
    const listed = await client.listProducts({ page, pageSize: EXAMPLE_DEFAULTS.pageSize });
    if (!listed.ok) return listed;
    const shape = pageShapeProblem(listed.value, client.baseUrl);
    if (shape) return err(shape);
    total = listed.value.pageInfo.totalCount;
    candidates.push(...listed.value.data.filter((p) => p.enabled && (p.available ?? 0) >= EXAMPLE_DEFAULTS.quantity));
    if (page >= listed.value.pageInfo.totalPage) break;
  }
  const product = candidates.sort((a, b) => a.price - b.price || a.productCode.localeCompare(b.productCode))[0];
  if (product) return ok({ product, total });
  return err(kitError('NO_ORDERABLE_PRODUCT', `None of the ${total} products is enabled and in stock.`, {
    hint: 'On the twin, reset its state: curl -X POST http://127.0.0.1:4010/__mock/reset',
  }));
}

/** Run the four steps, printing each; the first failure stops the walk and comes back as the error. */
export async function runExampleFlow(options: ExampleFlowOptions): Promise<Result<ExampleSummary, KitError>> {
  try {
    return await steps(options);
  } catch (cause) {
    // A 200 whose body lacks what the spec promises (the client does not validate bodies): say so, no stack trace.
    if (!(cause instanceof TypeError)) throw cause;
    return err(kitError('UNEXPECTED_RESPONSE', `${options.client.baseUrl} answered 200 with a body that is not what the spec documents.`, {
      hint: 'Check WUPEX_BASE_URL points at a WUPEX API (npm run verify -- --base-url URL shows what differs from the spec).',
    }));
  }
}

async function steps(options: ExampleFlowOptions): Promise<Result<ExampleSummary, KitError>> {
  const { client, say, referenceId } = options;
  const picked = await pickProduct(client);
  if (!picked.ok) return picked;
  const { product } = picked.value;
  say(`1/4 listProducts: ${picked.value.total} products; ordering ${product.productCode} "${product.productName}" at ${money(product.price)} (${product.available} available)`);

  const lines = [{ merchant: options.merchantCode, sku: product.productCode, quantity: EXAMPLE_DEFAULTS.quantity }];
  const pulled = await client.pullCodes(lines, { referenceId });
  if (!pulled.ok) return pulled;
  const { orderName, totalAmount, serials } = pulled.value.data;
  say(`2/4 pullCodes: order ${orderName} for ${money(totalAmount)} with referenceId ${referenceId}, ${serials.length} code(s)`);

  const detail = await client.getOrderDetail(orderName);
  if (!detail.ok) return detail;
  const codes = detail.value.data.orderData.flatMap((line) => line.serials);
  const shown = codes.map((s) => `${maskCode(s.serialCode)} (serial ${s.serialNumber})`).join(', ');
  say(`3/4 getOrderDetail ${orderName}: ${detail.value.data.orderData.length} line(s), ${codes.length} code(s): ${shown}`);

  const balance = await client.getBalance();
  if (!balance.ok) return balance;
  const { data } = balance.value;
  say(`4/4 getBalance: balance ${money(data.balance)}, credit ${money(data.credit)}, creditBalance ${money(data.creditBalance)}`);
  return ok({ sku: product.productCode, orderName, referenceId, codes: codes.length, creditBalance: data.creditBalance });
}
