// conformance.status-code: the response status is one the spec documents for the operation.
import { defineExchangeCheck, fail, pass } from './check.ts';
import { basisOf } from './lib/basis.ts';
import { documentedStatuses, responseFor } from './lib/spec-index.ts';

export const conformanceStatusCode = defineExchangeCheck({
  id: 'conformance.status-code',
  title: 'Undocumented HTTP status code',
  severity: 'high',
  description: 'A status the spec does not document for the operation (e.g. 418, 422, or 201 instead of 200).',
  run(exchange, operation, spec) {
    const documented = documentedStatuses(operation);
    const status = exchange.response.status;
    if (documented.includes(status)) return pass();
    // A different success status rests on the documented success response (pullCodes 200: DECISIONS #12); an
    // undocumented error status on the status/code map (#23).
    const basis = status < 300 ? basisOf(...documented.filter((s) => s < 300).map((s) => responseFor(operation, s))) : basisOf(spec.doc.components?.schemas?.ErrorCode);
    return fail(`${operation.label}: received HTTP ${status}; the spec documents ${documented.join(', ')}.`, exchange, basis);
  },
});
