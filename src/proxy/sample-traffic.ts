// An app-like mix of WUPEX calls (all five operations, good and bad requests, a fault via Prefer): the reference recording and the proxy tests.
import { DEMO_ACCOUNTS } from '../../mocks/demo-accounts.ts';
import { sendOutbound } from '../http/outbound.ts';
import { kitDecisions, type LoadedDecisions } from '../spec/decisions.ts';

export interface SampleStep {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** Header overrides; null removes a default header (x-api-key, accept-language, content-type). */
  headers?: Record<string, string | null>;
  body?: string;
  /** What the twin answers under the decisions the steps were made for; the tests hold the recording to it. */
  expect: number;
}

/** The twin's public demo account: a fake key that opens only the twin (mocks/demo-accounts.ts). */
export const SAMPLE_ACCOUNT = DEMO_ACCOUNTS[0];
/** Replaced by the orderName of the first pullCodes answer. */
export const ORDER_NAME = '{orderName}';

const lines = (merchant: string, sku: string, quantity: number) => JSON.stringify([{ merchant, sku, quantity }]);
const M = SAMPLE_ACCOUNT.merchantCode;

/** What a request the decisions may refuse gets: the refusal's status, or 200 when the twin answers it anyway (clamp, fallback). */
const answered = (rule: { action: string; status?: number }) => (rule.action === 'reject' && rule.status !== undefined ? rule.status : 200);

/** The steps, each with what the twin answers under `d` (default the kit's openapi/decisions.yaml). */
export function sampleSteps(d: LoadedDecisions = kitDecisions()): readonly SampleStep[] {
  const placed = d.pullCodes.successStatus;
  return [
    { name: 'balance', method: 'GET', path: '/api/customer/balance', expect: 200 },
    { name: 'first page of products', method: 'POST', path: '/api/product/merchant/invited/list', body: '{"page":1,"pageSize":5}', expect: 200 },
    { name: 'products filtered by type', method: 'POST', path: '/api/product/merchant/invited/list', body: '{"page":1,"pageSize":3,"search":[{"column":"productType","operator":"Equals","value":"Google Play"}]}', expect: 200 },
    { name: 'order one code', method: 'POST', path: '/api/order/pull-codes?referenceId=SAMPLE-ORDER-1', body: lines(M, 'GOOGLE-USA-10USD', 2), expect: placed },
    { name: 'the same referenceId again (DECISIONS #8)', method: 'POST', path: '/api/order/pull-codes?referenceId=SAMPLE-ORDER-1', body: lines(M, 'GOOGLE-USA-10USD', 2), expect: d.repeatedReferenceId.action === 'reject' ? d.repeatedReferenceId.status : placed },
    { name: 'order list', method: 'POST', path: '/api/order/list', body: '{"page":1,"pageSize":10}', expect: 200 },
    { name: 'order detail', method: 'GET', path: `/api/order/detail?orderName=${ORDER_NAME}`, expect: 200 },
    { name: 'unknown order', method: 'GET', path: '/api/order/detail?orderName=A00000000000001', expect: 404 },
    { name: 'no key', method: 'GET', path: '/api/customer/balance', headers: { 'x-api-key': null }, expect: 401 },
    { name: 'page 0', method: 'POST', path: '/api/product/merchant/invited/list', body: '{"page":0,"pageSize":5}', expect: answered(d.paging.outOfRange) },
    { name: 'malformed JSON', method: 'POST', path: '/api/order/list', body: '{"page":1,', expect: 400 },
    { name: 'no Accept-Language', method: 'GET', path: '/api/customer/balance', headers: { 'accept-language': null }, expect: answered(d.acceptLanguage.missing) },
    { name: 'another merchant', method: 'POST', path: '/api/order/pull-codes?referenceId=SAMPLE-ORDER-2', body: lines('DEMO-MERCHANT-B', 'GOOGLE-USA-10USD', 1), expect: d.orderLimits.otherMerchant.status },
    { name: 'unknown sku', method: 'POST', path: '/api/order/pull-codes?referenceId=SAMPLE-ORDER-3', body: lines(M, 'NOPE-USA-1USD', 1), expect: d.pullCodes.unknownSku.status },
    { name: 'out of stock', method: 'POST', path: '/api/order/pull-codes?referenceId=SAMPLE-ORDER-4', body: lines(M, 'AMAZON-USA-100USD', 1), expect: d.pullCodes.outOfStock.status },
    { name: 'rate limited (fault via Prefer)', method: 'POST', path: '/api/order/list', headers: { prefer: 'code=429' }, body: '{"page":1}', expect: 429 },
    { name: 'service unavailable (fault via Prefer)', method: 'GET', path: '/api/customer/balance', headers: { prefer: 'code=503' }, expect: 503 },
  ];
}

export interface SampleAnswer {
  step: SampleStep;
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  json: unknown;
}

/** Send every step to `baseUrl` in order (the outbound path, loopback only), filling in the orderName from the first order; `key` defaults to the demo key. */
export async function sendSampleTraffic(baseUrl: string, options: { key?: string; steps?: readonly SampleStep[] } = {}): Promise<SampleAnswer[]> {
  const out: SampleAnswer[] = [];
  let orderName = 'A00000000000000';
  for (const step of options.steps ?? sampleSteps()) {
    const defaults: Record<string, string> = { 'x-api-key': options.key ?? SAMPLE_ACCOUNT.key, 'accept-language': 'en-US', ...(step.method === 'POST' ? { 'content-type': 'application/json' } : {}) };
    const merged = { ...defaults, ...step.headers };
    const headers = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
    const sent = await sendOutbound({ method: step.method, url: `${baseUrl}${step.path.replace(ORDER_NAME, orderName)}`, headers, body: step.body });
    if (!sent.ok) throw new Error(`${step.name}: ${sent.error.message}`); // the twin and the proxy are local: no answer is a bug
    const { status, text } = sent.value;
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    const name = (json as { data?: { orderName?: unknown } } | undefined)?.data?.orderName;
    if (step.path.startsWith('/api/order/pull-codes') && typeof name === 'string') orderName = name;
    out.push({ step, status, headers: sent.value.headers, json });
  }
  return out;
}
