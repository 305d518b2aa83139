// Per-run context handed to active checks: the target, the spec, the seed, and a recording `send` that rides out transient faults.
import { randomUUID } from 'node:crypto';
import { kitDecisions, type LoadedDecisions } from '../../spec/decisions.ts';
import type { SpecOperation } from '../../spec/spec.ts';
import type { Exchange, ExchangeRequest, Target } from '../targets/target.ts';
import type { EvidenceTag } from '../../http/exchange.ts';
import { mutates, requestBodySchema, type SpecIndex } from './lib/spec-index.ts';
import { sendWithRetry, TargetSendError, transientPolicy, UnavailableError, type TransientPolicy } from './lib/transient.ts';

export { TargetSendError };

/**
 * How a request authenticates: the target's key in the header (default), none, the key in the query, a given fake key,
 * or the second account's key (WUPEX_API_KEY_2; isolation checks).
 */
export type AuthMode = 'header' | 'none' | 'query' | 'second' | { fakeKey: string };

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
  /** The decided point this request probes (kept with the exchange for `--propose`; never sent). */
  evidenceFor?: EvidenceTag;
}

export interface RecordedExchange {
  operation: SpecOperation;
  exchange: Exchange;
}

export interface CheckContext {
  target: Target;
  spec: SpecIndex;
  seed: number;
  runs: number;
  /** The decided behaviours the checks expect (issue 16): openapi/decisions.yaml, or the profile given to verify. */
  decisions: LoadedDecisions;
  /** A second account's key on the same target, when one was given (WUPEX_API_KEY_2, or the twin's second demo account). */
  secondKey?: string;
  /** Every exchange so far, for the pure checks. */
  readonly exchanges: RecordedExchange[];
  /** Why requests stayed unavailable so far (429/503 after the retries), even where a check caught the error. */
  readonly unavailable: string[];
  send(request: RequestSpec): Promise<Exchange>;
  /** Why this request must not be sent on this target (read-only production, orders not allowed), or undefined. */
  blocked(operation: SpecOperation, auth: AuthMode): string | undefined;
  /** Run-scoped memo for discovery (products, order names), so checks do not repeat it. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export const PULL_CODES_BLOCKED = {
  readOnly: 'the target is read-only (production): operations that place orders are never sent',
} as const;

export interface ContextOptions {
  target: Target;
  spec: SpecIndex;
  seed: number;
  runs: number;
  secondKey?: string;
  /** Default the kit's openapi/decisions.yaml. */
  decisions?: LoadedDecisions;
  /** Retry policy overrides (tests inject a sleep that does not wait). */
  transient?: Partial<TransientPolicy>;
}

export function createContext(options: ContextOptions): CheckContext {
  const exchanges: RecordedExchange[] = [];
  const unavailable: string[] = [];
  const memos = new Map<string, Promise<unknown>>();
  const { target } = options;
  const policy = transientPolicy(target, options.transient);
  return {
    target,
    spec: options.spec,
    seed: options.seed,
    runs: options.runs,
    decisions: options.decisions ?? kitDecisions(),
    secondKey: options.secondKey,
    exchanges,
    unavailable,
    /** Throws TargetSendError (no answer) or UnavailableError (still 429/503 after the retries). */
    async send(spec) {
      try {
        const exchange = await sendWithRetry(target, buildRequest(target, spec, options.secondKey), policy, { cannotOrder: cannotOrder(options.spec, spec) });
        exchanges.push({ operation: spec.operation, exchange });
        return exchange;
      } catch (error) {
        if (error instanceof UnavailableError) unavailable.push(error.reason);
        throw error;
      }
    },
    blocked(operation, auth) {
      if (!mutates(operation)) return undefined;
      if (target.readOnly) return PULL_CODES_BLOCKED.readOnly;
      const carriesKey = auth === 'header' || auth === 'query' || auth === 'second';
      return carriesKey ? target.missing.allowsOrders : undefined;
    },
    memo(key, make) {
      if (!memos.has(key)) {
        const made = make();
        // A failed discovery (the target unavailable for a moment) is tried again by the next check, not cached.
        made.catch(() => memos.delete(key));
        memos.set(key, made);
      }
      return memos.get(key) as Promise<never>;
    },
  };
}

/**
 * A pullCodes body the spec rejects (malformed JSON, a schema violation) places no order on a server that follows the
 * spec, so repeating it after a 429/503 is safe even without a referenceId (generated odd requests carry none).
 */
function cannotOrder(spec: SpecIndex, request: RequestSpec): boolean {
  if (!mutates(request.operation)) return false;
  const schema = requestBodySchema(request.operation);
  let body: unknown = request.body;
  if (request.rawBody !== undefined) {
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return true;
    }
  }
  return schema !== undefined && spec.validate(schema, body ?? {}) !== undefined;
}

/** A referenceId that becomes a new unique value each time the request is sent (no probe meets a reused reference). */
export const FRESH_REFERENCE = 'wupex-kit-fresh';

const freshValue = () => `wupex-kit-${randomUUID().slice(0, 18)}`;

/** Turn a RequestSpec into the concrete request for this target. */
export function buildRequest(target: Target, spec: RequestSpec, secondKey?: string): ExchangeRequest {
  const { operation } = spec;
  const auth = spec.auth ?? 'header';
  const query = new URLSearchParams(spec.query ?? {});
  if (query.get('referenceId') === FRESH_REFERENCE) query.set('referenceId', freshValue());
  if (auth === 'query') query.set('x-api-key', target.apiKey);
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (auth === 'header') headers['x-api-key'] = target.apiKey;
  if (auth === 'second' && secondKey) headers['x-api-key'] = secondKey;
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
  const url = `${target.baseUrl}${spec.path ?? operation.path}${search ? `?${search}` : ''}`;
  return { method, url, headers, body, ...(spec.evidenceFor ? { evidenceFor: spec.evidenceFor } : {}) };
}
