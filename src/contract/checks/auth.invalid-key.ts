// auth.invalid-key: an unknown key is 401 UNAUTHORIZED; only on targets that can tell keys apart.
import { defineActiveCheck } from './check.ts';
import { basis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

/** Obviously fake, never a real key: safe to print in curl lines. */
export const INVALID_KEY = 'wupex-kit-invalid-key-0000'; // scan-secrets: allow (a deliberate fake key)

export const authInvalidKey = defineActiveCheck({
  id: 'auth.invalid-key',
  title: 'Request with an invalid API key not rejected',
  severity: 'critical',
  description: 'An operation that accepts a key that is not valid for the environment.',
  requires: ['validatesKeyValues'],
  basis: basis([], ['S2', 'S3', 'S8', 'S9']),
  run: (ctx) =>
    probeEach(ctx, { auth: { fakeKey: INVALID_KEY } }, (base) => ({
      what: 'a request with an invalid x-api-key',
      status: 401,
      code: ctx.decisions.codesByStatus['401'] ?? 'UNAUTHORIZED',
      basis: authInvalidKey.basis!,
      probe: { ...base, auth: { fakeKey: INVALID_KEY } },
    })),
});
