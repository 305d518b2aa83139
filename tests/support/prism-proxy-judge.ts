// Reads Prism's validation-proxy verdict (the `sl-violations` header) on one exchange and says what is wrong with the server's answer.
import type { Exchange } from '../../src/contract/targets/target.ts';
import type { LoadedDecisions } from '../../src/spec/decisions.ts';
import { kit } from './decided.ts';
import type { PeerRequest } from './peer-requests.ts';

/** One entry of `sl-violations`: location starts with "request" (what was sent) or "response" (what the server answered). */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

const TRUNCATED = 'Too many violations! ';

/**
 * The violations Prism listed; an unreadable header is itself reported as one, so it can never pass silently. Past
 * about 8 KB Prism cuts the list and prefixes it with TRUNCATED (many request violations at once): only a response
 * violation still visible in it is reported, so the cut-off rest of such an answer goes unjudged.
 */
export function prismViolations(headers: Record<string, string>): PrismViolation[] {
  const header = headers['sl-violations'];
  if (header === undefined) return [];
  if (header.startsWith(TRUNCATED)) {
    const visible = header.includes('"location":["response"');
    return [{ location: [visible ? 'response' : 'request'], severity: 'Error', message: `(cut by Prism) ${header.slice(TRUNCATED.length, 300)}` }];
  }
  try {
    const parsed = JSON.parse(header) as PrismViolation[];
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // reported below
  }
  return [{ location: ['response'], severity: 'Error', message: `unreadable sl-violations: ${header.slice(0, 300)}` }];
}

const describe = (v: PrismViolation) => `${v.location.join('.')}: ${v.message}`;
const isEnvelope = (json: unknown) => typeof json === 'object' && json !== null && typeof (json as { status?: unknown }).status === 'boolean';

/**
 * Whether the decisions answer this request error with a 2xx anyway: a missing or unsupported Accept-Language that falls
 * back (DECISIONS #20), a page or pageSize out of range that is clamped (#7). The spec still asks clients for valid values.
 */
function decidedLenient(v: PrismViolation, d: LoadedDecisions): boolean {
  const where = v.location.join('.');
  if (where === 'request.header' && v.message.includes("'accept-language'")) return d.acceptLanguage.missing.action === 'fallback';
  if (where === 'request.header.accept-language') return d.acceptLanguage.unsupported.action === 'fallback';
  if (/^request\.body\.(page|pageSize)$/.test(where) && /must be [<>]=/.test(v.message)) return d.paging.outOfRange.action === 'clamp';
  return false;
}

/**
 * Problems with one answer, empty when there are none: Prism found the answer off-spec; the answer is not the server's
 * vendor envelope (Prism answered itself); a request meant to be valid was not (or was refused); one meant to be
 * invalid was not seen so by Prism; or the server accepted what Prism rejects (asked-for statuses and what the
 * decisions `d` accept aside).
 */
export function judgeThroughPrism(peer: PeerRequest, exchange: Exchange, d: LoadedDecisions = kit): string[] {
  const { status, headers, json } = exchange.response;
  const violations = prismViolations(headers);
  const requestErrors = violations.filter((v) => v.location[0] === 'request' && v.severity === 'Error');
  const problems = violations.filter((v) => v.location[0] !== 'request').map((v) => `Prism: ${describe(v)}`);
  if (!isEnvelope(json)) problems.push(`HTTP ${status} is not the vendor envelope (did Prism answer itself?): ${exchange.response.text.slice(0, 200)}`);
  if (peer.request === 'valid' && violations.length) problems.push(`Prism finds the request itself off-spec: ${violations.map(describe).join('; ')}`);
  if (peer.request === 'invalid' && !requestErrors.length) problems.push('Prism finds nothing wrong with a request meant to be invalid');
  if (peer.prefer !== undefined && peer.request === 'valid' && status !== peer.prefer) problems.push(`asked for HTTP ${peer.prefer} with Prefer, got ${status}`);
  if (peer.prefer === undefined && peer.request === 'valid' && (status < 200 || status > 299)) problems.push(`a valid request got HTTP ${status}`);
  const decidedAccepted = status >= 200 && status < 300 && requestErrors.every((v) => decidedLenient(v, d));
  if (peer.prefer === undefined && requestErrors.length && (status < 400 || status > 499) && !decidedAccepted) {
    problems.push(`HTTP ${status} to a request Prism rejects: ${requestErrors.map(describe).join('; ')}`);
  }
  return problems;
}
