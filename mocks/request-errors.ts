// Turns Prism's diagnostics and the twin's own request checks into INVALID_PAYLOAD messages that name the field (DECISIONS #20, #21).
import { vendorError, type VendorError } from './errors.ts';
import type { PrismDiagnostic } from './prism.ts';
import type { JsonSchema, SpecIndex } from './spec-index.ts';

/** The most of a received value a message echoes: the envelope's message has a spec limit (1024), and a long echo helps nobody. */
export const ECHO_LIMIT = 64;

/** A received value for a message, cut to ECHO_LIMIT characters with its real length said. */
export function shortened(value: string): string {
  return value.length <= ECHO_LIMIT ? value : `${value.slice(0, ECHO_LIMIT)}... (${value.length} characters)`;
}

/** A received value quoted for a message: 'fr-FR', or 'xxxx...' (3000 characters). */
export function quoted(value: string): string {
  return value.length <= ECHO_LIMIT ? `'${value}'` : `'${value.slice(0, ECHO_LIMIT)}...' (${value.length} characters)`;
}

/** What messages need from the spec: parameter names as spelled there, and enum values (Prism lower-cases header and query names). */
export type ParameterFacts = Pick<SpecIndex, 'parameterNames' | 'parameterValues'>;

function bodyPath(parts: string[]): string {
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : `${out}.${part}`), 'body');
}

function requiredName(message: string): string | undefined {
  return /required property '([^']+)'/.exec(message)?.[1];
}

/** "must be >= 1" from "Request body property page must be >= 1". */
function tail(message: string): string {
  const at = message.indexOf(' must ');
  return at >= 0 ? message.slice(at + 1) : message;
}

function describeHeader(d: PrismDiagnostic, facts: ParameterFacts, headers: Record<string, string>): string {
  const lower = d.path[1] ?? requiredName(d.message) ?? 'unknown';
  const name = facts.parameterNames.get(lower) ?? lower;
  if (lower === 'accept-language') {
    const accepted = facts.parameterValues.get(lower) ?? [];
    if (headers[lower] === undefined) return `Header 'Accept-Language' is required; send '${accepted[0]}'.`;
    return `Header 'Accept-Language' must be one of ${accepted.join(', ')}; received ${quoted(headers[lower])}.`;
  }
  if (d.path.length < 2) return `Header '${name}' is required.`;
  return `Header '${name}' ${tail(d.message)}.`;
}

function describeQuery(d: PrismDiagnostic, facts: ParameterFacts): string {
  const lower = d.path[1] ?? requiredName(d.message) ?? 'unknown';
  const name = facts.parameterNames.get(lower) ?? lower;
  if (d.path.length < 2) return `Query parameter '${name}' is required.`;
  return `Query parameter '${name}' ${tail(d.message)}.`;
}

/** One readable sentence per diagnostic: where (header, query parameter, body path) and what is wrong. */
export function describeDiagnostic(d: PrismDiagnostic, facts: ParameterFacts, headers: Record<string, string>): string {
  const [where, ...rest] = d.path;
  if (where === 'header') return describeHeader(d, facts, headers);
  if (where === 'query') return describeQuery(d, facts);
  if (where === 'body') return `${bodyPath(rest)} ${tail(d.message)}.`;
  if (d.message === 'Body parameter is required') return 'Request body is required; send a JSON body.';
  return `${d.message}.`;
}

/** Header problems first (Accept-Language is the one clients most often forget), then query, then body; at most three. */
export function diagnosticsError(diagnostics: PrismDiagnostic[], facts: ParameterFacts, headers: Record<string, string>): VendorError {
  const rank = (d: PrismDiagnostic) => ['header', 'query', 'body'].indexOf(d.path[0] ?? '') + 1 || 4;
  const sorted = [...diagnostics].sort((a, b) => rank(a) - rank(b));
  const sentences = [...new Set(sorted.map((d) => describeDiagnostic(d, facts, headers)))].slice(0, 3);
  return vendorError('INVALID_PAYLOAD', sentences.join(' '));
}

/** DECISIONS #21: POST bodies must be application/json (a charset parameter is fine); else 400, not 415. */
export function contentTypeError(label: string, contentType: string | undefined): VendorError | undefined {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (media === 'application/json') return undefined;
  const received = contentType === undefined ? 'none' : quoted(contentType);
  return vendorError('INVALID_PAYLOAD', `Header 'Content-Type' must be 'application/json' for ${label}; received ${received}.`);
}

/**
 * A declared query parameter sent empty (`referenceId=`). Prism reads an empty value as "absent", so `referenceId=`
 * would pass and become an idempotency key; an empty value is valid only for a string schema without minLength.
 */
export function emptyQueryError(query: Record<string, string>, declared: ReadonlyMap<string, JsonSchema>): VendorError | undefined {
  for (const [name, schema] of declared) {
    if (query[name] !== '') continue;
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    if (schema.type !== 'string' || minLength > 0) return vendorError('INVALID_PAYLOAD', `Query parameter '${name}' must not be empty.`);
  }
  return undefined;
}

/** A declared single-valued query parameter given more than once (`referenceId=A&referenceId=B`): which value counts is not the twin's guess. */
export function repeatedQueryError(repeated: readonly string[], declared: ReadonlyMap<string, JsonSchema>): VendorError | undefined {
  const name = repeated.find((n) => declared.has(n) && declared.get(n)?.type !== 'array');
  return name === undefined ? undefined : vendorError('INVALID_PAYLOAD', `Query parameter '${name}' is given more than once; send it once.`);
}

/** A body past the twin's shape limits (mocks/bounds.ts): refused before parsing. */
export function shapeError(beyond: 'depth' | 'members', limits: { depth: number; members: number }): VendorError {
  const what = beyond === 'depth' ? `nests arrays or objects more than ${limits.depth} levels deep` : `has more than ${limits.members} object members`;
  return vendorError('INVALID_PAYLOAD', `Request body ${what}; WUPEX request bodies are small and shallow.`);
}

/** A body that is not JSON at all, with the parser's reason. */
export function malformedJsonError(reason: string): VendorError {
  return vendorError('INVALID_PAYLOAD', `Request body is not valid JSON (${reason}); send a JSON body.`);
}
