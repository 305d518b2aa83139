// Fault injection for the twin: random 429/503 at a given rate, and a per-key requests-per-second limit (S11, DECISIONS #22).
import { vendorError, type VendorError } from './errors.ts';
import type { Random } from './random.ts';

export interface FaultOptions {
  /** Share of WUPEX requests (0..1) answered 429 or 503. */
  faultRate: number;
  /** Requests per second per key; 0 or undefined means unlimited. */
  rateLimit?: number;
  random: Random;
  now?: () => number;
}

export interface Faults {
  /** A random fault for this request, or undefined. */
  random(): VendorError | undefined;
  /** TOO_MANY_REQUESTS when this key is over its per-second budget. */
  limit(key: string): VendorError | undefined;
  reset(): void;
}

/** Build fault state per server: the per-key windows live here, not at module level. */
export function createFaults(options: FaultOptions): Faults {
  const now = options.now ?? Date.now;
  let windows = new Map<string, { second: number; count: number }>();
  const random = (): VendorError | undefined => {
    if (options.faultRate <= 0 || options.random.next() >= options.faultRate) return undefined;
    return options.random.next() < 0.5
      ? vendorError('TOO_MANY_REQUESTS', 'Rate limit exceeded (injected fault); retry after 1 second.')
      : vendorError('SERVICE_UNAVAILABLE', 'Service temporarily unavailable (injected fault); retry with backoff.');
  };
  const limit = (key: string): VendorError | undefined => {
    const max = options.rateLimit ?? 0;
    if (max <= 0) return undefined;
    const second = Math.floor(now() / 1000);
    const current = windows.get(key);
    const window = current && current.second === second ? current : { second, count: 0 };
    window.count += 1;
    windows.set(key, window);
    if (window.count <= max) return undefined;
    return vendorError('TOO_MANY_REQUESTS', `Rate limit of ${max} requests per second exceeded; retry after 1 second.`);
  };
  return { random, limit, reset: () => { windows = new Map(); } };
}
