// Deliberately broken servers, one fault each, built as rewrites of the twin's in-process fetch. Each names the
// check that must catch it and the operation it must name; a check without a broken server fails the proof test.
// A fault on a decided point (DECISIONS.md) is broken relative to the kit's decisions: the "-flipped" servers take the
// other choice from the one openapi/decisions.yaml makes, so they stay broken after `npm run adopt`.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import type { SpecIndex } from '../../src/contract/checks/lib/spec-index.ts';
import { kit, refusalOtherThan } from './decided.ts';
import { specDeclaringRetryAfter } from './retry-after-spec.ts';
import { editJson, rewriteFetch, type Fetch, type PlainRequest, type PlainResponse } from './rewrite-fetch.ts';

export interface BrokenServer {
  /** The check that must FAIL against this server. */
  breaks: string;
  /** The operation the finding must name. */
  operation: string;
  wrap: (twin: Fetch) => Fetch;
  /** The spec to judge by, when not the kit's (a check of a header the kit's spec may not declare). */
  spec?: () => SpecIndex;
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
const INVALID = kit.codesByStatus['400'] ?? 'INVALID_PAYLOAD';
const LIMITED = new Set([429, 503]);
/** Answer 400 (the kit's 400 code, `message` naming the field) to the requests `refused` picks; pass the rest to the twin. */
const refuse = (refused: (r: Request) => boolean | Promise<boolean>, message: string) => (twin: Fetch): Fetch => async (request) =>
  (await refused(request)) ? new Response(envelope(INVALID, message), { status: 400, headers: { 'content-type': 'application/json' } }) : twin(request);
/** Whether the response carries this refusal (status and code). */
const carries = (res: PlainResponse, r: { status: number; code: string }) => res.status === r.status && res.body.includes(`"${r.code}"`);
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
  // #20: a missing Accept-Language accepted where the kit refuses it, refused where the kit falls back.
  'missing-accept-language-flipped': {
    breaks: 'headers.missing-accept-language',
    operation: BALANCE,
    wrap: kit.acceptLanguage.missing.action === 'reject'
      ? onRequest(undefined, (r) => (r.headers['accept-language'] ? r : header(r, 'accept-language', kit.acceptLanguage.accepted[0]!)))
      : refuse((r) => !r.headers.get('accept-language'), 'Accept-Language is required.'),
  },
  // #20: an unsupported Accept-Language (the check sends fr-FR) accepted where the kit refuses it, refused where it falls back.
  'unsupported-accept-language-flipped': {
    breaks: 'headers.unsupported-accept-language',
    operation: BALANCE,
    wrap: kit.acceptLanguage.unsupported.action === 'reject'
      ? onRequest(undefined, (r) => (r.headers['accept-language'] && !kit.acceptLanguage.accepted.includes(r.headers['accept-language']) ? header(r, 'accept-language', kit.acceptLanguage.accepted[0]!) : r))
      : refuse((r) => { const l = r.headers.get('accept-language'); return l !== null && !kit.acceptLanguage.accepted.includes(l); }, 'Accept-Language is not supported.'),
  },
  'undocumented-status': { breaks: 'conformance.status-code', operation: BALANCE, wrap: onResponse(BALANCE, (res) => (res.status === 200 ? { ...res, status: 203 } : res)) },
  'drops-required-field': { breaks: 'schema.response-body', operation: BALANCE, wrap: onResponse(BALANCE, (res) => json(res, (j) => ({ ...j, data: { ...(j.data as object), creditBalance: undefined } }))) },
  'number-as-string': { breaks: 'schema.response-body', operation: PRODUCTS, wrap: onResponse(PRODUCTS, (res) => json(res, (j) => ({ ...j, data: Array.isArray(j.data) ? j.data.map((p) => ({ ...p, price: String(p.price) })) : j.data }))) },
  'wrong-content-type': { breaks: 'conformance.content-type', operation: BALANCE, wrap: onResponse(BALANCE, (res) => ({ ...res, headers: { ...res.headers, 'content-type': 'text/plain' } })) },
  // Judged by a spec that declares Retry-After: a spec adopted from a server that sends none declares no header to check.
  'invalid-retry-after': { breaks: 'conformance.response-headers', operation: BALANCE, spec: specDeclaringRetryAfter, wrap: onResponse(undefined, (res) => (LIMITED.has(res.status) ? { ...res, headers: { ...res.headers, 'retry-after': 'soon' } } : res)) },
  // #22: no Retry-After on 429/503 where the kit sends it, one where it does not.
  'retry-after-flipped': {
    breaks: 'headers.retry-after',
    operation: BALANCE,
    wrap: onResponse(undefined, (res) => {
      if (!LIMITED.has(res.status)) return res;
      const { 'retry-after': _dropped, ...headers } = res.headers;
      return { ...res, headers: kit.retryAfter.send ? headers : { ...headers, 'retry-after': '1' } };
    }),
  },
  'non-envelope-error': { breaks: 'envelope.shape', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status >= 400 ? { ...res, body: JSON.stringify({ message: 'Bad request' }) } : res)) },
  'wrong-error-code': { breaks: 'envelope.error-code', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status === 401 ? { ...res, body: envelope('NOT_FOUND', 'Missing key.') } : res)) },
  'crashes-on-odd-content-type': { breaks: 'robustness.no-server-error', operation: PRODUCTS, wrap: crashesOnOddContentType },
  // #7: page 0 accepted (as page 1) where the kit refuses a page out of range, refused where the kit clamps it.
  'paging-out-of-range-flipped': {
    breaks: 'negative.schema-violation',
    operation: PRODUCTS,
    wrap: kit.paging.outOfRange.action === 'reject'
      ? onRequest(PRODUCTS, (r) => bodyEdit(r, (j) => (j.page === 0 ? { ...j, page: 1 } : j)))
      : refuse(async (r) => `${r.method} ${new URL(r.url).pathname}` === PRODUCTS && pageBelowMin(await r.clone().text()), 'page is out of range.'),
  },
  'answers-500-to-bad-input': { breaks: 'negative.schema-violation', operation: PULL, wrap: onResponse(undefined, (res) => (res.status === 400 ? { ...res, status: 500, body: envelope('INTERNAL_ERROR', 'Boom.') } : res)) },
  'accepts-malformed-json': { breaks: 'negative.malformed-json', operation: PRODUCTS, wrap: onRequest(undefined, (r) => (r.body !== undefined && !isJson(r.body) ? { ...r, body: '{}' } : r)) },
  'accepts-wrong-content-type': { breaks: 'negative.wrong-content-type', operation: PRODUCTS, wrap: onRequest(undefined, (r) => (r.headers['content-type'] === 'text/plain' ? header(r, 'content-type', 'application/json') : r)) },
  'rejects-valid-requests': { breaks: 'positive.valid-request', operation: 'POST /api/order/list', wrap: rejectsEmptyListBody },
  'more-items-than-page-size': { breaks: 'semantics.pagination', operation: PRODUCTS, wrap: moreItemsThanPageSize },
  'duplicates-across-pages': { breaks: 'semantics.pagination', operation: PRODUCTS, wrap: duplicatesAcrossPages },
  'echoes-key': { breaks: 'hygiene.key-not-echoed', operation: BALANCE, wrap: onResponse(undefined, (res, req) => ({ ...res, headers: { ...res.headers, 'x-debug-key': req.headers['x-api-key'] ?? '' } })) },
  'leaks-data-on-rejection': { breaks: 'hygiene.no-data-on-rejection', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status === 401 ? json(res, (j) => ({ ...j, data: { balance: 5000 } })) : res)) },
  'round-trip-codes-differ': { breaks: 'semantics.order-round-trip', operation: PULL, wrap: onResponse('GET /api/order/detail', (res) => json(res, alterFirstCode)) },
  // #8: a repeated referenceId charged again (a new order) where the kit replays, replayed where it refuses or orders anew.
  'repeated-reference-id-flipped': {
    breaks: 'semantics.order-round-trip',
    operation: PULL,
    wrap: kit.repeatedReferenceId.action === 'replay' ? onRequest(PULL, (r) => ({ ...r, url: withoutParam(r.url, 'referenceId') })) : replaysRepeatedReference,
  },
  // #12: an out-of-stock order refused with another status or code than the kit's.
  'out-of-stock-flipped': { breaks: 'semantics.decided-refusals', operation: PULL, wrap: onResponse(PULL, (res) => (carries(res, kit.pullCodes.outOfStock) ? answer(res, OTHER_OUT_OF_STOCK, 'Out of stock.') : res)) },
  // #19: another account's order refused with another status or code than the kit's.
  'other-account-order-flipped': { breaks: 'isolation.other-account', operation: DETAIL, wrap: onResponse(DETAIL, (res, req) => (req.headers['x-api-key'] === BRAVO && carries(res, kit.otherAccountOrder) ? answer(res, OTHER_ACCOUNT_ORDER, 'Not your order.') : res)) },
  'leaks-other-account-order': { breaks: 'isolation.other-account', operation: DETAIL, wrap: onRequest(DETAIL, (r) => (r.headers['x-api-key'] === BRAVO ? header(r, 'x-api-key', ALPHA) : r)) },
  'shares-one-balance': { breaks: 'isolation.other-account', operation: BALANCE, wrap: onRequest(BALANCE, (r) => (r.headers['x-api-key'] === BRAVO ? header(r, 'x-api-key', ALPHA) : r)) },
  // Fails every rejection check (differential.test.ts); named here by one whose refusal no decision changes (401).
  'answers-404-except-controls': { breaks: 'auth.missing-key', operation: BALANCE, wrap: onResponse(undefined, (res) => (res.status < 300 ? res : { ...res, status: 404, body: envelope('NOT_FOUND', 'Not found.') })) },
};

const OTHER_OUT_OF_STOCK = refusalOtherThan(kit.pullCodes.outOfStock, [{ status: 400, code: 'INVALID_PAYLOAD' }, { status: 409, code: 'INSUFFICIENT_STOCK' }]);
const OTHER_ACCOUNT_ORDER = refusalOtherThan(kit.otherAccountOrder, [{ status: 403, code: 'FORBIDDEN' }, { status: 404, code: 'NOT_FOUND' }]);
const answer = (res: PlainResponse, r: { status: number; code: string }, message: string): PlainResponse => ({ ...res, status: r.status, body: envelope(r.code, message) });

/** A JSON body whose integer page is below the kit's minimum (page 0 when the minimum is 1). */
function pageBelowMin(body: string): boolean {
  try {
    const page = (JSON.parse(body) as { page?: unknown } | null)?.page;
    return Number.isInteger(page) && (page as number) < kit.paging.page.min;
  } catch {
    return false;
  }
}

/** The first answer to a (key, referenceId) pullCodes is answered again to every repeat: nothing new is ordered or refused. */
function replaysRepeatedReference(twin: Fetch): Fetch {
  const first = new Map<string, { status: number; headers: Headers; body: string }>();
  return async (request) => {
    const url = new URL(request.url);
    const reference = url.searchParams.get('referenceId');
    if (`${request.method} ${url.pathname}` !== PULL || !reference) return twin(request);
    const key = `${request.headers.get('x-api-key')} ${reference}`;
    const known = first.get(key);
    if (known) return new Response(known.body, { status: known.status, headers: known.headers });
    const response = await twin(request);
    const body = await response.text();
    if (response.status < 300) first.set(key, { status: response.status, headers: new Headers(response.headers), body });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

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
