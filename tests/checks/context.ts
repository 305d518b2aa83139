// Per-run context handed to active checks: the target, the spec, the seed, and a recording `send`.
import type { KitError } from '../../scripts/lib/result.ts';
import type { SpecOperation } from '../../scripts/lib/spec.ts';
import type { Exchange, ExchangeRequest, Target } from '../targets/target.ts';
import { mutates, type SpecIndex } from './lib/spec-index.ts';

/** How a request authenticates: the target's key in the header (default), none, the key in the query, or a given fake key. */
export type AuthMode = 'header' | 'none' | 'query' | { fakeKey: string };

/** A request described by what matters to a check; the context turns it into a concrete request. */
export interface RequestSpec {
  operation: SpecOperation;
  /** Sent instead of the operation's method or path (generated traffic: other methods, trailing slashes, percent-encoding). */
  method?: string;
  path?: string;
  query?: Record<string, string>;
  /** JSON-encoded when given (POST). */
  body?: unknown;
  /** Sent verbatim instead of `body` (malformed JSON). */
  rawBody?: string;
  /** Default application/json on POST; null sends none. */
  contentType?: string | null;
  /** Default en-US; null sends none. */
  acceptLanguage?: string | null;
  auth?: AuthMode;
  /** Extra headers (e.g. `prefer: code=503` for targets that honour it). */
  headers?: Record<string, string>;
}

export interface RecordedExchange {
  operation: SpecOperation;
  exchange: Exchange;
}

/** Transport failure while a check was sending: the runner turns it into a finding (and verify into exit 3). */
export class TargetSendError extends Error {
  constructor(readonly error: KitError) {
    super(error.message);
    this.name = 'TargetSendError';
  }
}

export interface CheckContext {
  target: Target;
  spec: SpecIndex;
  seed: number;
  runs: number;
  /** Every exchange so far, for the pure checks. */
  readonly exchanges: RecordedExchange[];
  send(request: RequestSpec): Promise<Exchange>;
  /** Why this request must not be sent on this target (read-only production, orders not allowed), or undefined. */
  blocked(operation: SpecOperation, auth: AuthMode): string | undefined;
  /** Run-scoped memo for discovery (products, order names), so checks do not repeat it. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export const PULL_CODES_BLOCKED = {
  readOnly: 'the target is read-only (production): operations that place orders are never sent',
} as const;

export function createContext(options: { target: Target; spec: SpecIndex; seed: number; runs: number }): CheckContext {
  const exchanges: RecordedExchange[] = [];
  const memos = new Map<string, Promise<unknown>>();
  const { target } = options;
  return {
    ...options,
    exchanges,
    async send(spec) {
      const result = await target.send(buildRequest(target, spec));
      if (!result.ok) throw new TargetSendError(result.error);
      exchanges.push({ operation: spec.operation, exchange: result.value });
      return result.value;
    },
    blocked(operation, auth) {
      if (!mutates(operation)) return undefined;
      if (target.readOnly) return PULL_CODES_BLOCKED.readOnly;
      const carriesKey = auth === 'header' || auth === 'query';
      return carriesKey ? target.missing.allowsOrders : undefined;
    },
    memo(key, make) {
      if (!memos.has(key)) memos.set(key, make());
      return memos.get(key) as Promise<never>;
    },
  };
}

/** Turn a RequestSpec into the concrete request for this target. */
export function buildRequest(target: Target, spec: RequestSpec): ExchangeRequest {
  const { operation } = spec;
  const auth = spec.auth ?? 'header';
  const query = new URLSearchParams(spec.query ?? {});
  if (auth === 'query') query.set('x-api-key', target.apiKey);
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (auth === 'header') headers['x-api-key'] = target.apiKey;
  if (typeof auth === 'object') headers['x-api-key'] = auth.fakeKey;
  const language = spec.acceptLanguage === undefined ? 'en-US' : spec.acceptLanguage;
  if (language !== null) headers['accept-language'] = language;
  let body: string | undefined;
  const method = spec.method ?? operation.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    body = spec.rawBody ?? (spec.body === undefined ? '{}' : JSON.stringify(spec.body));
    const type = spec.contentType === undefined ? 'application/json' : spec.contentType;
    if (type !== null) headers['content-type'] = type;
  }
  const search = query.toString();
  return { method, url: `${target.baseUrl}${spec.path ?? operation.path}${search ? `?${search}` : ''}`, headers, body };
}
