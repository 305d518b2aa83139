// The decided points `--propose` can learn from evidence: for each decisions.yaml entry, its DECISIONS.md rows and how
// one observation reads as a value of that entry (or why a human must decide).
import type { LoadedDecisions } from '../../spec/decisions.ts';
import type { Observation, Seen } from './observation.ts';

/** A value for the entry, or a sentence saying why no decisions.yaml value can express what was seen. */
export type Reading = { value: unknown } | { human: string };

export interface DecidedPoint {
  rows: string[];
  /** What the probe was, for sentences: "a POST with another Content-Type". */
  what: string;
  read(seen: Seen, current: LoadedDecisions): Reading | undefined;
  /** A point read from all its observations at once (which languages are served), instead of one value per exchange. */
  aggregate?(observations: readonly Observation[], current: LoadedDecisions): Reading | undefined;
}

const refusalOnly = (what: string): DecidedPoint['read'] => (seen) => {
  if (seen.kind === 'refused') return seen.code ? { value: { status: seen.status, code: seen.code } } : { human: `${what} was refused with HTTP ${seen.status} but no error code (no envelope)` };
  if (seen.kind === 'accepted') return { human: `${what} was accepted (HTTP ${seen.status}); decisions.yaml can only say how it is refused` };
  return undefined;
};

const rejectOr = (what: string, accepted: (seen: Extract<Seen, { kind: 'accepted' }>, current: LoadedDecisions) => unknown): DecidedPoint['read'] => (seen, current) => {
  if (seen.kind === 'refused') return seen.code ? { value: { action: 'reject', status: seen.status, code: seen.code } } : { human: `${what} was refused with HTTP ${seen.status} but no error code (no envelope)` };
  if (seen.kind === 'accepted') return { value: accepted(seen, current) };
  return undefined;
};

const fallbackTo = (rule: 'missing' | 'unsupported') => (seen: Extract<Seen, { kind: 'accepted' }>, current: LoadedDecisions) => {
  const accepted = current.acceptLanguage.accepted;
  const chosen = current.acceptLanguage[rule];
  const to = seen.language && accepted.includes(seen.language) ? seen.language : chosen.action === 'fallback' ? chosen.to : accepted[0];
  return { action: 'fallback', to };
};

const refusal = (what: string, rows: string[]): DecidedPoint => ({ rows, what, read: refusalOnly(what) });

/**
 * An order limit (#10), probed one past it: refused agrees with the current number; accepted means the target's limit is
 * higher, by how much no probe can say without placing larger orders, so a human finds the number.
 */
const limit = (what: string, current: (d: LoadedDecisions) => number): DecidedPoint => ({
  rows: ['10'],
  what: `an order one past the limit of ${what}`,
  read: (seen, d) => {
    if (seen.kind === 'refused') return { value: current(d) };
    if (seen.kind === 'accepted') return { human: `an order with ${current(d) + 1} ${what} was accepted (HTTP ${seen.status}): the target's limit is higher than ${current(d)}; find it and set it by hand` };
    return undefined;
  },
});

/**
 * Which listed languages the target serves, from valid requests: a language whose every request was refused while
 * requests in another language were served is dropped from `accepted` (one refusal among answers is another cause).
 */
function servedLanguages(observations: readonly Observation[], current: LoadedDecisions): Reading | undefined {
  const served = new Set<string>();
  const refused = new Set<string>();
  for (const { seen, exchange } of observations) {
    const language = exchange.request.headers['accept-language'] ?? '';
    if (seen.kind === 'accepted') served.add(language);
    else if (seen.kind === 'refused') refused.add(language);
  }
  if (served.size === 0) return undefined;
  const kept = current.acceptLanguage.accepted.filter((l) => served.has(l) || !refused.has(l));
  if (kept.length === 0) return { human: 'no listed Accept-Language value was served' };
  return { value: kept };
}

/** Every entry `--propose` reads; `codesByStatus.<status>` is handled by CODE_BY_STATUS. */
export const DECIDED_POINTS: Readonly<Record<string, DecidedPoint>> = {
  'paging.outOfRange': { rows: ['7'], what: 'a page or pageSize out of range', read: rejectOr('a page or pageSize out of range', () => ({ action: 'clamp' })) },
  repeatedReferenceId: {
    rows: ['8'],
    what: 'a second pullCodes with the same referenceId',
    read: rejectOr('a second pullCodes with the same referenceId', (seen) => ({ action: seen.sameOrder === false ? 'new-order' : 'replay' })),
  },
  'orderLimits.otherMerchant': refusal("an order line naming another merchant's code", ['10']),
  'orderLimits.maxLines': limit('lines', (d) => d.orderLimits.maxLines),
  'orderLimits.maxQuantity': limit('units in a line', (d) => d.orderLimits.maxQuantity),
  'pullCodes.successStatus': {
    rows: ['12'],
    what: 'a pullCodes order that was placed',
    read: (seen) => {
      if (seen.kind !== 'success') return undefined;
      return seen.status === 200 || seen.status === 201 ? { value: seen.status } : { human: `a placed order was answered HTTP ${seen.status}; decisions.yaml allows 200 or 201` };
    },
  },
  'pullCodes.outOfStock': refusal('ordering an out-of-stock product', ['12']),
  'pullCodes.lowBalance': refusal('ordering more than the balance pays for', ['12']),
  'pullCodes.disabledProduct': refusal('ordering a disabled product', ['12']),
  'pullCodes.unknownSku': refusal('ordering an unknown sku', ['12']),
  otherAccountOrder: refusal("reading another account's order", ['19']),
  'acceptLanguage.missing': { rows: ['20'], what: 'a request without Accept-Language', read: rejectOr('a request without Accept-Language', fallbackTo('missing')) },
  'acceptLanguage.unsupported': { rows: ['20'], what: 'an Accept-Language value not listed', read: rejectOr('an Accept-Language value not listed', fallbackTo('unsupported')) },
  'acceptLanguage.accepted': {
    rows: ['20'],
    what: 'a valid request in each accepted language',
    read: () => undefined,
    aggregate: servedLanguages,
  },
  contentType: refusal('a POST with another or no Content-Type', ['21']),
  'retryAfter.send': { rows: ['22'], what: 'a 429 or 503 answer', read: (seen) => (seen.kind === 'retryAfter' ? { value: seen.sent } : undefined) },
  messagesNameField: { rows: ['D6'], what: 'a 400 refusal of a named input', read: (seen) => (seen.kind === 'named' ? { value: seen.named } : undefined) },
};

/** `codesByStatus.<status>`: the generic code sent with that status (#23, D4). */
export const CODE_BY_STATUS: DecidedPoint = {
  rows: ['23', 'D4'],
  what: 'an error answer',
  read: (seen) => (seen.kind === 'code' ? { value: seen.code } : undefined),
};

export function pointFor(entry: string): DecidedPoint | undefined {
  if (/^codesByStatus\.[1-5]\d\d$/.test(entry)) return CODE_BY_STATUS;
  return Object.hasOwn(DECIDED_POINTS, entry) ? DECIDED_POINTS[entry] : undefined;
}

/** The current value of an entry path (`pullCodes.outOfStock`, `codesByStatus.401`), or undefined. */
export function valueAt(decisions: unknown, entry: string): unknown {
  return entry.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), decisions);
}
