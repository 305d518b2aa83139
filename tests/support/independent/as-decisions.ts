// Translates an independent ServerProfile into the kit's decisions format (openapi/decisions.yaml), so a test can compare a
// server with an adopted decisions file or hand it to verify --decisions. Type-only import: the server itself never reads decisions.
import type { Decisions, Refusal } from '../../../src/spec/decisions.ts';
import type { Refuse, ServerProfile } from './server-profile.ts';

/** The codes this server sends with these statuses (S8 §11.1, D4, #21 413) unless its profile's `codes` say otherwise. */
const FIXED_CODES: Record<string, string> = { 400: 'INVALID_PAYLOAD', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_ERROR', 503: 'SERVICE_UNAVAILABLE' };

const refusal = (r: Refuse): Refusal => ({ status: r.status, code: r.code });
const rejectOr = <T>(rule: Refuse | T, other: (rule: T) => Decisions['paging']['outOfRange'] | Decisions['acceptLanguage']['missing']) =>
  typeof rule === 'object' && rule !== null && 'status' in (rule as object) ? { action: 'reject' as const, ...refusal(rule as Refuse) } : other(rule as T);

/** Every status the profile answers, with the first code it sends for it (a status not fixed above takes the profile's). */
function codesByStatus(p: ServerProfile): Record<string, string> {
  const out: Record<string, string> = { ...FIXED_CODES, ...p.codes };
  const refusals = [p.order.outOfStock, p.order.lowBalance, p.order.disabled, p.order.unknownSku, p.limits.otherMerchant, p.foreignOrder, p.sameReference, p.wrongContentType, p.paging.outOfRange, p.languages.missing, p.languages.unsupported];
  for (const r of refusals) if (typeof r === 'object' && !(String(r.status) in out)) out[String(r.status)] = r.code;
  return out;
}

export function asDecisions(p: ServerProfile): Decisions {
  const language = (rule: Refuse | 'fallback') => rejectOr(rule, () => ({ action: 'fallback' as const, to: p.languages.accepted[0] })) as Decisions['acceptLanguage']['missing'];
  const same = p.sameReference;
  return {
    paging: { page: { min: 1, default: 1 }, pageSize: { min: 1, max: p.paging.maxPageSize, default: 20 }, outOfRange: rejectOr(p.paging.outOfRange, () => ({ action: 'clamp' as const })) as Decisions['paging']['outOfRange'] },
    repeatedReferenceId: typeof same === 'object' ? { action: 'reject', ...refusal(same) } : { action: same },
    orderLimits: { maxLines: p.limits.maxLines, maxQuantity: p.limits.maxQuantity, otherMerchant: refusal(p.limits.otherMerchant) },
    pullCodes: { successStatus: p.order.successStatus as 200 | 201, outOfStock: refusal(p.order.outOfStock), lowBalance: refusal(p.order.lowBalance), disabledProduct: refusal(p.order.disabled), unknownSku: refusal(p.order.unknownSku) },
    otherAccountOrder: refusal(p.foreignOrder),
    acceptLanguage: { accepted: [...p.languages.accepted], missing: language(p.languages.missing), unsupported: language(p.languages.unsupported) },
    contentType: refusal(p.wrongContentType),
    retryAfter: { send: p.retryAfterSeconds !== null },
    codesByStatus: codesByStatus(p),
    messagesNameField: p.namesField,
  };
}
