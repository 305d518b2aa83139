// Where the proxy forwards: `mock` (the twin, in-process on its own thread, no socket), `sandbox` (from the spec's servers), or a URL.
import { upstreamUrl } from './request-target.ts';
import { baseUrlString, environmentOf, parseBaseUrl, serverUrlOf, TWIN_URL } from '../http/base-url.ts';
import type { MockRequest } from '../../mocks/pipeline.ts';
import type { Document } from '../spec/spec.ts';
import { err, kitError, ok, type KitError, type Result } from '../core/result.ts';
import { createUpstreamAgent, forward, FORWARD_DEFAULTS, type Forwarded, type ForwardLimits } from './forward.ts';
import { startTwinThread, type TwinThreadOptions } from './twin-thread.ts';

/** Per request: `idempotent` lets a read-only POST be sent once more after a stale keep-alive socket (outbound.ts). */
export interface SendOptions {
  idempotent?: boolean;
}

export interface Upstream {
  /** What the exchanges' request URLs, recordings and messages are based on ("https://sandbox.example", or the twin's usual address for `mock`). */
  url: string;
  /**
   * Send one request (its headers already stripped of hop-by-hop ones); `target` is its path and query string as the
   * app sent them. Never throws: a transport failure is a KitError value.
   */
  send(request: MockRequest, target: string, options?: SendOptions): Promise<Result<Forwarded, KitError>>;
  close(): Promise<void>;
}

const usage = (message: string) => err(kitError('USAGE', message, { hint: 'Use --upstream mock, --upstream sandbox, or --upstream https://host (plain http only to 127.0.0.1, localhost or [::1]).' }));

/**
 * The twin in this process on a thread of its own (twin-thread.ts): no port, no socket, and the proxy's validation runs
 * beside the twin's work instead of after it. The outbound path's rules guard against servers we do not control; this
 * one is ours, so only its deadline applies.
 */
async function inProcessTwin(twin: TwinThreadOptions, limits: ForwardLimits): Promise<Result<Upstream>> {
  const thread = await startTwinThread(twin, limits);
  if (!thread.ok) return thread;
  return ok({ url: TWIN_URL, send: (request) => thread.value.send(request), close: thread.value.close });
}

/** A URL: every request through the kit's outbound path (URL rules, no redirects, deadlines, size cap) on one keep-alive pool. */
function remote(base: string, limits: ForwardLimits): Upstream {
  const agent = createUpstreamAgent(base);
  return {
    url: base,
    send: (request, target, options = {}) => {
      const url = upstreamUrl(base, target);
      if (url === undefined) return Promise.resolve(err(kitError('TARGET_REFUSED', `${target.slice(0, 100)} does not stay under the upstream ${base}; nothing was sent.`)));
      return forward({ method: request.method, url, headers: request.headers, body: request.bodyText, ...options }, limits, agent);
    },
    close: async () => agent.destroy(),
  };
}

/** Resolve `--upstream`; the twin's options (seed, clock, catalogue) apply to `mock` only, the limits to the others. */
export async function resolveUpstream(raw: string, doc: Document, twin: TwinThreadOptions = {}, limits: ForwardLimits = FORWARD_DEFAULTS): Promise<Result<Upstream>> {
  if (raw === 'mock') return inProcessTwin(twin, limits);
  const named = raw === 'sandbox' ? serverUrlOf('sandbox', doc) : raw;
  if (!named) return usage('The spec names no sandbox server (servers[].x-environment: sandbox).');
  const parsed = parseBaseUrl(named, '--upstream');
  if (!parsed.ok) return usage(parsed.error.message);
  if (environmentOf(parsed.value, doc) === 'production') return usage(`--upstream ${parsed.value.origin} is production; the proxy forwards only to the sandbox, the twin or a test server.`);
  return ok(remote(baseUrlString(parsed.value), limits));
}
