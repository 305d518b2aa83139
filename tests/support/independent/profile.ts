// The independent servers' profiles: `ours` decides every open point as the kit does (openapi/decisions.yaml, whatever has
// been adopted), and each other profile differs from `ours` on its own rows whatever the kit says, so the rows a test expects
// of it hold before and after `npm run adopt`. The server reads only the ServerProfile (server-profile.ts), never decisions.yaml.
import { loadSpec } from '../../../src/spec/spec.ts';
import { kit, otherSuccessStatus, refusalOtherThan } from '../decided.ts';
import { fromDecisions } from './from-decisions.ts';
import { codeOf, type Refuse, type ServerProfile } from './server-profile.ts';

export type { Refuse, ServerProfile } from './server-profile.ts';

/** What the kit's spec documents, so a profile can pick a status or code or member it does not (rows 23, S7 drift). */
const spec = loadSpec() as any;
const knownCodes: string[] = spec.components?.schemas?.ErrorCode?.enum ?? [];
const documented = (path: string) => Object.keys(spec.paths?.[path]?.post?.responses ?? {}).map(Number);
const members = (schema: string) => Object.keys(spec.components?.schemas?.[schema]?.properties ?? {});
/** The first candidate the spec does not know (the candidates outnumber what one adoption can teach it). */
const first = <T>(candidates: readonly T[], known: readonly T[]): T => candidates.find((c) => !known.includes(c)) ?? candidates[candidates.length - 1];
/** The first candidate the spec does know. */
const firstIn = <T>(candidates: readonly T[], known: readonly T[]): T => candidates.find((c) => known.includes(c)) ?? candidates[candidates.length - 1];
const PULL = '/api/order/pull-codes';
const LIST = '/api/product/merchant/invited/list';

/** Exactly the kit's choices (the control). */
export const ours: ServerProfile = fromDecisions(kit, 'ours');

/** The refusal ours sends for a request it cannot read: a 400 with its code for 400 (INVALID_PAYLOAD today, #23). */
const INVALID: Refuse = { status: 400, code: codeOf(ours, '400') };

/**
 * A refusal with another status than ours (the first such candidate): a profile's row then differs by status, so verify
 * names that row alone; a refusal differing only by code would add #23 (the code of a status).
 */
const otherStatus = (current: Refuse, candidates: [Refuse, Refuse, ...Refuse[]]): Refuse => candidates.find((c) => c.status !== current.status) ?? refusalOtherThan(current, candidates);

/** Differs on four rows at once: the other success status (#12), another refusal for another account's order (#19),
 * paging clamped if ours refuses, else refused (#7), Retry-After toggled (#22). */
export const alpha: ServerProfile = {
  ...ours,
  name: 'alpha',
  paging: { ...ours.paging, outOfRange: ours.paging.outOfRange === 'clamp' ? INVALID : 'clamp' },
  order: { ...ours.order, successStatus: otherSuccessStatus(kit) },
  foreignOrder: otherStatus(ours.foreignOrder, [{ status: 403, code: 'FORBIDDEN' }, { status: 404, code: 'NOT_FOUND' }]),
  retryAfterSeconds: ours.retryAfterSeconds === null ? 1 : null,
};

/** Codes the kit's spec does not know (#23): out of stock 422 OUT_OF_STOCK (#12) and content type 415 UNSUPPORTED_MEDIA_TYPE
 * (#21), statuses the spec does not document either, and a repeated referenceId refused 409 DUPLICATE_REFERENCE (#8, a
 * documented status; 400 if ours refuses with 409, so the finding rests on #8 alone); each with a second candidate once
 * the spec has learnt the first; undocumented members (currency, region, or another name once adopted). */
export const beta: ServerProfile = {
  ...ours,
  name: 'beta',
  sameReference: { status: firstIn([409, 400].filter((st) => typeof ours.sameReference !== 'object' || st !== ours.sameReference.status), documented(PULL)), code: first(['DUPLICATE_REFERENCE', 'REFERENCE_IN_USE'], knownCodes) },
  order: { ...ours.order, outOfStock: { status: first([422, 410], documented(PULL)), code: first(['OUT_OF_STOCK', 'SOLD_OUT'], knownCodes) } },
  wrongContentType: { status: first([415, 406], documented(LIST)), code: first(['UNSUPPORTED_MEDIA_TYPE', 'MEDIA_TYPE_UNSUPPORTED'], knownCodes) },
  extraFields: { balance: { [first(['currency', 'currencyCode'], members('Balance'))]: 'USD' }, product: { [first(['region', 'regionCode'], members('Product'))]: 'US' } },
};

const otherLanguageRule = (rule: Refuse | 'fallback'): Refuse | 'fallback' => (rule === 'fallback' ? INVALID : 'fallback');

/** Accept-Language fallback <-> refused (#20), messages naming the field toggled (D6), at most 10 units a line (#10, never
 * probed), another refusal for an unknown sku (#12). */
export const gamma: ServerProfile = {
  ...ours,
  name: 'gamma',
  languages: { accepted: [...ours.languages.accepted], missing: otherLanguageRule(ours.languages.missing), unsupported: otherLanguageRule(ours.languages.unsupported) },
  namesField: !ours.namesField,
  limits: { ...ours.limits, maxQuantity: ours.limits.maxQuantity === 10 ? 20 : 10 },
  order: { ...ours.order, unknownSku: otherStatus(ours.order.unknownSku, [INVALID, { status: 404, code: 'NOT_FOUND' }]) },
};

/** Our decisions, but the balance answer lacks its documented `credit` member (the S7 sample has it): a broken fact, no decision. */
export const rogue: ServerProfile = { ...ours, name: 'rogue', omitBalanceFields: ['credit'] };

/** Other rows again: a repeated referenceId is a new order (replayed if ours places a new one) (#8), at most 10 lines (never
 * probed) and another refusal for another merchant (#10), low balance 402 PAYMENT_REQUIRED (412 once the spec documents 402:
 * a status the spec does not document, with a code not mapped to it, #23) and another refusal for a disabled product (#12). */
export const delta: ServerProfile = {
  ...ours,
  name: 'delta',
  sameReference: ours.sameReference === 'new-order' ? 'replay' : 'new-order',
  limits: { maxLines: ours.limits.maxLines === 10 ? 20 : 10, maxQuantity: ours.limits.maxQuantity, otherMerchant: otherStatus(ours.limits.otherMerchant, [INVALID, { status: 403, code: 'FORBIDDEN' }]) },
  order: {
    ...ours.order,
    lowBalance: { status: first([402, 412], documented(PULL)), code: 'PAYMENT_REQUIRED' },
    disabled: otherStatus(ours.order.disabled, [{ status: 403, code: 'FORBIDDEN' }, { status: 409, code: 'PRODUCT_DISABLED' }]),
  },
};

export const PROFILES = { ours, alpha, beta, gamma, delta, rogue } as const;

/**
 * Servers found by the h16-servers report, each with its own test: `zeta` serves only the first language ours serves (#20's accepted list;
 * with ours serving one language, zeta is ours there:
 * verify flags it, propose drops en, adopt narrows the spec's enum, verify converges; it refuses another language even
 * where ours falls back, or `en` would be served as en-US and nothing would show); `epsilon` caps pageSize at 50
 * (breaks S1/S4's max 100: semantics.pagination fails on it and discovery falls back to the default page size, so the
 * order checks still run; it refuses out-of-range paging even where ours clamps; independent-servers.test.ts); `kappa`
 * sends its own codes with 400 and 401 (#23/D4: e.g. BAD_REQUEST, INVALID_API_KEY), decided refusals unchanged.
 */
export const GAP_PROFILES = {
  zeta: ours.languages.accepted.length > 1
    ? { ...ours, name: 'zeta', languages: { ...ours.languages, accepted: ours.languages.accepted.slice(0, 1), unsupported: ours.languages.unsupported === 'fallback' ? INVALID : ours.languages.unsupported } }
    : { ...ours, name: 'zeta' },
  kappa: {
    ...ours,
    name: 'kappa',
    codes: {
      ...ours.codes,
      400: ['BAD_REQUEST', 'INVALID_PAYLOAD'].find((c) => c !== codeOf(ours, '400'))!,
      401: ['INVALID_API_KEY', 'UNAUTHORIZED'].find((c) => c !== codeOf(ours, '401'))!,
    },
  },
  epsilon: { ...ours, name: 'epsilon', paging: { maxPageSize: 50, outOfRange: ours.paging.outOfRange === 'clamp' ? INVALID : ours.paging.outOfRange } },
} as const satisfies Record<string, ServerProfile>;
