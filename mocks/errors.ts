// Catalogue of the twin's error answers: the vendor envelope for vendor errors, `[wupex-mock]` for the twin's own failures.
import type { LoadedDecisions, Refusal } from '../src/spec/decisions.ts';
import type { Document } from '../src/spec/spec.ts';

/** The vendor error codes (spec `components.schemas.ErrorCode`, DECISIONS #23). */
export type VendorErrorCode =
  | 'INVALID_PAYLOAD'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INSUFFICIENT_STOCK'
  | 'INSUFFICIENT_BALANCE'
  | 'PRODUCT_DISABLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

/** A response the twin sends, before it becomes a web or node response. */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A vendor error a handler returns; the catalogue turns it into a response. */
export interface VendorError {
  /** One of the spec's codes, or a decided code (openapi/decisions.yaml may name codes the spec does not know yet). */
  code: VendorErrorCode | (string & {});
  message: string;
  /** The decided status; unset: the spec's `ErrorCode.x-status-codes` status of `code`. */
  status?: number;
}

/** Prefix of every failure of the twin itself, so nobody mistakes it for vendor behaviour. */
export const MOCK_PREFIX = '[wupex-mock]';

/** Statuses whose answers carry Retry-After when decisions.yaml `retryAfter.send` says so (DECISIONS #22). */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface ErrorCatalogue {
  /** HTTP status of a vendor code, read from the spec's `ErrorCode.x-status-codes`. */
  status(code: string): number;
  /** The vendor envelope `{status:false, error:{code, message}}` with its status (and Retry-After). */
  respond(error: VendorError): MockResponse;
  /** A failure of the twin itself: 500 INTERNAL_ERROR whose message starts with `[wupex-mock] <CODE>`. */
  internal(mockCode: string, message: string): MockResponse;
}

/** `ErrorEnvelope.error.message.maxLength` from the spec: the last guard, so no echo ever makes an answer break the spec. */
function messageLimit(spec: Document): number {
  type Node = { properties?: Record<string, Node>; maxLength?: number };
  const envelope = spec.components?.schemas?.ErrorEnvelope as Node | undefined;
  return envelope?.properties?.error?.properties?.message?.maxLength ?? Number.POSITIVE_INFINITY;
}

/**
 * Build the catalogue from the resolved spec (the status map is never restated here) and the decisions: Retry-After (#22),
 * and the code sent with each status (#23, D4). A handler names an error by the kit's generic code (`NOT_FOUND`); when no
 * status is decided for it, it is answered with the status the spec maps it to and the code decisions.yaml gives that status.
 */
export function createErrorCatalogue(spec: Document, decisions: Pick<LoadedDecisions, 'retryAfter' | 'codesByStatus' | 'messagesNameField'>): ErrorCatalogue {
  const schema = spec.components?.schemas?.ErrorCode as { 'x-status-codes'?: Record<string, number> } | undefined;
  const statuses = schema?.['x-status-codes'] ?? {};
  const status = (code: string): number => {
    const found = statuses[code];
    if (typeof found !== 'number') throw new Error(`${MOCK_PREFIX} SPEC_INVALID: ErrorCode.x-status-codes has no status for ${code}.`);
    return found;
  };
  const limit = messageLimit(spec);
  const respond = (error: VendorError): MockResponse => {
    const answered = error.status ?? status(error.code);
    const code = error.status === undefined ? (decisions.codesByStatus[String(answered)] ?? error.code) : error.code;
    // D6 decided false (decisions.yaml messagesNameField): a 400 says only that the request is invalid, as such a server does.
    const message = answered === 400 && !decisions.messagesNameField ? 'The request is invalid.' : error.message;
    return {
      status: answered,
      headers: decisions.retryAfter.send && RETRY_STATUSES.has(answered) ? { 'retry-after': '1' } : {},
      body: { status: false, error: { code, message: message.length > limit ? `${message.slice(0, limit - 3)}...` : message } },
    };
  };
  return {
    status,
    respond,
    internal: (mockCode, message) => respond({ code: 'INTERNAL_ERROR', message: `${MOCK_PREFIX} ${mockCode}: ${message}` }),
  };
}

/** Shorthand for handlers: a vendor error value. */
export function vendorError(code: VendorErrorCode, message: string): VendorError {
  return { code, message };
}

/** A refusal whose status and code are decided in openapi/decisions.yaml. */
export function decidedError(refusal: Refusal, message: string): VendorError {
  return { code: refusal.code, status: refusal.status, message };
}
