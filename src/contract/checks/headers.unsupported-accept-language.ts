// headers.unsupported-accept-language: only the documented Accept-Language values are accepted (DECISIONS #20).
import { defineActiveCheck } from './check.ts';
import { parameterBasis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';
import { decidedExpectation } from './lib/rejection.ts';

export const UNSUPPORTED_LANGUAGE = 'fr-FR';

export const headersUnsupportedAcceptLanguage = defineActiveCheck({
  id: 'headers.unsupported-accept-language',
  title: 'Unsupported Accept-Language not rejected',
  severity: 'low',
  description: 'An operation that accepts an Accept-Language value the spec does not list (fr-FR), or rejects it with anything but the decided refusal (decisions.yaml acceptLanguage.unsupported, today 400 INVALID_PAYLOAD) naming the header; with a decided fallback, a request refused.',
  run: (ctx) =>
    probeEach(ctx, { auth: 'header' }, (base, operation) => ({
      what: `a request with Accept-Language: ${UNSUPPORTED_LANGUAGE}`,
      ...decidedExpectation('acceptLanguage.unsupported', ctx.decisions.acceptLanguage.unsupported),
      names: 'Accept-Language',
      basis: parameterBasis(operation, 'Accept-Language'),
      probe: { ...base, acceptLanguage: UNSUPPORTED_LANGUAGE },
    })),
});
