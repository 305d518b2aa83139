// conformance.response-headers: documented response headers are present when required and valid when present.
import type { Outcome } from './check.ts';
import { basisOf } from './lib/basis.ts';
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { documentedStatuses, responseFor, type Schema, type SpecIndex } from './lib/spec-index.ts';
import type { SpecOperation } from '../../spec/spec.ts';

/** Header values are strings; compare numbers as numbers (Retry-After: "5" is the integer 5, "soon" is not). */
function coerce(value: string, schema: Schema): unknown {
  const type = schema.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

/** The operations whose responses the spec gives no header at all (e.g. once `retryAfter.send: false` is adopted). */
export function documentsNoHeader(operation: SpecOperation): boolean {
  return statusesWithHeaders(operation).length === 0;
}

/** The documented statuses whose response declares at least one header. */
const statusesWithHeaders = (operation: SpecOperation): number[] => documentedStatuses(operation).filter((s) => Object.keys(responseFor(operation, s)?.headers ?? {}).length > 0);

/** The SKIP reason for such an operation: nothing to check, by the spec itself (tests tell it from a capability gap). */
export const NO_DOCUMENTED_HEADER = 'the spec documents no response header for this operation: nothing to check';

export const conformanceResponseHeaders = defineExchangeCheck({
  id: 'conformance.response-headers',
  title: 'Documented response header missing or invalid',
  severity: 'medium',
  description: 'A required response header that is absent, or a documented one with an invalid value (Retry-After: soon).',
  run(exchange, operation, spec: SpecIndex): Outcome {
    const { status, headers } = exchange.response;
    const documented = Object.entries(responseFor(operation, status)?.headers ?? {}) as [string, { required?: boolean; schema?: Schema }][];
    if (documented.length === 0) {
      const withHeaders = statusesWithHeaders(operation);
      if (withHeaders.length === 0) return skip(NO_DOCUMENTED_HEADER);
      return skip(`no response with documented headers was received; the spec documents headers on HTTP ${withHeaders.join(', ')}`);
    }
    for (const [name, header] of documented) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) return fail(`${operation.label}: HTTP ${status} lacks the required header ${name}.`, exchange, basisOf(header));
        continue;
      }
      const problem = header.schema ? spec.validate(header.schema, coerce(value, header.schema)) : undefined;
      if (problem) {
        const { type, minimum } = header.schema ?? {};
        const want = JSON.stringify({ type, minimum });
        return fail(`${operation.label}: received header ${name}: "${value}" on HTTP ${status}; the spec documents ${want} (${problem}).`, exchange, basisOf(header));
      }
    }
    return pass();
  },
});
