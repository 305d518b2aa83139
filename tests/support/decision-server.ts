// A server that follows the spec but decides five open points differently from openapi/DECISIONS.md, as a real
// sandbox might: verify must list exactly these rows under "Where the target differs from our decisions".
// Relative to the kit's decisions (openapi/decisions.yaml), so it still differs after `npm run adopt`.
import { kit } from './decided.ts';
import { editJson, rewriteFetch, type Fetch, type PlainRequest } from './rewrite-fetch.ts';

/** Whether the kit refuses a request without Accept-Language (else it falls back to a language). */
const MISSING_LANGUAGE_REFUSED = kit.acceptLanguage.missing.action === 'reject';
const MAX_QUANTITY = kit.orderLimits.maxQuantity;

/** The rows this server decides differently, and how. */
export const DIFFERING_ROWS = {
  '6': 'a product filter on an unknown column is ignored instead of 400',
  '10': `an order line may ask for up to ${MAX_QUANTITY * 10} units (not ${MAX_QUANTITY})`,
  '15': 'an unknown orderColumn or order falls back to the default sort instead of 400',
  '20': MISSING_LANGUAGE_REFUSED ? `Accept-Language is optional (${kit.acceptLanguage.accepted[0]} when missing)` : 'Accept-Language is required (400 when missing, where the kit falls back)',
  '21': 'any Content-Type is read as JSON (no 400 for text/plain)',
} as const;

const PRODUCT_COLUMNS = ['productType', 'productCode', 'productName', 'productId'];
const ORDER_SORT = { orderColumn: ['orderDate', 'orderAmount', 'orderName'], order: ['ASC', 'DESC'] } as const;
const path = (r: PlainRequest) => `${r.method} ${r.url.pathname}`;
const json = (r: PlainRequest, edit: (j: Record<string, unknown>) => unknown): PlainRequest => (r.body === undefined ? r : { ...r, body: editJson(r.body, edit) });

/** #20, where the kit refuses a missing Accept-Language: it means the first accepted language (en-US). */
const optionalLanguage = (r: PlainRequest): PlainRequest => (r.headers['accept-language'] ? r : { ...r, headers: { ...r.headers, 'accept-language': kit.acceptLanguage.accepted[0]! } });

/** #20, where the kit falls back: a request without Accept-Language is refused, 400 naming the header. */
const requiredLanguage = (twin: Fetch): Fetch => async (request) =>
  request.headers.get('accept-language')
    ? twin(request)
    : new Response(JSON.stringify({ status: false, error: { code: kit.codesByStatus['400'] ?? 'INVALID_PAYLOAD', message: 'Accept-Language is required.' } }), { status: 400, headers: { 'content-type': 'application/json' } });

/** #21: every POST body is read as JSON, whatever its Content-Type says. */
const anyContentType = (r: PlainRequest): PlainRequest => (r.method === 'POST' ? { ...r, headers: { ...r.headers, 'content-type': 'application/json' } } : r);

/** #6: product filters naming an unknown column (a string) are dropped. */
const ignoreUnknownColumns = (r: PlainRequest): PlainRequest => {
  if (path(r) !== 'POST /api/product/merchant/invited/list') return r;
  return json(r, (j) => {
    if (!Array.isArray(j.search)) return j;
    return { ...j, search: j.search.filter((f) => !(typeof f?.column === 'string' && !PRODUCT_COLUMNS.includes(f.column))) };
  });
};

/** #15: an unknown sort column or direction (a string) falls back to the default. */
const defaultUnknownSort = (r: PlainRequest): PlainRequest => {
  if (path(r) !== 'POST /api/order/list') return r;
  return json(r, (j) => {
    if (!j || typeof j !== 'object' || Array.isArray(j)) return j;
    const out = { ...j };
    for (const [name, valid] of Object.entries(ORDER_SORT)) if (typeof out[name] === 'string' && !(valid as readonly string[]).includes(out[name] as string)) delete out[name];
    return out;
  });
};

/** #10: quantities past the kit's maximum, up to ten times it, are accepted (this test server delivers one unit for them, which no check looks at). */
const largerQuantities = (r: PlainRequest): PlainRequest => {
  if (path(r) !== 'POST /api/order/pull-codes') return r;
  return json(r, (j) => (Array.isArray(j) ? j.map((line) => (Number.isInteger(line?.quantity) && line.quantity > MAX_QUANTITY && line.quantity <= MAX_QUANTITY * 10 ? { ...line, quantity: 1 } : line)) : j));
};

/** The twin, with exactly the five decisions of DIFFERING_ROWS taken the other way. */
export function decisionDiffServer(twin: Fetch): Fetch {
  const edits = [...(MISSING_LANGUAGE_REFUSED ? [optionalLanguage] : []), anyContentType, ignoreUnknownColumns, defaultUnknownSort, largerQuantities];
  const rewritten = rewriteFetch(twin, { request: (r) => edits.reduce((request, edit) => edit(request), r) });
  return MISSING_LANGUAGE_REFUSED ? rewritten : requiredLanguage(rewritten);
}
