// Transient faults (S11): 429/502/503/504 and connection resets are retried where a repeat is safe; what stays down is
// UNAVAILABLE (not judged), never a contract failure. Waits honour Retry-After, capped short for loopback targets.
import { backoffDelayMs, isSafeToRepeat, parseRetryAfterMs } from '../../../client/retry.ts';
import type { KitError } from '../../../core/result.ts';
import type { Exchange, ExchangeRequest, Target } from '../../targets/target.ts';

/**
 * S11 allows 5 retries. On loopback (the twin, a local server) a retry costs nothing and loads no shared service,
 * so verify retries more there and caps every wait short: a `--fault-rate 0.3` run stays fast and clean.
 */
export const TRANSIENT_DEFAULTS = { retries: 5, maxWaitMs: 10_000, loopbackRetries: 10, loopbackMaxWaitMs: 10 } as const;

export const TRANSIENT_STATUSES: readonly number[] = [429, 502, 503, 504];

export interface TransientPolicy {
  retries: number;
  maxWaitMs: number;
  /** Injectable so tests never sleep. */
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** Transport failure while a check was sending: the runner turns it into a finding (and verify into exit 3). */
export class TargetSendError extends Error {
  constructor(readonly error: KitError) {
    super(error.message);
    this.name = 'TargetSendError';
  }
}

/** The target stayed unavailable for one request after every retry: the probe cannot be judged. */
export class UnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnavailableError';
  }
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function transientPolicy(target: Target, overrides: Partial<TransientPolicy> = {}): TransientPolicy {
  const loopback = target.missing.isLoopback === undefined;
  return {
    retries: loopback ? TRANSIENT_DEFAULTS.loopbackRetries : TRANSIENT_DEFAULTS.retries,
    maxWaitMs: loopback ? TRANSIENT_DEFAULTS.loopbackMaxWaitMs : TRANSIENT_DEFAULTS.maxWaitMs,
    sleep: realSleep,
    random: Math.random,
    ...overrides,
  };
}

/** A reset or closed socket (not a refused connection or a timeout): worth a retry. */
export function isConnectionReset(error: KitError): boolean {
  const chain: string[] = [error.message];
  for (let cause = error.cause as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; cause && depth < 4; cause = cause.cause as typeof cause, depth++) {
    chain.push(String(cause.code ?? ''), String(cause.message ?? ''));
  }
  return /ECONNRESET|UND_ERR_SOCKET|socket hang up|other side closed|EPIPE/i.test(chain.join(' '));
}

const describeStatus = (exchange: Exchange) => {
  const json = exchange.response.json as { error?: { code?: unknown } } | undefined;
  return `HTTP ${exchange.response.status}${typeof json?.error?.code === 'string' ? ` ${json.error.code}` : ''}`;
};

/**
 * Send once, retrying transient answers when a repeat is safe (never a request that asked for its status with
 * `Prefer`, never a pullCodes without referenceId that could place an order). Throws TargetSendError or UnavailableError.
 */
export async function sendWithRetry(target: Target, request: ExchangeRequest, policy: TransientPolicy, options: { cannotOrder?: boolean } = {}): Promise<Exchange> {
  const repeatable = request.headers.prefer === undefined && (options.cannotOrder === true || isSafeToRepeat(request));
  for (let attempt = 0; ; attempt++) {
    const result = await target.send(request);
    const last = !repeatable || attempt >= policy.retries;
    if (!result.ok) {
      if (!isConnectionReset(result.error)) throw new TargetSendError(result.error);
      if (last) throw new UnavailableError(`the connection was reset on ${request.method} ${new URL(request.url).pathname} after ${attempt} retries`);
      await policy.sleep(Math.min(backoffDelayMs(attempt, policy.random), policy.maxWaitMs));
      continue;
    }
    const exchange = result.value;
    if (!TRANSIENT_STATUSES.includes(exchange.response.status) || request.headers.prefer !== undefined) return exchange;
    if (last) {
      const tries = repeatable ? `after ${attempt} retries` : 'and a repeat is not safe (pullCodes without referenceId)';
      throw new UnavailableError(`the target answered ${describeStatus(exchange)} on ${request.method} ${new URL(request.url).pathname} ${tries}`);
    }
    const wait = parseRetryAfterMs(exchange.response.headers['retry-after']) ?? backoffDelayMs(attempt, policy.random);
    await policy.sleep(Math.min(wait, policy.maxWaitMs));
  }
}
