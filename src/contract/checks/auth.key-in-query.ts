// auth.key-in-query: the key sent only as a query parameter never authenticates (DECISIONS D1).
import { defineActiveCheck } from './check.ts';
import { basis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

export const authKeyInQuery = defineActiveCheck({
  id: 'auth.key-in-query',
  title: 'API key accepted in the query string',
  severity: 'high',
  requires: ['isLoopback'],
  description: 'An operation that authenticates `?x-api-key=…` (keys in URLs leak into logs and proxies).',
  basis: basis(['D1'], ['S2', 'S3']),
  run: (ctx) =>
    probeEach(ctx, { auth: 'query' }, (base) => ({
      what: 'a request with the key only in the query string',
      status: 401,
      code: ctx.decisions.codesByStatus['401'] ?? 'UNAUTHORIZED',
      basis: authKeyInQuery.basis!,
      probe: { ...base, auth: 'query' },
    })),
});
