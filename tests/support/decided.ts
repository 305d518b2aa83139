// What the kit decides today (openapi/decisions.yaml), and values that differ from it: so a test of default behaviour
// expects the kit's choice, and a test of "another choice" picks one that really is another, before and after `npm run adopt`.
import { kitDecisions, type Decisions, type LoadedDecisions, type Refusal } from '../../src/spec/decisions.ts';

/** The kit's decisions, as the twin, the checks and the spec test read them. */
export const kit: LoadedDecisions = kitDecisions();

/** A mutable deep copy of the kit's decisions, to edit into a profile. */
export const kitCopy = (): Decisions => structuredClone(kit) as Decisions;

/** The first candidate unlike `current` (compared by status and code); the candidates are at least two, so one always differs. */
export function refusalOtherThan(current: Readonly<Refusal>, candidates: readonly [Refusal, Refusal, ...Refusal[]]): Refusal {
  return candidates.find((c) => c.status !== current.status || c.code !== current.code) ?? candidates[0];
}

/** The pull-codes success status the kit does not send (200 <-> 201). */
export const otherSuccessStatus = (d: LoadedDecisions = kit): 200 | 201 => (d.pullCodes.successStatus === 200 ? 201 : 200);

/**
 * A decisions profile unlike `d` on every entry a test may flip (codesByStatus, limits and paging numbers aside):
 * the other success status, refusals with other statuses/codes, clamp <-> reject, replay <-> reject, fallback <-> reject,
 * Retry-After and field naming toggled. New codes are codes today's ErrorCode does not know.
 */
export function flipped(d: LoadedDecisions = kit): Decisions {
  const out = structuredClone(d) as Decisions;
  const invalid: Refusal = { status: 400, code: d.codesByStatus['400'] ?? 'INVALID_PAYLOAD' };
  const reject = (r: Refusal) => ({ action: 'reject' as const, ...r });
  out.pullCodes.successStatus = otherSuccessStatus(d);
  out.pullCodes.outOfStock = refusalOtherThan(d.pullCodes.outOfStock, [{ status: 422, code: 'OUT_OF_STOCK' }, { status: 409, code: 'INSUFFICIENT_STOCK' }]);
  out.pullCodes.lowBalance = refusalOtherThan(d.pullCodes.lowBalance, [{ status: 402, code: 'PAYMENT_REQUIRED' }, { status: 409, code: 'INSUFFICIENT_BALANCE' }]);
  out.pullCodes.disabledProduct = refusalOtherThan(d.pullCodes.disabledProduct, [{ status: 403, code: 'FORBIDDEN' }, { status: 409, code: 'PRODUCT_DISABLED' }]);
  out.pullCodes.unknownSku = refusalOtherThan(d.pullCodes.unknownSku, [invalid, { status: 404, code: 'NOT_FOUND' }]);
  out.otherAccountOrder = refusalOtherThan(d.otherAccountOrder, [{ status: 403, code: 'FORBIDDEN_ORDER' }, { status: 404, code: 'NOT_FOUND' }]);
  out.orderLimits.otherMerchant = refusalOtherThan(d.orderLimits.otherMerchant, [invalid, { status: 403, code: 'FORBIDDEN' }]);
  out.contentType = refusalOtherThan(d.contentType, [{ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, invalid]);
  out.paging.outOfRange = d.paging.outOfRange.action === 'reject' ? { action: 'clamp' } : reject(invalid);
  out.repeatedReferenceId = d.repeatedReferenceId.action === 'replay' ? reject({ status: 409, code: 'DUPLICATE_REFERENCE' }) : { action: 'replay' };
  const language = (rule: LoadedDecisions['acceptLanguage']['missing']) => (rule.action === 'reject' ? { action: 'fallback' as const, to: d.acceptLanguage.accepted[0] } : reject(invalid));
  out.acceptLanguage.missing = language(d.acceptLanguage.missing);
  out.acceptLanguage.unsupported = language(d.acceptLanguage.unsupported);
  out.retryAfter = { send: !d.retryAfter.send };
  out.messagesNameField = !d.messagesNameField;
  return out;
}

/** The code the kit sends with a status that is not a decided refusal (codesByStatus, #23/D4): 401 UNAUTHORIZED today. */
export function kitCode(status: number): string {
  const code = kit.codesByStatus[String(status)];
  if (!code) throw new Error(`openapi/decisions.yaml codesByStatus has no code for ${status}`);
  return code;
}
