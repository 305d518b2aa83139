// headers.missing-accept-language: Accept-Language is required on every operation (S2, S3, DECISIONS #20).
import { defineActiveCheck } from './check.ts';
import { parameterBasis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';
import { decidedExpectation } from './lib/rejection.ts';

export const headersMissingAcceptLanguage = defineActiveCheck({
  id: 'headers.missing-accept-language',
  title: 'Request without Accept-Language not rejected',
  severity: 'medium',
  description: 'An operation that accepts a request without the required Accept-Language header, or rejects it with anything but the decided refusal (decisions.yaml acceptLanguage.missing, today 400 INVALID_PAYLOAD) naming the header; with a decided fallback, a request refused.',
  run: (ctx) =>
    probeEach(ctx, { auth: 'header' }, (base, operation) => ({
      what: 'a request without Accept-Language',
      ...decidedExpectation('acceptLanguage.missing', ctx.decisions.acceptLanguage.missing),
      names: 'Accept-Language',
      basis: parameterBasis(operation, 'Accept-Language'),
      probe: { ...base, acceptLanguage: null },
    })),
});
