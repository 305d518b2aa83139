// Exchanges in the order they happened -> observations: a tagged exchange (verify's probes) is evidence for its entry;
// an untagged one (an app's recording) is read from its request where that is unambiguous.
import type { Exchange } from '../../http/exchange.ts';
import { INT32_MAX, type LoadedDecisions } from '../../spec/decisions.ts';
import { placedRefusals } from '../../spec/decisions-vs-spec.ts';
import type { SpecOperation } from '../../spec/spec.ts';
import { errorOf } from '../checks/lib/rejection.ts';
import { isObject } from '../checks/lib/text.ts';
import { pointFor } from './entries.ts';
import type { Observation, Seen } from './observation.ts';

export interface Located {
  exchange: Exchange;
  operation?: SpecOperation;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** What the answer was: refused (4xx), accepted (2xx), or a server error (5xx: no evidence for a decision). */
function answer(exchange: Exchange): Seen | undefined {
  const { status, headers } = exchange.response;
  if (is2xx(status)) return { kind: 'accepted', status, language: headers['content-language'] };
  if (status >= 500) return { kind: 'server-error', status };
  if (status >= 400) return { kind: 'refused', status, code: errorOf(exchange).code };
  return undefined;
}

const orderNameOf = (exchange: Exchange): string | undefined => {
  const data = isObject(exchange.response.json) ? exchange.response.json.data : undefined;
  return isObject(data) && typeof data.orderName === 'string' ? data.orderName : undefined;
};

const referenceOf = (exchange: Exchange) => new URL(exchange.request.url, 'http://x').searchParams.get('referenceId') ?? undefined;

/** The decided point an untagged request probes, read from the request alone (an app's traffic). */
function inferredEntry(exchange: Exchange, operation: SpecOperation | undefined, d: LoadedDecisions, placed: ReadonlyMap<string, string>): string | undefined {
  const { request } = exchange;
  const language = request.headers['accept-language'];
  if (language === undefined) return 'acceptLanguage.missing';
  if (!d.acceptLanguage.accepted.includes(language)) return 'acceptLanguage.unsupported';
  if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return 'contentType';
  if (operation?.operationId === 'pullCodes') {
    const reference = referenceOf(exchange);
    if (reference !== undefined && placed.has(reference)) return 'repeatedReferenceId';
  }
  if (operation && /^list/.test(operation.operationId ?? '')) {
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return undefined;
    }
    if (!isObject(body)) return undefined;
    const { page, pageSize } = body;
    const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT32_MAX;
    if ((int(page) && page < d.paging.page.min) || (int(pageSize) && (pageSize < d.paging.pageSize.min || pageSize > d.paging.pageSize.max))) return 'paging.outOfRange';
  }
  return undefined;
}

/**
 * Status and code pairs decided for one cause (out of stock, another account's order...) and not the generic code of
 * their status, on the operations that cause can happen on (placedRefusals, as the spec check places them): an untagged
 * answer with one of them there is that refusal, not evidence of the status's generic code (elsewhere it is: a malformed
 * listOrders body is never an unknown sku).
 */
function specificRefusals(d: LoadedDecisions, operationIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const { entry, refusal, on } of placedRefusals(d, operationIds)) {
    if (entry.startsWith('codesByStatus.') || d.codesByStatus[String(refusal.status)] === refusal.code) continue;
    for (const operation of on) out.add(`${operation} ${refusal.status} ${refusal.code}`);
  }
  return out;
}

/**
 * Everything the exchanges show, in order. `placed` follows referenceIds of placed orders so repeats can be told.
 * An entry that verify probed (tagged exchanges) is read from its probes only: other checks' odd requests (a wrong key
 * and text/plain at once) are not evidence for it. A 401/403 answer is about the key, never evidence for an inferred entry.
 */
export function observe(located: readonly Located[], d: LoadedDecisions): Observation[] {
  const out: Observation[] = [];
  const placed = new Map<string, string>();
  const specific = specificRefusals(d, [...new Set(located.flatMap((l) => (l.operation ? [l.operation.operationId] : [])))]);
  const probed = new Set(located.flatMap((l) => (l.exchange.request.evidenceFor ? [l.exchange.request.evidenceFor.entry] : [])));
  const infer = (exchange: Exchange, operation: SpecOperation | undefined) => {
    if ([401, 403].includes(exchange.response.status)) return undefined;
    const entry = inferredEntry(exchange, operation, d, placed);
    return entry && !probed.has(entry) ? entry : undefined;
  };
  for (const { exchange, operation } of located) {
    const tag = exchange.request.evidenceFor;
    const entry = tag && pointFor(tag.entry) ? tag.entry : tag ? undefined : infer(exchange, operation);
    const seen = answer(exchange);
    const { status } = exchange.response;
    const reference = operation?.operationId === 'pullCodes' ? referenceOf(exchange) : undefined;
    if (entry && seen) {
      const original = reference === undefined ? undefined : placed.get(reference);
      const sameOrder = entry === 'repeatedReferenceId' && seen.kind === 'accepted' && original !== undefined ? orderNameOf(exchange) === original : undefined;
      out.push({ entry, exchange, seen: seen.kind === 'accepted' && sameOrder !== undefined ? { ...seen, sameOrder } : seen });
      if (seen.kind === 'refused' && tag?.names && status === 400) {
        const named = (errorOf(exchange).message ?? '').toLowerCase().includes(tag.names.toLowerCase());
        out.push({ entry: 'messagesNameField', exchange, seen: { kind: 'named', named } });
      }
    }
    if (!entry && status >= 400) {
      const { code } = errorOf(exchange);
      if (code && !(operation ? specific.has(`${operation.operationId} ${status} ${code}`) : [...specific].some((k) => k.endsWith(` ${status} ${code}`)))) out.push({ entry: `codesByStatus.${status}`, exchange, seen: { kind: 'code', status, code } });
    }
    if (operation?.operationId === 'pullCodes' && is2xx(status) && entry !== 'repeatedReferenceId') {
      out.push({ entry: 'pullCodes.successStatus', exchange, seen: { kind: 'success', status } });
      const name = orderNameOf(exchange);
      if (reference !== undefined && name !== undefined) placed.set(reference, name);
    }
    if (status === 429 || status === 503) out.push({ entry: 'retryAfter.send', exchange, seen: { kind: 'retryAfter', sent: exchange.response.headers['retry-after'] !== undefined } });
  }
  return out;
}
