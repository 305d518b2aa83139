// A small typed WUPEX client on openapi-fetch: x-api-key + Accept-Language on every call, S11 retries, errors as values.
import createClient from 'openapi-fetch';
import type { components, paths } from '../../openapi/generated/wupex.ts';
import { loadKitEnv, type KitEnv } from '../cli/env.ts';
import { OUTBOUND_DEFAULTS } from '../http/outbound.ts';
import { outboundFetch } from '../http/outbound-fetch.ts';
import { isProductionUrl } from '../http/url-rules.ts';
import { createSanitiser, fingerprint } from '../secrets/redact.ts';
import { err, kitError, ok, type Result } from '../core/result.ts';
import { resolveClientConfig, type KeySource } from './client-config.ts';
import { createRetryingFetch, type FetchLike, type RetryEvent } from './retrying-fetch.ts';
import type { RetryOptions } from './retry.ts';
import { errorFromException, errorFromRedirect, errorFromResponse, sanitiseError, type Clean, type WupexError } from './wupex-error.ts';

type Schemas = components['schemas'];

export const CLIENT_DEFAULTS = {
  /** S2, S3: the documented value; DECISIONS #20. */
  acceptLanguage: 'en-US',
  /** Per attempt (a retry gets a fresh budget): the outbound path's headers timeout, total deadline and body cap. */
  headersTimeoutMs: OUTBOUND_DEFAULTS.headersTimeoutMs,
  deadlineMs: OUTBOUND_DEFAULTS.deadlineMs,
  maxResponseBytes: OUTBOUND_DEFAULTS.maxResponseBytes,
} as const;

export interface WupexClientOptions {
  baseUrl?: string;
  /** For tests and embedding; scripts leave it unset so the key comes from WUPEX_API_KEY only. */
  apiKey?: string;
  /** Tests only (an in-process twin); by default every call goes through the outbound path (src/http). */
  fetch?: FetchLike;
  /** Retry tuning, or `false` for no retries at all. */
  retry?: Partial<RetryOptions> | false;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
  headersTimeoutMs?: number;
  /** The whole answer, body included, per attempt. */
  deadlineMs?: number;
  maxResponseBytes?: number;
  /** The production host (however spelled) is refused unless this is true: orders there are real. */
  allowProduction?: boolean;
  /** Defaults to loadKitEnv() (environment, then .env). */
  env?: KitEnv;
}

export interface PullCodesOptions {
  /** Makes the order idempotent (DECISIONS #8) and so retryable; without it a 5xx is returned, never repeated. */
  referenceId?: string;
  allowTakeAll?: boolean;
}

export type Call<T> = Promise<Result<T, WupexError>>;

export interface WupexClient {
  readonly baseUrl: string;
  /** "key#3fa1c2": safe to print. */
  readonly keyFingerprint: string;
  readonly keySource: KeySource;
  listProducts(body?: Schemas['ProductListRequest']): Call<Schemas['ProductListResponse']>;
  pullCodes(lines: Schemas['PullCodesRequest'], options?: PullCodesOptions): Call<Schemas['PullCodesResponse']>;
  listOrders(body?: Schemas['OrderListRequest']): Call<Schemas['OrderListResponse']>;
  getOrderDetail(orderName: string): Call<Schemas['OrderDetailResponse']>;
  getBalance(): Call<Schemas['BalanceResponse']>;
}

type Outcome = { data?: unknown; error?: unknown; response: Response };

/** Turn openapi-fetch's `{data, error, response}` (or a throw) into a Result whose error carries redacted text only. */
async function settle<T>(request: { method: string; url: string }, run: () => Promise<Outcome>, clean: Clean): Call<T> {
  try {
    const { data, error, response } = await run();
    if (response.ok) return ok(data as T);
    if (response.status >= 300 && response.status < 400) return err(sanitiseError(errorFromRedirect(request, response.status, response.headers.get('location')), clean));
    return err(sanitiseError(errorFromResponse(request, response.status, error, clean), clean));
  } catch (cause) {
    return err(sanitiseError(errorFromException(request, cause), clean));
  }
}

function refuseProduction(baseUrl: string, options: WupexClientOptions): Result<void> {
  if (options.allowProduction || !isProductionUrl(new URL(baseUrl))) return ok(undefined);
  return err(kitError('PRODUCTION_REFUSED', `${baseUrl} is production: real orders and real money.`, {
    hint: 'Pass allowProduction: true to createWupexClient when you mean it; otherwise use the sandbox or the twin.',
  }));
}

/**
 * Build a client; a refused configuration (plain http to a remote host, no key for a remote host,
 * a malformed URL) comes back as an error value before anything is sent.
 */
export function createWupexClient(options: WupexClientOptions = {}): Result<WupexClient> {
  const config = resolveClientConfig(options, options.env ?? loadKitEnv());
  if (!config.ok) return config;
  const { baseUrl, apiKey, keySource } = config.value;
  const production = refuseProduction(baseUrl, options);
  if (!production.ok) return production;
  const clean = createSanitiser([apiKey]);
  const base = options.fetch ?? outboundFetch({
    headersTimeoutMs: options.headersTimeoutMs ?? CLIENT_DEFAULTS.headersTimeoutMs,
    deadlineMs: options.deadlineMs ?? CLIENT_DEFAULTS.deadlineMs,
    maxResponseBytes: options.maxResponseBytes ?? CLIENT_DEFAULTS.maxResponseBytes,
    allowProduction: options.allowProduction === true,
  });
  const fetch = options.retry === false ? base : createRetryingFetch({ fetch: base, retry: options.retry, sleep: options.sleep, random: options.random, onRetry: options.onRetry });
  const api = createClient<paths>({ baseUrl, fetch, headers: { 'x-api-key': apiKey, 'Accept-Language': CLIENT_DEFAULTS.acceptLanguage } });
  const header = { 'Accept-Language': CLIENT_DEFAULTS.acceptLanguage } as const;
  const at = (method: string, path: string) => ({ method, url: `${baseUrl}${path}` });

  return ok({
    baseUrl,
    keyFingerprint: fingerprint(apiKey),
    keySource,
    listProducts: (body = {}) =>
      settle(at('POST', '/api/product/merchant/invited/list'), () => api.POST('/api/product/merchant/invited/list', { params: { header }, body }), clean),
    pullCodes: (lines, pull = {}) => {
      const query = { ...(pull.referenceId ? { referenceId: pull.referenceId } : {}), ...(pull.allowTakeAll ? { allowTakeAll: true } : {}) };
      const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      return settle(at('POST', `/api/order/pull-codes${search ? `?${search}` : ''}`), () => api.POST('/api/order/pull-codes', { params: { header, query }, body: lines }), clean);
    },
    listOrders: (body = {}) => settle(at('POST', '/api/order/list'), () => api.POST('/api/order/list', { params: { header }, body }), clean),
    getOrderDetail: (orderName) =>
      settle(at('GET', `/api/order/detail?orderName=${encodeURIComponent(orderName)}`), () => api.GET('/api/order/detail', { params: { header, query: { orderName } } }), clean),
    getBalance: () => settle(at('GET', '/api/customer/balance'), () => api.GET('/api/customer/balance', { params: { header } }), clean),
  });
}
