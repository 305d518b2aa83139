// headers.missing-accept-language: Accept-Language is required on every operation (S2, S3, DECISIONS #20).
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

export const headersMissingAcceptLanguage = defineActiveCheck({
  id: 'headers.missing-accept-language',
  title: 'Request without Accept-Language not rejected',
  severity: 'medium',
  description: 'An operation that accepts a request without the required Accept-Language header.',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header' }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), acceptLanguage: null });
      return [judgeRejection(exchange, operation, { what: 'a request without Accept-Language' })];
    }),
});
