// The proxy's one way out: forwards a request to the upstream (TEMPORARY fetch until scripts/lib/http/outbound.ts lands).
import { err, kitError, ok, type KitError, type Result } from '../result.ts';

export interface ForwardRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Forwarded {
  status: number;
  headers: Record<string, string>;
  text: string;
  durationMs: number;
}

export interface ForwardLimits {
  headersTimeoutMs: number;
  deadlineMs: number;
  maxResponseBytes: number;
}

export const FORWARD_DEFAULTS: ForwardLimits = { headersTimeoutMs: 10_000, deadlineMs: 30_000, maxResponseBytes: 8 * 1024 * 1024 };

/** Forward one request: redirects are never followed, a deadline and a size cap apply; never throws. */
export async function forward(request: ForwardRequest, limits: ForwardLimits = FORWARD_DEFAULTS): Promise<Result<Forwarded, KitError>> {
  const started = performance.now();
  const label = `${request.method} ${request.url}`;
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(limits.deadlineMs) });
    const text = await response.text();
    if (Buffer.byteLength(text) > limits.maxResponseBytes) return err(kitError('RESPONSE_TOO_LARGE', `The answer to ${label} exceeded the ${limits.maxResponseBytes}-byte cap.`));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return ok({ status: response.status, headers, text, durationMs: Math.round(performance.now() - started) });
  } catch (cause) {
    const timeout = (cause as Error).name === 'TimeoutError';
    return err(kitError(timeout ? 'TARGET_TIMEOUT' : 'TARGET_UNREACHABLE', `${timeout ? `No complete answer within ${limits.deadlineMs} ms` : 'Request failed'}: ${label}`, { cause }));
  }
}
