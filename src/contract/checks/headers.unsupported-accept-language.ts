// headers.unsupported-accept-language: only the documented Accept-Language values are accepted (DECISIONS #20).
import { defineActiveCheck } from './check.ts';
import { parameterBasis } from './lib/basis.ts';
import { probeEach } from './lib/probe-each.ts';

export const UNSUPPORTED_LANGUAGE = 'fr-FR';

export const headersUnsupportedAcceptLanguage = defineActiveCheck({
  id: 'headers.unsupported-accept-language',
  title: 'Unsupported Accept-Language not rejected',
  severity: 'low',
  description: 'An operation that accepts an Accept-Language value the spec does not list (fr-FR), or rejects it with anything but 400 INVALID_PAYLOAD naming the header.',
  run: (ctx) =>
    probeEach(ctx, { auth: 'header' }, (base, operation) => ({
      what: `a request with Accept-Language: ${UNSUPPORTED_LANGUAGE}`,
      status: 400,
      code: 'INVALID_PAYLOAD',
      names: 'Accept-Language',
      basis: parameterBasis(operation, 'Accept-Language'),
      probe: { ...base, acceptLanguage: UNSUPPORTED_LANGUAGE },
    })),
});
