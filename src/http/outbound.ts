// The one outbound HTTP path: every request to a WUPEX server (client, verify, example, doctor) goes through sendOutbound.
import { request as httpRequest, type Agent, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRedactor } from '../secrets/redact.ts';
import { err, ok, type KitError, type Result } from '../core/result.ts';
import { requestInvalidError, timeoutError, tooLargeError, unreachableError, unreadableError, type Limits } from './errors.ts';
import { readCappedBody } from './read-body.ts';
import { checkOutboundUrl } from './url-rules.ts';

/** Headers timeout, total deadline (headers + body) and decoded-body cap, per request. */
export const OUTBOUND_DEFAULTS = { headersTimeoutMs: 10_000, deadlineMs: 30_000, maxResponseBytes: 8 * 1024 * 1024 } as const;

/** Codes meaning "no usable answer" (exit 3 in every script), as opposed to an answer that was wrong. */
export const TRANSPORT_ERROR_CODES: readonly string[] = ['TARGET_UNREACHABLE', 'TARGET_TIMEOUT', 'RESPONSE_TOO_LARGE', 'RESPONSE_UNREADABLE'];

export interface OutboundRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Safe to send twice (RFC 9110 §9.2.2): decides the one retry after a stale keep-alive socket. Default: by method (GET,
   * HEAD, OPTIONS, PUT, DELETE). A caller that knows more marks a read-only POST true (the proxy: an operation the spec
   * does not mark x-mutates, such as listOrders) or any request false.
   */
  idempotent?: boolean;
}

export interface OutboundResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
  durationMs: number;
}

export interface OutboundOptions {
  headersTimeoutMs?: number;
  deadlineMs?: number;
  maxResponseBytes?: number;
  /** The production guard: refuse the spec's production host unless true. */
  allowProduction?: boolean;
  /**
   * The connection pool to send through (an http.Agent, or an https.Agent for https URLs), held by a caller that sends
   * many requests to one origin (the proxy): keep-alive connections it owns and closes. Default: Node's global agent.
   */
  agent?: Agent;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** The headers as sent: the caller's, plus a content-length for a body and the encodings we can decode. */
function outgoingHeaders(request: OutboundRequest): Record<string, string> {
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  return headers;
}

/**
 * Send one request under every rule: the URL rules (url-rules.ts) first, nothing sent when they refuse;
 * redirects are never followed (a 3xx comes back as the response it is); a headers timeout and a total deadline
 * on timers held here (never lost to garbage collection); the body capped while it streams, after decoding.
 * Never throws: every failure is a KitError value whose text carries no x-api-key value it was given.
 */
export async function sendOutbound(request: OutboundRequest, options: OutboundOptions = {}): Promise<Result<OutboundResponse, KitError>> {
  const limits: Limits = {
    headersTimeoutMs: options.headersTimeoutMs ?? OUTBOUND_DEFAULTS.headersTimeoutMs,
    deadlineMs: options.deadlineMs ?? OUTBOUND_DEFAULTS.deadlineMs,
    maxResponseBytes: options.maxResponseBytes ?? OUTBOUND_DEFAULTS.maxResponseBytes,
  };
  const url = checkOutboundUrl(request.url, { allowProduction: options.allowProduction });
  const result = url.ok ? await exchange(request, url.value, limits, options.agent) : url;
  if (result.ok) return result;
  // Built only when there is an error text to clean (not per request).
  const redact = createRedactor(Object.entries(request.headers).filter(([name]) => name.toLowerCase() === 'x-api-key').map(([, value]) => value));
  return err({ ...result.error, message: redact(result.error.message), ...(result.error.hint ? { hint: redact(result.error.hint) } : {}) });
}

/** RFC 9110 §9.2.2: repeating these cannot change the server's state twice. A POST is repeated only when the caller marks it idempotent (pullCodes places orders). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * `agent` false: a fresh connection outside any pool (the one retry after a pooled keep-alive socket turned out closed).
 * A request that fails on a reused socket before any response byte (the server closed it while it sat in the pool) is
 * sent once more on a fresh socket when it is idempotent (by method, or as the caller marked it); the retry gets its own timers.
 */
function exchange(request: OutboundRequest, url: URL, limits: Limits, agent: Agent | false | undefined, retried = false): Promise<Result<OutboundResponse, KitError>> {
  const label = `${request.method} ${request.url}`;
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let req: ClientRequest | undefined;
    const finish = (result: Result<OutboundResponse, KitError>, abort: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(headersTimer);
      clearTimeout(deadlineTimer);
      // Destroying the request ends its socket and any response body still streaming (never returned to a pool).
      if (abort) req?.destroy();
      resolve(result);
    };
    // Both timers live in this closure until finish() clears them: a strong reference, unlike AbortSignal.timeout().
    const headersTimer = setTimeout(() => finish(err(timeoutError('headers', label, limits)), true), limits.headersTimeoutMs);
    const deadlineTimer = setTimeout(() => finish(err(timeoutError('deadline', label, limits)), true), limits.deadlineMs);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    try {
      req = send(url, { method: request.method, headers: outgoingHeaders(request), ...(agent !== undefined ? { agent } : {}) });
    } catch (cause) {
      // Node refuses some requests before sending (a control character in a header value): a value, never a throw.
      return finish(err(requestInvalidError(label, cause)), true);
    }
    let answered = false;
    req.on('error', (cause: Error & { code?: string }) => {
      if (!answered && !retried && !settled && req?.reusedSocket && (request.idempotent ?? IDEMPOTENT.has(request.method.toUpperCase()))) {
        settled = true;
        clearTimeout(headersTimer);
        clearTimeout(deadlineTimer);
        return void exchange(request, url, limits, false, true).then(resolve);
      }
      finish(err(unreachableError(label, url, cause.code ?? cause.message, cause)), true);
    });
    req.on('response', (response: IncomingMessage) => {
      answered = true;
      clearTimeout(headersTimer);
      void readCappedBody(response, limits.maxResponseBytes).then((body) => {
        if (body.kind === 'too-large') return finish(err(tooLargeError(label, limits)), true);
        if (body.kind === 'unreadable') {
          const transport = /^(ECONNRESET|EPIPE|ECONNABORTED|aborted)$/.test(body.reason);
          return finish(err(transport ? unreachableError(label, url, body.reason) : unreadableError(label, body.reason)), true);
        }
        const text = new TextDecoder().decode(body.bytes);
        finish(ok({ status: response.statusCode ?? 0, headers: flatten(response.headers), text, durationMs: Math.round(performance.now() - started) }), false);
      });
    });
    req.end(request.body);
  });
}
