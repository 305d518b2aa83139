// The independent server's answers per operation, as plain { status, body } values (no HTTP here): lists, orders, balance.
import type { CatalogueItem } from './catalogue.ts';
import type { ServerProfile } from './server-profile.ts';
import type { Account, PlacedOrder, Store } from './store.ts';
import type { Filter, ListRequest } from './validate.ts';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const money = (cents: number) => Math.round(cents) / 100;
export const failure = (status: number, code: string, message: string): Answer => ({ status, body: { status: false, error: { code, message } } });

/** One filter over one row's columns: Equals compares text, GreaterThan numbers (or dates, or text). */
function matches(row: Record<string, unknown>, f: Filter): boolean {
  const cell = row[f.column];
  if (f.operator === 'Equals') return cell !== undefined && cell !== null && String(cell) === f.value;
  if (typeof cell === 'number') return cell > Number(f.value);
  if (f.column === 'orderDate') return Date.parse(String(cell)) > Date.parse(f.value);
  return typeof cell === 'string' && cell > f.value;
}

/** The page asked for, with pageInfo; a page past the end is empty (S4, S10). */
function page<T>(rows: T[], request: ListRequest): Answer {
  const start = (request.page - 1) * request.pageSize;
  const data = start < rows.length ? rows.slice(start, start + request.pageSize) : [];
  const pageInfo = { totalPage: Math.ceil(rows.length / request.pageSize), totalCount: rows.length, pageSize: request.pageSize, currentPage: request.page };
  return { status: 200, body: { status: true, data, pageInfo } };
}

function product(item: CatalogueItem, profile: ServerProfile): Record<string, unknown> {
  const { productCode, productName, productType, enabled, discountRate } = item;
  return { productName, imageUrl: null, productCode, price: money(item.priceCents), available: item.stock, enabled, productType, discountRate, ...profile.extraFields?.product };
}

export function listProducts(store: Store, request: ListRequest, profile: ServerProfile): Answer {
  const rows = store.catalogue.map((item) => product(item, profile)).filter((row) => request.search.every((f) => matches(row, f)));
  return page(rows, request);
}

const orderRow = (o: PlacedOrder) => ({ orderName: o.orderName, orderDate: o.orderDate, orderAmount: money(o.amountCents), referenceId: o.referenceId, itemCount: o.lines.reduce((n, l) => n + l.quantity, 0) });

export function listOrders(account: Account, request: ListRequest): Answer {
  const searchable = account.orders.map((o) => ({ order: o, row: { ...orderRow(o), ReferenceId: o.referenceId } }));
  const kept = searchable.filter(({ row }) => request.search.every((f) => matches(row, f)));
  const key = (o: PlacedOrder): number | string => (request.orderColumn === 'orderAmount' ? o.amountCents : request.orderColumn === 'orderName' ? o.orderName : o.seq);
  const sign = request.order === 'ASC' ? 1 : -1;
  kept.sort((a, b) => {
    const [x, y] = [key(a.order), key(b.order)];
    return (x < y ? -1 : x > y ? 1 : a.order.seq - b.order.seq) * sign;
  });
  return page(kept.map(({ order }) => orderRow(order)), request);
}

export function orderPlaced(order: PlacedOrder, profile: ServerProfile): Answer {
  const serials = order.lines.flatMap((l) => l.serials);
  return { status: profile.order.successStatus, body: { status: true, data: { orderName: order.orderName, totalAmount: money(order.amountCents), serials } } };
}

export function orderDetail(order: PlacedOrder): Answer {
  const orderData = order.lines.map((l) => ({ sku: l.item.productCode, productName: l.item.productName, quantity: l.quantity, unitPrice: money(l.item.priceCents), serials: l.serials }));
  return { status: 200, body: { status: true, data: { ...orderRow(order), itemCount: undefined, orderData } } };
}

export function balance(account: Account, profile: ServerProfile): Answer {
  const all: Record<string, unknown> = { balance: money(account.balanceCents), credit: money(account.creditCents), creditBalance: money(account.balanceCents + account.creditCents), ...profile.extraFields?.balance };
  for (const name of profile.omitBalanceFields ?? []) delete all[name];
  return { status: 200, body: { status: true, data: all } };
}
