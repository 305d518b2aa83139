// auth.missing-key: every operation without x-api-key is 401 UNAUTHORIZED (S2, S3, DECISIONS D1).
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

export const authMissingKey = defineActiveCheck({
  id: 'auth.missing-key',
  title: 'Request without API key not rejected',
  severity: 'critical',
  description: 'An operation that answers without the x-api-key header, or rejects it with anything but 401 UNAUTHORIZED.',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'none' }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), auth: 'none' });
      return [judgeRejection(exchange, operation, { what: 'a request without x-api-key', status: 401, code: 'UNAUTHORIZED' })];
    }),
});
