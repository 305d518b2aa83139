// A fetch that follows the retry policy (retry.ts) and reports each retry; the client hands it to openapi-fetch.
import { decideRetry, normalizeRetryOptions, type RetryOptions } from './retry.ts';

export type FetchLike = (input: Request) => Promise<Response>;

/** One retry about to happen, for progress output ("503 on POST …, retry 2/5 in 1200 ms"). */
export interface RetryEvent {
  method: string;
  url: string;
  status: number;
  retry: number;
  maxRetries: number;
  waitMs: number;
}

export interface RetryingFetchOptions {
  fetch: FetchLike;
  retry?: Partial<RetryOptions>;
  /** Injected so tests do not wait; defaults to a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests are deterministic; defaults to Math.random. */
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Wrap `fetch` so that 429 and 5xx answers are retried per S11. Each attempt sends a fresh clone of
 * the original request (a body can be read only once), so a retried pullCodes keeps its referenceId.
 * Network failures are not retried: they are not 429/5xx, and the caller reports them as unreachable.
 */
export function createRetryingFetch(options: RetryingFetchOptions): FetchLike {
  const policy = normalizeRetryOptions(options.retry);
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  return async (request: Request) => {
    const original = request.clone();
    let response = await options.fetch(request);
    for (let retriesSoFar = 0; ; retriesSoFar += 1) {
      const decision = decideRetry({
        request: { method: original.method, url: original.url },
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        retriesSoFar,
        random,
        options: policy,
      });
      if (!decision.retry) return response;
      options.onRetry?.({
        method: original.method,
        url: original.url,
        status: response.status,
        retry: retriesSoFar + 1,
        maxRetries: policy.maxRetries,
        waitMs: decision.waitMs,
      });
      await response.body?.cancel();
      await sleep(decision.waitMs);
      response = await options.fetch(original.clone());
    }
  };
}
