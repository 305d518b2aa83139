// The kit's decisions (openapi/decisions.yaml's format) in the independent server's own profile format: the reverse of
// as-decisions.ts, so the `ours` control follows whatever the kit has adopted. Only the tests translate: the server reads its ServerProfile alone.
import type { LoadedDecisions, Refusal } from '../../../src/spec/decisions.ts';
import { VENDOR_CODES, type GenericStatus, type Refuse, type ServerProfile } from './server-profile.ts';

const refuse = (r: Readonly<Refusal>): Refuse => ({ status: r.status, code: r.code });

type LanguageRule = LoadedDecisions['acceptLanguage']['missing'];

/**
 * The server profile that decides every open point as `d` does. What this server cannot express is an error naming the
 * entry: a language fallback to anything but the first accepted value (paging defaults are checked by the test comparing
 * asDecisions(fromDecisions(kit)) with the kit).
 */
export function fromDecisions(d: LoadedDecisions, name = 'ours'): ServerProfile {
  const language = (rule: LanguageRule, entry: string): Refuse | 'fallback' => {
    if (rule.action === 'reject') return refuse(rule);
    if (rule.to !== d.acceptLanguage.accepted[0]) throw new Error(`acceptLanguage.${entry}: falls back to ${rule.to}; the independent server falls back only to the first accepted value (${d.acceptLanguage.accepted[0]}).`);
    return 'fallback';
  };
  const same = d.repeatedReferenceId;
  const outOfRange = d.paging.outOfRange;
  return {
    name,
    paging: { maxPageSize: d.paging.pageSize.max, outOfRange: outOfRange.action === 'clamp' ? 'clamp' : refuse(outOfRange) },
    sameReference: same.action === 'reject' ? refuse(same) : same.action,
    limits: { maxLines: d.orderLimits.maxLines, maxQuantity: d.orderLimits.maxQuantity, otherMerchant: refuse(d.orderLimits.otherMerchant) },
    order: {
      successStatus: d.pullCodes.successStatus,
      outOfStock: refuse(d.pullCodes.outOfStock),
      lowBalance: refuse(d.pullCodes.lowBalance),
      disabled: refuse(d.pullCodes.disabledProduct),
      unknownSku: refuse(d.pullCodes.unknownSku),
    },
    foreignOrder: refuse(d.otherAccountOrder),
    languages: { accepted: [...d.acceptLanguage.accepted], missing: language(d.acceptLanguage.missing, 'missing'), unsupported: language(d.acceptLanguage.unsupported, 'unsupported') },
    wrongContentType: refuse(d.contentType),
    retryAfterSeconds: d.retryAfter.send ? 1 : null,
    namesField: d.messagesNameField,
    codes: Object.fromEntries((Object.keys(VENDOR_CODES) as GenericStatus[]).flatMap((s) => (d.codesByStatus[s] ? [[s, d.codesByStatus[s]]] : []))),
  };
}
