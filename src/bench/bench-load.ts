// Typed wrapper around autocannon (it ships no types): one bounded load run against one URL.
import { createRequire } from 'node:module';

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
}

/** The figures the bench reports for one run. */
export interface LoadFigures {
  requestsPerSec: number;
  p50Ms: number;
  /** Mean latency, fractional ms (autocannon's percentiles are whole milliseconds). */
  meanMs: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Drive one request at the URL with fixed connections for a fixed time. */
export async function runLoad(request: LoadRequest, options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    duration: options.durationSec,
  });
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    meanMs: result.latency.average,
    p99Ms: result.latency.p99,
    total: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
