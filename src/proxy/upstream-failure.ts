// When the upstream fails the app (stall, flood, redirect, no answer): a 502/504 in the vendor's envelope naming the cause.
import type { KitError } from '../core/result.ts';

export const PROXY_PREFIX = '[wupex-proxy]';

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Our cause codes; the envelope's shape is the vendor's, the code says it was the proxy that answered. */
const CAUSES: Record<string, { status: number; code: string; what: string }> = {
  TARGET_TIMEOUT: { status: 504, code: 'UPSTREAM_TIMEOUT', what: 'the upstream did not answer in time' },
  RESPONSE_TOO_LARGE: { status: 502, code: 'UPSTREAM_TOO_LARGE', what: 'the upstream answer was larger than the cap' },
  REDIRECT: { status: 502, code: 'UPSTREAM_REDIRECT', what: 'the upstream answered with a redirect, which the proxy never follows' },
};
const UNREACHABLE = { status: 502, code: 'UPSTREAM_UNREACHABLE', what: 'the upstream could not be reached' };

/** The envelope `{status:false, error:{code, message}}`; the message starts with `[wupex-proxy] <CODE>`. */
export function upstreamFailure(error: KitError): ProxyAnswer & { code: string } {
  const cause = CAUSES[error.code] ?? UNREACHABLE;
  const message = `${PROXY_PREFIX} ${cause.code}: ${cause.what} (${error.message}).`;
  return { status: cause.status, code: cause.code, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ status: false, error: { code: cause.code, message } }) };
}

/** A vendor-envelope answer the proxy makes itself (--enforce refusals, 413), with its status. */
export function envelopeAnswer(status: number, code: string, message: string): ProxyAnswer {
  return { status, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ status: false, error: { code, message } }) };
}
