// negative.malformed-json: a POST whose body is not JSON is a 4xx envelope, not 2xx or 5xx (DECISIONS #21).
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

export const MALFORMED_JSON = '{"page": 1,';
const isPost = (operation: { method: string }) => operation.method === 'post';

export const negativeMalformedJson = defineActiveCheck({
  id: 'negative.malformed-json',
  title: 'Malformed JSON not rejected with an error envelope',
  severity: 'high',
  description: 'A POST with a truncated JSON body that is accepted, crashes the server (5xx) or gets a non-envelope error.',
  requires: ['envelopesMalformedJson'],
  appliesTo: isPost,
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header', filter: isPost }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), rawBody: MALFORMED_JSON });
      return [judgeRejection(exchange, operation, { what: `a body of malformed JSON (${MALFORMED_JSON})` })];
    }),
});
