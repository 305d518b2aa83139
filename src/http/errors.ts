// The error values of the outbound path: each names the request, the limit it hit, and what to do next.
import { isLoopbackHost } from './url-rules.ts';
import { kitError, type KitError } from '../core/result.ts';

export interface Limits {
  headersTimeoutMs: number;
  deadlineMs: number;
  maxResponseBytes: number;
}

const RAISE = {
  headers: 'raise the headers timeout (verify: --timeout MS; client: headersTimeoutMs)',
  deadline: 'raise the deadline (verify: --deadline MS; client: deadlineMs)',
  size: 'raise the cap (verify: --max-response-bytes N; client: maxResponseBytes)',
} as const;

/** No headers within the headers timeout, or no complete answer within the total deadline. */
export function timeoutError(which: 'headers' | 'deadline', label: string, limits: Limits): KitError {
  const message = which === 'headers'
    ? `No response headers within ${limits.headersTimeoutMs} ms: ${label}.`
    : `No complete answer within the ${limits.deadlineMs} ms deadline: ${label}.`;
  return kitError('TARGET_TIMEOUT', message, { hint: `The server is stalling or trickling; check it, or ${RAISE[which]}.` });
}

export function tooLargeError(label: string, limits: Limits): KitError {
  return kitError('RESPONSE_TOO_LARGE', `The answer to ${label} exceeded the ${limits.maxResponseBytes}-byte cap (decoded); reading stopped there.`, {
    hint: `A WUPEX answer is far smaller; check the server, or ${RAISE.size}.`,
  });
}

/** OpenSSL's answer when an https client meets a server that speaks plain http (or anything that is not TLS). */
const NOT_TLS = /WRONG_VERSION_NUMBER|wrong version number|packet length too long|EPROTO/i;
const TLS_FAILURE = /SSL|TLS|CERT|EPROTO|self[- ]signed/i;

/** An https URL whose TLS handshake failed: say so, and when the server speaks plain http, say that. */
function tlsError(label: string, url: URL, reason: string, cause?: unknown): KitError {
  const plain = new URL(url.href);
  plain.protocol = 'http:';
  const hint = NOT_TLS.test(reason)
    ? `The server at ${url.host} speaks plain http, not TLS: use ${plain.origin}${isLoopbackHost(url.hostname) ? '' : ' (plain http is allowed to loopback only), or point the kit at its https address'}.`
    : `Check the server's certificate and TLS setup at ${url.origin} (or use http:// for a loopback server such as the twin).`;
  return kitError('TARGET_UNREACHABLE', `TLS handshake with ${url.host} failed (${reason}): ${label}`, { hint, cause });
}

/** Refused, reset, DNS failure: for a loopback URL the hint is about the local server, not the network. */
export function unreachableError(label: string, url: URL, reason: string, cause?: unknown): KitError {
  if (url.protocol === 'https:' && TLS_FAILURE.test(reason)) return tlsError(label, url, reason, cause);
  const hint = isLoopbackHost(url.hostname)
    ? `Nothing usable answers at ${url.origin} on this machine: start the server there (the twin: npm run mock), or check the port.`
    : `Check that ${url.origin} is up and reachable from here (network, VPN, proxy), or point the kit elsewhere (WUPEX_BASE_URL, verify --target / --base-url).`;
  return kitError('TARGET_UNREACHABLE', `Request failed (${reason}): ${label}`, { hint, cause });
}

export function unreadableError(label: string, reason: string): KitError {
  return kitError('RESPONSE_UNREADABLE', `The body of the answer to ${label} could not be decoded (${reason}).`, {
    hint: 'The server sent a broken content-encoding; check it with the curl line (add --compressed).',
  });
}

/** Node would not send it at all (an invalid header name or value): nothing left this machine. */
export function requestInvalidError(label: string, cause: unknown): KitError {
  const reason = (cause as { code?: string }).code ?? (cause as Error).message;
  return kitError('REQUEST_INVALID', `The request could not be sent (${reason}): ${label}`, {
    hint: 'A header name or value holds characters HTTP does not allow; nothing was sent.', cause,
  });
}
