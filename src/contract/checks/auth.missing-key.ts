// auth.missing-key: every operation without x-api-key is 401 UNAUTHORIZED (S2, S3, S8), judged against a keyed control.
import { defineActiveCheck } from './check.ts';
import { basis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

export const authMissingKey = defineActiveCheck({
  id: 'auth.missing-key',
  title: 'Request without API key not rejected',
  severity: 'critical',
  description: 'An operation that answers without the x-api-key header, or rejects it with anything but 401 UNAUTHORIZED.',
  basis: basis([], ['S2', 'S3', 'S8', 'S9']),
  run: (ctx) =>
    probeEach(ctx, { auth: 'none' }, (base) => ({
      what: 'a request without x-api-key',
      status: 401,
      code: ctx.decisions.codesByStatus['401'] ?? 'UNAUTHORIZED',
      basis: authMissingKey.basis!,
      probe: { ...base, auth: 'none' },
    })),
});
