// auth.invalid-key: an unknown key is 401 UNAUTHORIZED; only on targets that can tell keys apart.
import { defineActiveCheck } from './check.ts';
import { baseRequest } from './lib/base-request.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { judgeRejection } from './lib/rejection.ts';

/** Obviously fake, never a real key: safe to print in curl lines. */
export const INVALID_KEY = 'wupex-kit-invalid-key-0000'; // scan-secrets: allow (a deliberate fake key)

export const authInvalidKey = defineActiveCheck({
  id: 'auth.invalid-key',
  title: 'Request with an invalid API key not rejected',
  severity: 'critical',
  description: 'An operation that accepts a key that is not valid for the environment.',
  requires: ['validatesKeyValues'],
  run: (ctx) =>
    forEachOperation(ctx, { auth: { fakeKey: INVALID_KEY } }, async (operation) => {
      const exchange = await ctx.send({ ...baseRequest(ctx, operation), auth: { fakeKey: INVALID_KEY } });
      return [judgeRejection(exchange, operation, { what: 'a request with an invalid x-api-key', status: 401, code: 'UNAUTHORIZED' })];
    }),
});
