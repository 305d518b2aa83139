// A target over real HTTP (sandbox, production, Prism, any base URL), with a timeout and clear unreachable errors.
import { backoffDelayMs, isSafeToRepeat, parseRetryAfterMs } from '../../scripts/client/retry.ts';
import { err, kitError, ok, type KitError, type Result } from '../../scripts/lib/result.ts';
import { readResponse, toFetchRequest, type Capability, type Exchange, type ExchangeRequest, type Target, type TargetName } from './target.ts';

/** A real sandbox rate-limits: a 429 is waited out (Retry-After, else S11 backoff) a few times before it counts. */
export const HTTP_DEFAULTS = { timeoutMs: 10_000, rateLimitRetries: 3, maxWaitMs: 10_000 } as const;

export interface HttpTargetOptions {
  name: TargetName;
  baseUrl: string;
  apiKey: string;
  merchantCode?: string;
  readOnly?: boolean;
  missing?: Partial<Record<Capability, string>>;
  timeoutMs?: number;
  onClose?: () => Promise<void>;
  /** 0 turns the 429 wait off (tests). */
  rateLimitRetries?: number;
}

/** Global fetch with AbortSignal.timeout; a transport failure is a TARGET_UNREACHABLE value, never a throw. */
export function httpTarget(options: HttpTargetOptions): Target {
  const timeoutMs = options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
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
      for (let attempt = 0; ; attempt++) {
        const started = performance.now();
        try {
          const response = await readResponse(await fetch(toFetchRequest(request, AbortSignal.timeout(timeoutMs))));
          const exchange = { request, response, durationMs: Math.round(performance.now() - started) };
          if (response.status !== 429 || attempt >= retries) return ok(exchange);
          const wait = parseRetryAfterMs(response.headers['retry-after']) ?? backoffDelayMs(attempt, Math.random);
          await new Promise((done) => setTimeout(done, Math.min(wait, HTTP_DEFAULTS.maxWaitMs)));
        } catch (cause) {
          return err(unreachable(request, timeoutMs, cause));
        }
      }
    },
    close: async () => {
      await options.onClose?.();
    },
  };
}

function unreachable(request: ExchangeRequest, timeoutMs: number, cause: unknown): KitError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  const reason = timedOut ? `timed out after ${timeoutMs} ms` : `failed (${describeCause(cause)})`;
  const origin = new URL(request.url).origin;
  return kitError(timedOut ? 'TARGET_TIMEOUT' : 'TARGET_UNREACHABLE', `Request ${reason}: ${request.method} ${request.url}`, {
    hint: `Check that ${origin} is up and reachable from here (network, VPN, proxy), or pick another --target / --base-url.`,
    cause,
  });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: { code?: string; message?: string } }).cause;
  return inner?.code ?? inner?.message ?? cause.message;
}
