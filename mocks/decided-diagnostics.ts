// Prism's diagnostics that openapi/decisions.yaml answers otherwise: paging out of range (#7) and Accept-Language (#20).
import { INT32_MAX, type LoadedDecisions, type Refusal } from '../src/spec/decisions.ts';
import type { PrismDiagnostic } from './prism.ts';

/** The diagnostics still to refuse, and the decided status/code of the first one (unset: the default 400 INVALID_PAYLOAD). */
export interface DecidedDiagnostics {
  kept: PrismDiagnostic[];
  refusal?: Refusal;
}

/**
 * `body.page` / `body.pageSize` below its minimum or above its maximum, as an int32 (a wrong type, 2^31 included,
 * stays a plain 400): the same line the contract check draws (negative.schema-violation's pagingOutOfRange).
 */
function isPagingRange(d: PrismDiagnostic, body: unknown): boolean {
  if (d.path[0] !== 'body' || d.path.length !== 2 || (d.path[1] !== 'page' && d.path[1] !== 'pageSize') || (d.code !== 'minimum' && d.code !== 'maximum')) return false;
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[d.path[1]] : undefined;
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT32_MAX;
}

function isLanguage(d: PrismDiagnostic): boolean {
  return d.path[0] === 'header' && (d.path[1] === 'accept-language' || (d.path.length < 2 && d.message.includes("'accept-language'")));
}

/** Header problems are described first (request-errors.ts), so the first kept one picks the status and code. */
const rank = (d: PrismDiagnostic) => ['header', 'query', 'body'].indexOf(d.path[0] ?? '') + 1 || 4;

/** Drop what the decisions let through (clamped paging, a language that falls back), and say which refusal leads. */
export function decideDiagnostics(diagnostics: PrismDiagnostic[], headers: Record<string, string>, decisions: LoadedDecisions, body?: unknown): DecidedDiagnostics {
  if (diagnostics.length === 0) return { kept: diagnostics };
  const language = headers['accept-language'] === undefined ? decisions.acceptLanguage.missing : decisions.acceptLanguage.unsupported;
  const paging = decisions.paging.outOfRange;
  const kept = diagnostics.filter((d) => !(isPagingRange(d, body) && paging.action === 'clamp') && !(isLanguage(d) && language.action === 'fallback'));
  const first = [...kept].sort((a, b) => rank(a) - rank(b))[0];
  if (first && isLanguage(first) && language.action === 'reject') return { kept, refusal: language };
  if (first && isPagingRange(first, body) && paging.action === 'reject') return { kept, refusal: paging };
  return { kept };
}
