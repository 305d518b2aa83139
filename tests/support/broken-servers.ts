// Deliberately broken servers, one fault each, built as rewrites of the twin's in-process fetch. Each names the
// check that must catch it and the operation it must name; a check without a broken server fails the proof test.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { editJson, rewriteFetch, type Fetch, type PlainRequest, type PlainResponse } from './rewrite-fetch.ts';

export interface BrokenServer {
  /** The check that must FAIL against this server. */
  breaks: string;
  /** The operation the finding must name. */
  operation: string;
  wrap: (twin: Fetch) => Fetch;
}

const BALANCE = 'GET /api/customer/balance';
const PRODUCTS = 'POST /api/product/merchant/invited/list';
const PULL = 'POST /api/order/pull-codes';
const ALPHA = DEMO_ACCOUNTS[0].key;
const BRAVO = DEMO_ACCOUNTS[1].key;
const DETAIL = 'GET /api/order/detail';
const at = (r: PlainRequest, label: string) => `${r.method} ${r.url.pathname}` === label;

/** Rewrite requests to one operation (or all when label is undefined). */
const onRequest = (label: string | undefined, edit: (r: PlainRequest) => PlainRequest) => (twin: Fetch) =>
  rewriteFetch(twin, { request: (r) => (label === undefined || at(r, label) ? edit(r) : r) });
/** Rewrite responses of one operation (or all). */
const onResponse = (label: string | undefined, edit: (res: PlainResponse, req: PlainRequest) => PlainResponse) => (twin: Fetch) =>
  rewriteFetch(twin, { response: (res, req) => (label === undefined || at(req, label) ? edit(res, req) : res) });
const json = (res: PlainResponse, edit: (j: Record<string, unknown>) => unknown): PlainResponse => ({ ...res, body: editJson(res.body, edit) });
const header = (r: PlainRequest, name: string, value: string): PlainRequest => ({ ...r, headers: { ...r.headers, [name]: value } });
const bodyEdit = (r: PlainRequest, edit: (j: Record<string, unknown>) => unknown): PlainRequest => ({ ...r, body: r.body === undefined ? undefined : editJson(r.body, edit) });
const envelope = (code: string, message: string) => JSON.stringify({ status: false, error: { code, message } });
const isJson = (text: string | undefined) => {
  try {
    JSON.parse(text ?? '');
    return true;
  } catch {
    return false;
  }
};

export const BROKEN_SERVERS: Record<string, BrokenServer> = {
  'ignores-missing-key': { breaks: 'auth.missing-key', operation: BALANCE, wrap: onRequest(undefined, (r) => (r.headers['x-api-key'] ? r : header(r, 'x-api-key', ALPHA))) },
  'accepts-any-key': { breaks: 'auth.invalid-key', operation: BALANCE, wrap: onRequest(undefined, (r) => (r.headers['x-api-key'] && !DEMO_ACCOUNTS.some((a) => a.key === r.headers['x-api-key']) ? header(r, 'x-api-key', ALPHA) : r)) },
  'accepts-key-in-query': { breaks: 'auth.key-in-query', operation: BALANCE, wrap: onRequest(undefined, (r) => (!r.headers['x-api-key'] && r.url.searchParams.get('x-api-key') ? header(r, 'x-api-key', r.url.searchParams.get('x-api-key') ?? '') : r)) },
  'ignores-missing-accept-language': { breaks: 'headers.missing-accept-language', operation: BALANCE, wrap: onRequest(undefined, (r) => (r.headers['accept-language'] ? r : header(r, 'accept-language', 'en-US'))) },
  'accepts-any-accept-language': { breaks: 'headers.unsupported-accept-language', operation: BALANCE, wrap: onRequest(undefined, (r) => (r.headers['accept-language'] === 'fr-FR' ? header(r, 'accept-language', 'en-US') : r)) },
  'undocumented-status': { breaks: 'conformance.status-code', operation: BALANCE, wrap: onResponse(BALANCE, (res) => (res.status === 200 ? { ...res, status: 203 } : res)) },
  'drops-required-field': { breaks: 'schema.response-body', operation: BALANCE, wrap: onResponse(BALANCE, (res) => json(res, (j) => ({ ...j, data: { ...(j.data as object), creditBalance: undefined } }))) },
  'number-as-string': { breaks: 'schema.response-body', operation: PRODUCTS, wrap: onResponse(PRODUCTS, (res) => json(res, (j) => ({ ...j, data: Array.isArray(j.data) ? j.data.map((p) => ({ ...p, price: String(p.price) })) : j.data }))) },
  'wrong-content-type': { breaks: 'conformance.content-type', operation: BALANCE, wrap: onResponse(BALANCE, (res) => ({ ...res, headers: { ...res.headers, 'content-type': 'text/plain' } })) },
  'invalid-retry-after': { breaks: 'conformance.response-headers', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.headers['retry-after'] ? { ...res, headers: { ...res.headers, 'retry-after': 'soon' } } : res)) },
  'no-retry-after': { breaks: 'headers.retry-after', operation: BALANCE, wrap: onResponse(undefined, (res) => { const { 'retry-after': _dropped, ...headers } = res.headers; return { ...res, headers }; }) },
  'non-envelope-error': { breaks: 'envelope.shape', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status >= 400 ? { ...res, body: JSON.stringify({ message: 'Bad request' }) } : res)) },
  'wrong-error-code': { breaks: 'envelope.error-code', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status === 401 ? { ...res, body: envelope('NOT_FOUND', 'Missing key.') } : res)) },
  'crashes-on-odd-content-type': { breaks: 'robustness.no-server-error', operation: PRODUCTS, wrap: crashesOnOddContentType },
  'accepts-page-0': { breaks: 'negative.schema-violation', operation: PRODUCTS, wrap: onRequest(PRODUCTS, (r) => bodyEdit(r, (j) => (j.page === 0 ? { ...j, page: 1 } : j))) },
  'answers-500-to-bad-input': { breaks: 'negative.schema-violation', operation: PULL, wrap: onResponse(undefined, (res) => (res.status === 400 ? { ...res, status: 500, body: envelope('INTERNAL_ERROR', 'Boom.') } : res)) },
  'accepts-malformed-json': { breaks: 'negative.malformed-json', operation: PRODUCTS, wrap: onRequest(undefined, (r) => (r.body !== undefined && !isJson(r.body) ? { ...r, body: '{}' } : r)) },
  'accepts-wrong-content-type': { breaks: 'negative.wrong-content-type', operation: PRODUCTS, wrap: onRequest(undefined, (r) => (r.headers['content-type'] === 'text/plain' ? header(r, 'content-type', 'application/json') : r)) },
  'rejects-valid-requests': { breaks: 'positive.valid-request', operation: 'POST /api/order/list', wrap: rejectsEmptyListBody },
  'more-items-than-page-size': { breaks: 'semantics.pagination', operation: PRODUCTS, wrap: moreItemsThanPageSize },
  'duplicates-across-pages': { breaks: 'semantics.pagination', operation: PRODUCTS, wrap: duplicatesAcrossPages },
  'echoes-key': { breaks: 'hygiene.key-not-echoed', operation: BALANCE, wrap: onResponse(undefined, (res, req) => ({ ...res, headers: { ...res.headers, 'x-debug-key': req.headers['x-api-key'] ?? '' } })) },
  'leaks-data-on-rejection': { breaks: 'hygiene.no-data-on-rejection', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status === 401 ? json(res, (j) => ({ ...j, data: { balance: 5000 } })) : res)) },
  'round-trip-codes-differ': { breaks: 'semantics.order-round-trip', operation: PULL, wrap: onResponse('GET /api/order/detail', (res) => json(res, alterFirstCode)) },
  'reference-id-charges-twice': { breaks: 'semantics.order-round-trip', operation: PULL, wrap: onRequest(PULL, (r) => ({ ...r, url: withoutParam(r.url, 'referenceId') })) },
  'out-of-stock-as-400': { breaks: 'semantics.decided-refusals', operation: PULL, wrap: onResponse(PULL, (res) => (res.status === 409 && res.body.includes('INSUFFICIENT_STOCK') ? { ...res, status: 400, body: envelope('INVALID_PAYLOAD', 'Out of stock.') } : res)) },
  'other-account-order-403': { breaks: 'isolation.other-account', operation: DETAIL, wrap: onResponse(DETAIL, (res, req) => (res.status === 404 && req.headers['x-api-key'] === BRAVO ? { ...res, status: 403, body: envelope('FORBIDDEN', 'Not your order.') } : res)) },
  'leaks-other-account-order': { breaks: 'isolation.other-account', operation: DETAIL, wrap: onRequest(DETAIL, (r) => (r.headers['x-api-key'] === BRAVO ? header(r, 'x-api-key', ALPHA) : r)) },
  'shares-one-balance': { breaks: 'isolation.other-account', operation: BALANCE, wrap: onRequest(BALANCE, (r) => (r.headers['x-api-key'] === BRAVO ? header(r, 'x-api-key', ALPHA) : r)) },
  'answers-404-except-controls': { breaks: 'headers.missing-accept-language', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status < 300 ? res : { ...res, status: 404, body: envelope('NOT_FOUND', 'Not found.') })) },
};

/** The twin's old defect: a Content-Type that is not application/json made Prism throw, answered 500. */
function crashesOnOddContentType(twin: Fetch): Fetch {
  return async (request) => {
    const type = request.headers.get('content-type');
    if (type !== null && !type.toLowerCase().startsWith('application/json')) return new Response(envelope('INTERNAL_ERROR', 'Could not parse MIME type string.'), { status: 500, headers: { 'content-type': 'application/json' } });
    return twin(request);
  };
}

function rejectsEmptyListBody(twin: Fetch): Fetch {
  return async (request) => {
    const label = `${request.method} ${new URL(request.url).pathname}`;
    if (label === 'POST /api/order/list' && (await request.clone().text()).trim() === '{}') return new Response(envelope('INVALID_PAYLOAD', 'page is required.'), { status: 400, headers: { 'content-type': 'application/json' } });
    return twin(request);
  };
}

/** Serves pageSize+1 items while claiming the requested pageSize. */
function moreItemsThanPageSize(twin: Fetch): Fetch {
  const asked = (r: PlainRequest) => Number(JSON.parse(r.body ?? '{}').pageSize ?? 20);
  return rewriteFetch(twin, {
    request: (r) => (at(r, PRODUCTS) ? bodyEdit(r, (j) => ({ ...j, pageSize: Math.min(100, asked(r) + 1) })) : r),
    response: (res, req) => (at(req, PRODUCTS) ? json(res, (j) => ({ ...j, pageInfo: { ...(j.pageInfo as object), pageSize: asked(req) - 1 } })) : res),
  });
}

/** Serves page 1 for every page, labelled as the page asked for. */
function duplicatesAcrossPages(twin: Fetch): Fetch {
  return async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'POST' || url.pathname !== '/api/product/merchant/invited/list') return twin(request);
    const body = JSON.parse((await request.text()) || '{}');
    const page = body.page;
    const inner = await twin(new Request(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify({ ...body, page: 1 }) }));
    const text = editJson(await inner.text(), (j) => ({ ...j, pageInfo: j.pageInfo ? { ...(j.pageInfo as object), currentPage: page ?? 1 } : undefined }));
    return new Response(text, { status: inner.status, headers: inner.headers });
  };
}

function alterFirstCode(j: Record<string, unknown>): unknown {
  const data = j.data as { orderData?: { serials?: { serialCode: string }[] }[] } | undefined;
  const first = data?.orderData?.[0]?.serials?.[0];
  if (first) first.serialCode = `${first.serialCode}-ALTERED`;
  return j;
}

function withoutParam(url: URL, name: string): URL {
  const copy = new URL(url);
  copy.searchParams.delete(name);
  return copy;
}
