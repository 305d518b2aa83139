// The guide's retry policy (S11) as pure functions: which answers to retry, and how long to wait.

/** S11: capped exponential backoff with jitter; at most 5 retries, delay 500 ms doubling to a 10 s cap. */
export const RETRY_DEFAULTS = {
  maxRetries: 5,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  /** A Retry-After longer than this is not waited out: the error comes back instead (a script should not hang). */
  maxRetryAfterMs: 60_000,
} as const;

export interface RetryOptions {
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/** Fill in the defaults once, at the edge; reject nonsense with a message that lists what is valid. */
export function normalizeRetryOptions(options: Partial<RetryOptions> = {}): RetryOptions {
  const merged = { ...RETRY_DEFAULTS, ...options };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`[wupex-kit] retry.${name} must be a number >= 0, got ${String(value)}.`);
    }
  }
  return merged;
}

/** S11: 429 and 5xx are transient; 4xx (400, 401, 403, 404, 409, 413, ...) need a fixed request, never a retry. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * The wait before retry number `retry` (0 for the first retry): `delay + random(0, delay)`, where
 * delay starts at initialDelayMs and doubles up to maxDelayMs (S11). `random` returns [0, 1).
 */
export function backoffDelayMs(retry: number, random: () => number, options: RetryOptions = RETRY_DEFAULTS): number {
  const delay = Math.min(options.initialDelayMs * 2 ** retry, options.maxDelayMs);
  return Math.round(delay + random() * delay);
}

/** `Retry-After` as milliseconds when it is a whole number of seconds (DECISIONS #22); HTTP dates are ignored. */
export function parseRetryAfterMs(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (!/^\d+$/.test(text)) return undefined;
  return Number(text) * 1000;
}

/** What the retry decision needs to know about a request. */
export interface RetryableRequest {
  method: string;
  url: string;
}

const PULL_CODES_PATH = '/api/order/pull-codes';

/**
 * A pullCodes without a referenceId must never be sent twice: the first attempt may have bought the
 * codes even though the answer was lost or was a 5xx. With a referenceId the repeat is idempotent
 * (DECISIONS #8), so it is safe.
 */
export function isSafeToRepeat(request: RetryableRequest): boolean {
  const url = new URL(request.url);
  const isPullCodes = request.method.toUpperCase() === 'POST' && url.pathname.endsWith(PULL_CODES_PATH);
  if (!isPullCodes) return true;
  return (url.searchParams.get('referenceId') ?? '') !== '';
}

export type RetryDecision =
  | { retry: true; waitMs: number }
  | { retry: false; reason: 'not-retryable-status' | 'unsafe-to-repeat' | 'retries-exhausted' | 'retry-after-too-long' };

export interface RetryInput {
  request: RetryableRequest;
  status: number;
  retryAfter: string | null;
  /** How many retries have already been made (0 after the first attempt). */
  retriesSoFar: number;
  random: () => number;
  options?: RetryOptions;
}

/** One decision after an answer: retry (and how long to wait first) or stop (and why). */
export function decideRetry(input: RetryInput): RetryDecision {
  const options = input.options ?? RETRY_DEFAULTS;
  if (!isRetryableStatus(input.status)) return { retry: false, reason: 'not-retryable-status' };
  if (!isSafeToRepeat(input.request)) return { retry: false, reason: 'unsafe-to-repeat' };
  if (input.retriesSoFar >= options.maxRetries) return { retry: false, reason: 'retries-exhausted' };
  const retryAfterMs = parseRetryAfterMs(input.retryAfter);
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > options.maxRetryAfterMs) return { retry: false, reason: 'retry-after-too-long' };
    return { retry: true, waitMs: retryAfterMs };
  }
  return { retry: true, waitMs: backoffDelayMs(input.retriesSoFar, input.random, options) };
}
