// negative.malformed-json: a POST whose body is not JSON is 400 INVALID_PAYLOAD, not 2xx or 5xx (S8, S9).
import { defineActiveCheck } from './check.ts';
import { basis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

export const MALFORMED_JSON = '{"page": 1,';
const isPost = (operation: { method: string }) => operation.method === 'post';

export const negativeMalformedJson = defineActiveCheck({
  id: 'negative.malformed-json',
  title: 'Malformed JSON not rejected with an error envelope',
  severity: 'high',
  description: 'A POST with a truncated JSON body that is accepted, crashes the server (5xx) or gets anything but a 400 INVALID_PAYLOAD envelope.',
  requires: ['envelopesMalformedJson'],
  appliesTo: isPost,
  basis: basis([], ['S8', 'S9']),
  run: (ctx) =>
    probeEach(ctx, { auth: 'header', filter: isPost }, (base) => ({
      what: `a body of malformed JSON (${MALFORMED_JSON})`,
      status: 400,
      code: ctx.decisions.codesByStatus['400'] ?? 'INVALID_PAYLOAD',
      basis: negativeMalformedJson.basis!,
      probe: { ...base, rawBody: MALFORMED_JSON },
    })),
});
