// conformance.content-type: the response Content-Type is one the spec documents for that status.
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { basis } from './lib/basis.ts';
import { responseFor } from './lib/spec-index.ts';
import { mediaType } from './lib/text.ts';

export const conformanceContentType = defineExchangeCheck({
  id: 'conformance.content-type',
  title: 'Undocumented Content-Type',
  severity: 'medium',
  basis: basis([], ['S3', 'S8']),
  description: 'A response whose Content-Type is not documented for its status (an HTML error page, text/plain, none at all).',
  run(exchange, operation) {
    const { status, headers } = exchange.response;
    const documented = Object.keys(responseFor(operation, status)?.content ?? {});
    if (documented.length === 0) return skip(`no content documented for HTTP ${status}`);
    const received = mediaType(headers['content-type']);
    if (received && documented.includes(received)) return pass();
    const what = received ? `Content-Type "${headers['content-type']}"` : 'no Content-Type';
    return fail(`${operation.label}: received ${what} for HTTP ${status}; the spec documents ${documented.join(', ')}.`, exchange);
  },
});
