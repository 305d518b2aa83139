// The independent WUPEX server's own profile format: one value per point the vendor guide leaves open (the server reads only this).
// Written from the spec and the facts file, not from openapi/decisions.yaml's format: the tests translate between the two.

/** A refusal as this server sends it: an HTTP status and the error code in the envelope. */
export interface Refuse {
  status: number;
  code: string;
}

/** Everything this server decides on its own; one value per open point, plus the one fact `rogue` breaks. */
export interface ServerProfile {
  name: string;
  /** Paging: the largest pageSize, and what a page or pageSize outside the limits gets (refused, or clamped and answered). */
  paging: { maxPageSize: number; outOfRange: Refuse | 'clamp' };
  /** A second order with a referenceId already used by the same account. */
  sameReference: 'replay' | 'new-order' | Refuse;
  /** Order lines per order, units per line, and a line that names another merchant. */
  limits: { maxLines: number; maxQuantity: number; otherMerchant: Refuse };
  /** Placing an order: its success status and the refusal for each business reason. */
  order: { successStatus: number; outOfStock: Refuse; lowBalance: Refuse; disabled: Refuse; unknownSku: Refuse };
  /** getOrderDetail for an order that exists but belongs to another account. */
  foreignOrder: Refuse;
  /** Accept-Language values served; missing or other values are refused or served as accepted[0] ('fallback'). */
  languages: { accepted: string[]; missing: Refuse | 'fallback'; unsupported: Refuse | 'fallback' };
  /** A POST whose Content-Type is not application/json (or none). */
  wrongContentType: Refuse;
  /** Seconds in Retry-After on 429/503, or null to send none. */
  retryAfterSeconds: number | null;
  /** Whether a 400 message names the header, parameter or field at fault. */
  namesField: boolean;
  /** Undocumented members added to answers (response drift a real server may show). */
  extraFields?: { balance?: Record<string, unknown>; product?: Record<string, unknown> };
  /** Documented balance members this server leaves out (breaks a fact of the guide, S7). */
  omitBalanceFields?: string[];
  /** The code sent with each status that is not a decided refusal (S8 §11.1 and D4's vendor codes when left out). */
  codes?: Partial<Record<GenericStatus, string>>;
}

/** The statuses whose code is the server's own, not a decided refusal's. */
export type GenericStatus = '400' | '401' | '404' | '413' | '429' | '500' | '503';

/** The vendor's codes for them (S8 §11.1, D4). */
export const VENDOR_CODES: Readonly<Record<GenericStatus, string>> = { 400: 'INVALID_PAYLOAD', 401: 'UNAUTHORIZED', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_ERROR', 503: 'SERVICE_UNAVAILABLE' };

/** The code this profile sends with a generic status. */
export const codeOf = (profile: ServerProfile, status: GenericStatus): string => profile.codes?.[status] ?? VENDOR_CODES[status];
