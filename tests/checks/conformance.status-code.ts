// conformance.status-code: the response status is one the spec documents for the operation.
import { defineExchangeCheck, fail, pass } from './check.ts';
import { documentedStatuses } from './lib/spec-index.ts';

export const conformanceStatusCode = defineExchangeCheck({
  id: 'conformance.status-code',
  title: 'Undocumented HTTP status code',
  severity: 'high',
  description: 'A status the spec does not document for the operation (e.g. 418, 422, or 201 instead of 200).',
  run(exchange, operation) {
    const documented = documentedStatuses(operation);
    const status = exchange.response.status;
    if (documented.includes(status)) return pass();
    return fail(`${operation.label}: received HTTP ${status}; the spec documents ${documented.join(', ')}.`, exchange);
  },
});
