// headers.unsupported-accept-language: only the documented Accept-Language values are accepted (DECISIONS #20).
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

export const UNSUPPORTED_LANGUAGE = 'fr-FR';

export const headersUnsupportedAcceptLanguage = defineActiveCheck({
  id: 'headers.unsupported-accept-language',
  title: 'Unsupported Accept-Language not rejected',
  severity: 'low',
  description: 'An operation that accepts an Accept-Language value the spec does not list (fr-FR).',
  run: (ctx) =>
    forEachOperation(ctx, { auth: 'header' }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), acceptLanguage: UNSUPPORTED_LANGUAGE });
      return [judgeRejection(exchange, operation, { what: `a request with Accept-Language: ${UNSUPPORTED_LANGUAGE}` })];
    }),
});
