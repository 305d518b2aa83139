// Failures of a WUPEX call as values: the vendor envelope's code and message when there is one, else what went wrong.
import type { components } from '../../openapi/generated/wupex.ts';
import { kitError, type KitError } from '../core/result.ts';
import { isRetryableStatus, isSafeToRepeat } from './retry.ts';

export type VendorErrorCode = components['schemas']['ErrorCode'];

/** A KitError plus what the caller needs to branch on: the HTTP status and the vendor's own code and message. */
export interface WupexError extends KitError {
  /** "POST https://…/api/order/pull-codes" */
  operation: string;
  status?: number;
  vendor?: { code: VendorErrorCode; message: string };
}

function isEnvelope(body: unknown): body is components['schemas']['ErrorEnvelope'] {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return (body as { status?: unknown } | null)?.status === false && typeof error?.code === 'string' && typeof error.message === 'string';
}

/** What to do next, by status (S8 §11.1 handling table, S11 retry rules). */
function hintFor(status: number, request: { method: string; url: string }): string | undefined {
  if (status === 401) return 'Check WUPEX_API_KEY: a sandbox key works only on the sandbox, a production key only on production (S2).';
  if (status === 403) return 'The key is valid but may not do this: check the merchant code of each order line (DECISIONS #10).';
  if (status === 404) return 'No such product or order for this account; do not retry (S8).';
  if (isRetryableStatus(status) && !isSafeToRepeat(request)) {
    return 'Not retried: a pullCodes without referenceId might already have bought the codes. Check listOrders before sending it again, and always send a referenceId.';
  }
  if (isRetryableStatus(status)) return 'Still failing after the retries of S11; try again later.';
  return undefined;
}

/** Redact, then cut, then strip control characters (src/secrets/redact.ts createSanitiser). */
export type Clean = (text: string, options?: { max?: number }) => string;

/**
 * An error answer: the envelope when the body is one, UNEXPECTED_RESPONSE (e.g. a WAF HTML page) when not.
 * The body excerpt is cut by `clean`, which redacts before it cuts.
 */
export function errorFromResponse(request: { method: string; url: string }, status: number, body: unknown, clean: Clean): WupexError {
  const operation = `${request.method} ${request.url}`;
  const hint = hintFor(status, request);
  if (isEnvelope(body)) {
    const vendor = { code: body.error.code, message: body.error.message };
    return { ...kitError(vendor.code, `${operation} answered ${status} ${vendor.code}: ${vendor.message}`, hint ? { hint } : {}), operation, status, vendor };
  }
  const excerpt = clean(typeof body === 'string' ? body : JSON.stringify(body) ?? '', { max: 120 });
  return {
    ...kitError('UNEXPECTED_RESPONSE', `${operation} answered ${status} without the WUPEX error envelope: ${excerpt}`, {
      hint: hint ?? 'A proxy or firewall may have answered instead of WUPEX; check WUPEX_BASE_URL.',
    }),
    operation,
    status,
  };
}

/** A 3xx: never followed, since the next hop would get the key; the error names only where it pointed. */
export function errorFromRedirect(request: { method: string; url: string }, status: number, location: string | null): WupexError {
  const operation = `${request.method} ${request.url}`;
  let where = 'no Location';
  try {
    where = location ? new URL(location, request.url).origin : where;
  } catch {
    where = 'an invalid Location';
  }
  return {
    ...kitError('REDIRECT_REFUSED', `${operation} answered ${status}: the server redirected to ${where}; the kit does not follow redirects with your key.`, {
      hint: 'Point WUPEX_BASE_URL at the final address yourself if you trust it (https only).',
    }),
    operation,
    status,
  };
}

/** A 2xx whose body is not JSON, or a call that never got an answer (refused, timeout, oversize: the outbound path's value). */
export function errorFromException(request: { method: string; url: string }, cause: unknown): WupexError {
  const operation = `${request.method} ${request.url}`;
  const name = (cause as { name?: string } | null)?.name;
  const outbound = (cause as { error?: KitError } | null)?.error;
  if (name === 'OutboundFailure' && outbound) return { ...outbound, cause: undefined, operation };
  if (name === 'SyntaxError') {
    return { ...kitError('UNEXPECTED_RESPONSE', `${operation} answered with a body that is not JSON.`, { hint: 'Check WUPEX_BASE_URL points at a WUPEX API.', cause }), operation };
  }
  const reason = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
  return {
    ...kitError('TARGET_UNREACHABLE', `Could not reach ${operation} (${reason}).`, {
      hint: 'Check WUPEX_BASE_URL and your network; the offline twin needs none: npm run mock.',
      cause,
    }),
    operation,
  };
}

/**
 * The error as the caller sees it: every text (message, hint, operation, the vendor's message) redacted, cut
 * and stripped of control characters, and the raw cause dropped (a JSON SyntaxError quotes the body it choked on).
 */
export function sanitiseError(error: WupexError, clean: Clean): WupexError {
  const { cause: _cause, ...rest } = error;
  return {
    ...rest,
    message: clean(error.message, { max: 500 }),
    operation: clean(error.operation),
    ...(error.hint ? { hint: clean(error.hint) } : {}),
    ...(error.vendor ? { vendor: { code: error.vendor.code, message: clean(error.vendor.message, { max: 500 }) } } : {}),
  };
}
