// auth.key-in-query: the key sent only as a query parameter never authenticates (DECISIONS D1).
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

export const authKeyInQuery = defineActiveCheck({
  id: 'auth.key-in-query',
  title: 'API key accepted in the query string',
  severity: 'high',
  requires: ['isLoopback'],
  description: 'An operation that authenticates `?x-api-key=…` (keys in URLs leak into logs and proxies).',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'query' }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), auth: 'query' });
      return [judgeRejection(exchange, operation, { what: 'a request with the key only in the query string', status: 401, code: 'UNAUTHORIZED' })];
    }),
});
