// pullCodes: all-or-nothing order with one serial per unit, idempotent per account on referenceId (S5; DECISIONS #8, #10-#13).
import { err, ok, type Result } from '../../src/core/result.ts';
import type { LoadedDecisions } from '../../src/spec/decisions.ts';
import { decidedError, MOCK_PREFIX, type VendorError } from '../errors.ts';
import type { Random } from '../random.ts';
import { money, type AccountState, type MockStore, type OrderLineRecord, type OrderRecord } from '../store.ts';
import type { Handler } from './handler.ts';

interface OrderLineInput {
  merchant: string;
  sku: string;
  quantity: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** "ABCD-EFGH-IJKL": the redeemable code, from the seeded RNG. */
function serialCode(random: Random): string {
  return [random.chars(LETTERS, 4), random.chars(LETTERS, 4), random.chars(LETTERS, 4)].join('-');
}

/** "A00000000000001" style: a letter and 14 digits, unique per server. */
function orderName(store: MockStore): string {
  for (;;) {
    const name = store.random().chars(LETTERS, 1) + store.random().chars(DIGITS, 14);
    if (!store.orderNameTaken(name)) return name;
  }
}

/** Every refusal is checked before anything moves (DECISIONS #13): merchant, sku, enabled, stock, then money. */
function checkLines(account: AccountState, store: MockStore, lines: OrderLineInput[], decided: LoadedDecisions): Result<number, VendorError> {
  const refusals = decided.pullCodes;
  const wanted = new Map<string, number>();
  let total = 0;
  for (const [index, line] of lines.entries()) {
    if (line.merchant !== account.merchantCode) return err(decidedError(decided.orderLimits.otherMerchant, `Merchant '${line.merchant}' does not belong to this API key (body[${index}].merchant).`));
    const product = store.product(line.sku);
    if (!product) return err(decidedError(refusals.unknownSku, `Product '${line.sku}' was not found (body[${index}].sku).`));
    if (!product.enabled) return err(decidedError(refusals.disabledProduct, `Product '${line.sku}' is disabled and cannot be ordered.`));
    const quantity = (wanted.get(line.sku) ?? 0) + line.quantity;
    if (quantity > product.available) return err(decidedError(refusals.outOfStock, `Requested quantity not available: ${quantity} of '${line.sku}' asked, ${product.available} in stock.`));
    wanted.set(line.sku, quantity);
    total = money(total + product.price * line.quantity);
  }
  const spendable = money(account.balance + account.credit);
  if (total > spendable) return err(decidedError(refusals.lowBalance, `Order total ${total.toFixed(2)} exceeds the available balance ${spendable.toFixed(2)}.`));
  return ok(total);
}

function buildLines(store: MockStore, lines: OrderLineInput[]): OrderLineRecord[] {
  const random = store.random();
  return lines.map((line) => {
    const product = store.product(line.sku);
    const unitPrice = product?.price ?? 0;
    const serials = Array.from({ length: line.quantity }, () => ({
      sku: line.sku,
      serialCode: serialCode(random),
      serialNumber: `${random.chars(DIGITS, 4)}-${random.chars(DIGITS, 4)}`,
      currency: null,
      expiryDate: null,
    }));
    return { sku: line.sku, productName: product?.productName ?? line.sku, quantity: line.quantity, unitPrice, serials };
  });
}

/** The documented result (PullCodesResult): the order's name, total and every serial. */
export function presentPullResult(order: OrderRecord) {
  return {
    status: true,
    data: { orderName: order.orderName, totalAmount: order.orderAmount, serials: order.lines.flatMap((l) => l.serials) },
  };
}

/**
 * Synchronous from lookup to insert: two concurrent requests with one referenceId cannot both create an order.
 * A repeated referenceId (DECISIONS #8, decisions.yaml `repeatedReferenceId`): replay the order, refuse, or place a new one.
 */
export const pullCodes: Handler = ({ account, store, body, query, decisions }) => {
  const referenceId = query.referenceId ?? null;
  const existing = referenceId === null ? undefined : account.byReference.get(referenceId);
  const repeat = decisions.repeatedReferenceId;
  if (existing && repeat.action === 'replay') return ok(presentPullResult(existing));
  if (existing && repeat.action === 'reject') return err(decidedError(repeat, `Query parameter 'referenceId' '${referenceId}' was already used by order ${existing.orderName}.`));
  const lines = body as OrderLineInput[];
  const total = checkLines(account, store, lines, decisions);
  if (!total.ok) return total;
  if (store.full(account)) {
    return err({ code: 'INTERNAL_ERROR', status: 500, message: `${MOCK_PREFIX} STORE_FULL: this account holds ${account.orders.length} orders, the most the twin keeps; POST /__mock/reset empties the store.` });
  }
  const date = new Date(store.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const order = store.commitOrder(account, { orderName: orderName(store), orderDate: date, orderAmount: total.value, referenceId, lines: buildLines(store, lines) });
  return ok(presentPullResult(order));
};
