// Hand-written request readers of the independent server (no schema library): each returns the value or the first problem,
// as a field path ("body.search[0].column") and a sentence; paging limits are left to the profile (refuse or clamp).
import type { Refuse, ServerProfile } from './server-profile.ts';

/** A problem with a request: the field at fault, what is wrong, and a refusal other than 400 INVALID_PAYLOAD when decided. */
export interface Problem {
  field: string;
  message: string;
  refuse?: Refuse;
}
export type Read<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const INT32_MAX = 2_147_483_647;
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (field: string, message: string, refuse?: Refuse): Read<never> => ({ ok: false, problem: { field, message: `${field} ${message}`, refuse } });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Filter {
  column: string;
  operator: 'Equals' | 'GreaterThan';
  value: string;
}
export interface ListRequest {
  page: number;
  pageSize: number;
  search: Filter[];
  orderColumn: string;
  order: 'ASC' | 'DESC';
}

export const PRODUCT_COLUMNS = ['productType', 'productCode', 'productName', 'productId'];
export const ORDER_COLUMNS = ['ReferenceId', 'orderName', 'orderAmount', 'orderDate'];
const SORT_COLUMNS = ['orderDate', 'orderAmount', 'orderName'];

function text(v: unknown, field: string, min: number, max: number): Read<string> {
  if (typeof v !== 'string') return bad(field, 'must be a string');
  if (v.length < min || v.length > max) return bad(field, `must be ${min} to ${max} characters long`);
  return ok(v);
}

function oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): Read<T> {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? ok(v as T) : bad(field, `must be one of ${allowed.join(', ')}`);
}

/** page or pageSize: a 32-bit integer (else 400 whatever the profile), then the limits: refused or clamped as the profile says. */
function pageNumber(v: unknown, field: string, limits: { min: number; max: number; fallback: number }, profile: ServerProfile): Read<number> {
  if (v === undefined) return ok(limits.fallback);
  if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > INT32_MAX) return bad(field, 'must be a 32-bit integer');
  if (v >= limits.min && v <= limits.max) return ok(v);
  const rule = profile.paging.outOfRange;
  if (rule === 'clamp') return ok(Math.min(limits.max, Math.max(limits.min, v)));
  return bad(field, limits.max === INT32_MAX ? `must be at least ${limits.min}` : `must be from ${limits.min} to ${limits.max}`, rule);
}

function filter(v: unknown, field: string, columns: string[]): Read<Filter> {
  if (!isRecord(v)) return bad(field, 'must be an object with column, operator and value');
  for (const name of ['column', 'operator', 'value']) if (!(name in v)) return bad(`${field}.${name}`, 'is required');
  const column = oneOf(v.column, `${field}.column`, columns);
  if (!column.ok) return column;
  const operator = oneOf(v.operator, `${field}.operator`, ['Equals', 'GreaterThan'] as const);
  if (!operator.ok) return operator;
  const value = text(v.value, `${field}.value`, 0, 256);
  if (!value.ok) return value;
  if (column.value === 'orderAmount' && !Number.isFinite(Number(value.value.trim() || 'x'))) return bad(`${field}.value`, 'must be a number for orderAmount');
  if (column.value === 'orderDate' && Number.isNaN(Date.parse(value.value))) return bad(`${field}.value`, 'must be a date-time for orderDate');
  return ok({ column: column.value, operator: operator.value, value: value.value });
}

function filters(v: unknown, columns: string[]): Read<Filter[]> {
  if (v === undefined) return ok([]);
  if (!Array.isArray(v)) return bad('body.search', 'must be an array');
  if (v.length > 10) return bad('body.search', 'may hold at most 10 filters');
  const out: Filter[] = [];
  for (const [i, item] of v.entries()) {
    const read = filter(item, `body.search[${i}]`, columns);
    if (!read.ok) return read;
    out.push(read.value);
  }
  return ok(out);
}

/** The body of listProducts / listOrders: a JSON object; `{}` is page 1 of 20 with no filter. */
export function readListRequest(body: unknown, kind: 'products' | 'orders', profile: ServerProfile): Read<ListRequest> {
  if (!isRecord(body)) return bad('body', 'must be a JSON object');
  const page = pageNumber(body.page, 'body.page', { min: 1, max: INT32_MAX, fallback: 1 }, profile);
  if (!page.ok) return page;
  const pageSize = pageNumber(body.pageSize, 'body.pageSize', { min: 1, max: profile.paging.maxPageSize, fallback: 20 }, profile);
  if (!pageSize.ok) return pageSize;
  const search = filters(body.search, kind === 'products' ? PRODUCT_COLUMNS : ORDER_COLUMNS);
  if (!search.ok) return search;
  if (kind === 'products') return ok({ page: page.value, pageSize: pageSize.value, search: search.value, orderColumn: 'productCode', order: 'ASC' });
  const orderColumn = body.orderColumn === undefined ? ok('orderDate') : oneOf(body.orderColumn, 'body.orderColumn', SORT_COLUMNS);
  if (!orderColumn.ok) return orderColumn;
  const order = body.order === undefined ? ok('DESC' as const) : oneOf(body.order, 'body.order', ['ASC', 'DESC'] as const);
  if (!order.ok) return order;
  return ok({ page: page.value, pageSize: pageSize.value, search: search.value, orderColumn: orderColumn.value, order: order.value });
}

export interface Line {
  merchant: string;
  sku: string;
  quantity: number;
}

function line(v: unknown, field: string, maxQuantity: number): Read<Line> {
  if (!isRecord(v)) return bad(field, 'must be an object with merchant, sku and quantity');
  for (const name of ['merchant', 'sku', 'quantity']) if (!(name in v)) return bad(`${field}.${name}`, 'is required');
  const merchant = text(v.merchant, `${field}.merchant`, 1, 64);
  if (!merchant.ok) return merchant;
  const sku = text(v.sku, `${field}.sku`, 1, 128);
  if (!sku.ok) return sku;
  const q = v.quantity;
  if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > maxQuantity) return bad(`${field}.quantity`, `must be an integer from 1 to ${maxQuantity}`);
  return ok({ merchant: merchant.value, sku: sku.value, quantity: q });
}

/** The body of pullCodes: an array of 1..maxLines order lines. */
export function readOrderLines(body: unknown, profile: ServerProfile): Read<Line[]> {
  const { maxLines, maxQuantity } = profile.limits;
  if (!Array.isArray(body)) return bad('body', 'must be a JSON array of order lines');
  if (body.length < 1 || body.length > maxLines) return bad('body', `must hold 1 to ${maxLines} order lines`);
  const out: Line[] = [];
  for (const [i, item] of body.entries()) {
    const read = line(item, `body[${i}]`, maxQuantity);
    if (!read.ok) return read;
    out.push(read.value);
  }
  return ok(out);
}

/** pullCodes' query: referenceId (optional, 1..64 of [A-Za-z0-9._:-]) and allowTakeAll (optional boolean, ignored). */
export function readOrderQuery(query: URLSearchParams): Read<{ referenceId: string | null }> {
  const allow = query.get('allowTakeAll');
  if (allow !== null && allow !== 'true' && allow !== 'false') return bad('query allowTakeAll', 'must be true or false');
  const reference = query.get('referenceId');
  if (reference === null) return ok({ referenceId: null });
  if (reference.length < 1 || reference.length > 64 || !/^[A-Za-z0-9._:-]+$/.test(reference)) return bad('query referenceId', 'must be 1 to 64 of A-Z a-z 0-9 . _ : -');
  return ok({ referenceId: reference });
}

/** getOrderDetail's query: orderName, required, 1..64 characters. */
export function readOrderName(query: URLSearchParams): Read<string> {
  const name = query.get('orderName');
  if (name === null) return bad('query orderName', 'is required');
  return text(name, 'query orderName', 1, 64);
}
