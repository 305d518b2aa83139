// headers.missing-accept-language: Accept-Language is required on every operation (S2, S3, DECISIONS #20).
import { defineActiveCheck } from './check.ts';
import { parameterBasis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

export const headersMissingAcceptLanguage = defineActiveCheck({
  id: 'headers.missing-accept-language',
  title: 'Request without Accept-Language not rejected',
  severity: 'medium',
  description: 'An operation that accepts a request without the required Accept-Language header, or rejects it with anything but 400 INVALID_PAYLOAD naming the header.',
  run: (ctx) =>
    probeEach(ctx, { auth: 'header' }, (base, operation) => ({
      what: 'a request without Accept-Language',
      status: 400,
      code: 'INVALID_PAYLOAD',
      names: 'Accept-Language',
      basis: parameterBasis(operation, 'Accept-Language'),
      probe: { ...base, acceptLanguage: null },
    })),
});
