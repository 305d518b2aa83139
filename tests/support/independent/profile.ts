// How an independent WUPEX server decides each point the vendor guide leaves open: its own profile format, and five profiles.
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
}

const INVALID: Refuse = { status: 400, code: 'INVALID_PAYLOAD' };

/** Exactly the choices of openapi/decisions.yaml today (the control). */
export const ours: ServerProfile = {
  name: 'ours',
  paging: { maxPageSize: 100, outOfRange: INVALID },
  sameReference: 'replay',
  limits: { maxLines: 50, maxQuantity: 100, otherMerchant: { status: 403, code: 'FORBIDDEN' } },
  order: {
    successStatus: 200,
    outOfStock: { status: 409, code: 'INSUFFICIENT_STOCK' },
    lowBalance: { status: 409, code: 'INSUFFICIENT_BALANCE' },
    disabled: { status: 409, code: 'PRODUCT_DISABLED' },
    unknownSku: { status: 404, code: 'NOT_FOUND' },
  },
  foreignOrder: { status: 404, code: 'NOT_FOUND' },
  languages: { accepted: ['en-US', 'en'], missing: INVALID, unsupported: INVALID },
  wrongContentType: INVALID,
  retryAfterSeconds: 1,
  namesField: true,
};

/** Differs on four rows at once: 201 on success (#12), 403 for another account's order (#19), paging clamped (#7), no Retry-After (#22). */
export const alpha: ServerProfile = {
  ...ours,
  name: 'alpha',
  paging: { maxPageSize: 100, outOfRange: 'clamp' },
  order: { ...ours.order, successStatus: 201 },
  foreignOrder: { status: 403, code: 'FORBIDDEN' },
  retryAfterSeconds: null,
};

/** Codes today's ErrorCode does not know: 422 OUT_OF_STOCK (#12), 409 DUPLICATE_REFERENCE (#8), 415 UNSUPPORTED_MEDIA_TYPE (#21); undocumented fields. */
export const beta: ServerProfile = {
  ...ours,
  name: 'beta',
  sameReference: { status: 409, code: 'DUPLICATE_REFERENCE' },
  order: { ...ours.order, outOfStock: { status: 422, code: 'OUT_OF_STOCK' } },
  wrongContentType: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  extraFields: { balance: { currency: 'USD' }, product: { region: 'US' } },
};

/** Accept-Language falls back to en-US (#20), messages name no field (D6), at most 10 units a line (#10), unknown sku 400 (#12). */
export const gamma: ServerProfile = {
  ...ours,
  name: 'gamma',
  languages: { accepted: ['en-US', 'en'], missing: 'fallback', unsupported: 'fallback' },
  namesField: false,
  limits: { ...ours.limits, maxQuantity: 10 },
  order: { ...ours.order, unknownSku: INVALID },
};

/** Our decisions, but the balance answer lacks its documented `credit` member (the S7 sample has it): a broken fact, no decision. */
export const rogue: ServerProfile = { ...ours, name: 'rogue', omitBalanceFields: ['credit'] };

/** Other rows again: a repeated referenceId is a new order (#8), at most 10 lines and another merchant 400 (#10), low balance
 * 402 PAYMENT_REQUIRED (a status and code the spec does not know) and a disabled product 403 FORBIDDEN (#12). */
export const delta: ServerProfile = {
  ...ours,
  name: 'delta',
  sameReference: 'new-order',
  limits: { maxLines: 10, maxQuantity: 100, otherMerchant: INVALID },
  order: { ...ours.order, lowBalance: { status: 402, code: 'PAYMENT_REQUIRED' }, disabled: { status: 403, code: 'FORBIDDEN' } },
};

export const PROFILES = { ours, alpha, beta, gamma, delta, rogue } as const;

/**
 * Servers found by the h16-servers report, each with its own test: `zeta` serves only en-US (#20's accepted list:
 * verify flags it, propose drops en, adopt narrows the spec's enum, verify converges); `epsilon` caps pageSize at 50
 * (breaks S1/S4's max 100: semantics.pagination fails on it and discovery falls back to the default page size, so the
 * order checks still run; independent-servers.test.ts).
 */
export const GAP_PROFILES = {
  zeta: { ...ours, name: 'zeta', languages: { ...ours.languages, accepted: ['en-US'] } },
  epsilon: { ...ours, name: 'epsilon', paging: { ...ours.paging, maxPageSize: 50 } },
} as const satisfies Record<string, ServerProfile>;
