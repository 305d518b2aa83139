// negative.wrong-content-type: a POST with a Content-Type other than application/json is 400 INVALID_PAYLOAD (DECISIONS #21).
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

const isPost = (operation: { method: string }) => operation.method === 'post';

export const negativeWrongContentType = defineActiveCheck({
  id: 'negative.wrong-content-type',
  title: 'Wrong request Content-Type not rejected',
  severity: 'medium',
  description: 'A POST sent as text/plain that is accepted or answered with a 5xx.',
  appliesTo: isPost,
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header', filter: isPost }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), contentType: 'text/plain' });
      return [judgeRejection(exchange, operation, { what: 'a JSON body sent as Content-Type: text/plain' })];
    }),
});
