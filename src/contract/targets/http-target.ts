// A target over real HTTP (sandbox, production, Prism, any base URL), through the one outbound path (src/http).
import { backoffDelayMs, isSafeToRepeat, parseRetryAfterMs } from '../../client/retry.ts';
import { OUTBOUND_DEFAULTS, sendOutbound } from '../../http/outbound.ts';
import { err, ok, type KitError, type Result } from '../../core/result.ts';
import { toExchangeResponse, type Capability, type Exchange, type ExchangeRequest, type Target, type TargetName } from './target.ts';

/**
 * Limits per request (headers timeout, total deadline, decoded-body cap: the outbound path's defaults).
 * A real sandbox rate-limits: a 429 is waited out (Retry-After, else S11 backoff) a few times before it counts.
 */
export const HTTP_DEFAULTS = {
  timeoutMs: OUTBOUND_DEFAULTS.headersTimeoutMs,
  deadlineMs: OUTBOUND_DEFAULTS.deadlineMs,
  maxResponseBytes: OUTBOUND_DEFAULTS.maxResponseBytes,
  rateLimitRetries: 3,
  maxWaitMs: 10_000,
} as const;

export interface HttpTargetOptions {
  name: TargetName;
  baseUrl: string;
  apiKey: string;
  merchantCode?: string;
  readOnly?: boolean;
  missing?: Partial<Record<Capability, string>>;
  /** Headers timeout per request (verify --timeout). */
  timeoutMs?: number;
  /** Total deadline per request, body included (verify --deadline). */
  deadlineMs?: number;
  /** Decoded-body cap per response (verify --max-response-bytes). */
  maxResponseBytes?: number;
  onClose?: () => Promise<void>;
  /** 0 turns the 429 wait off (tests). */
  rateLimitRetries?: number;
}

/** Failures that cost a full deadline or cap each time: after one, that method and path are not asked again. */
const COSTLY = new Set(['TARGET_TIMEOUT', 'RESPONSE_TOO_LARGE']);

/**
 * sendOutbound per request; a transport failure, timeout or oversize answer is a KitError value, never a throw.
 * A path that timed out or overflowed once fails fast afterwards, so a run costs at most one deadline per path.
 */
export function httpTarget(options: HttpTargetOptions): Target {
  const tripped = new Map<string, KitError>();
  const limits = {
    headersTimeoutMs: options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs,
    deadlineMs: options.deadlineMs ?? HTTP_DEFAULTS.deadlineMs,
    maxResponseBytes: options.maxResponseBytes ?? HTTP_DEFAULTS.maxResponseBytes,
    // Only a target named production may reach the production host (resolveTarget refuses it earlier too).
    allowProduction: options.name === 'production',
  };
  return {
    name: options.name,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    merchantCode: options.merchantCode,
    readOnly: options.readOnly ?? false,
    missing: options.missing ?? {},
    async send(request: ExchangeRequest): Promise<Result<Exchange, KitError>> {
      // A 429 asked for with `Prefer: code=429` is the answer wanted, not a rate limit.
      const asked = request.headers.prefer !== undefined;
      const retries = isSafeToRepeat(request) && !asked ? (options.rateLimitRetries ?? HTTP_DEFAULTS.rateLimitRetries) : 0;
      const path = `${request.method} ${request.url.split('?')[0]}`;
      const earlier = tripped.get(path);
      if (earlier) return err({ ...earlier, message: `Not sent again: ${earlier.message}` });
      for (let attempt = 0; ; attempt++) {
        const sent = await sendOutbound(request, limits);
        if (!sent.ok) {
          if (COSTLY.has(sent.error.code)) tripped.set(path, sent.error);
          return sent;
        }
        const { status, headers, text, durationMs } = sent.value;
        const exchange = { request, response: toExchangeResponse(status, headers, text), durationMs };
        if (status !== 429 || attempt >= retries) return ok(exchange);
        const wait = parseRetryAfterMs(headers['retry-after']) ?? backoffDelayMs(attempt, Math.random);
        await new Promise((done) => setTimeout(done, Math.min(wait, HTTP_DEFAULTS.maxWaitMs)));
      }
    },
    close: async () => {
      await options.onClose?.();
    },
  };
}
