// The catalogue: one explicit list of every check, in report order (no globbing, no auto-registration).
import type { Check } from './check.ts';
import { authInvalidKey } from './auth.invalid-key.ts';
import { authKeyInQuery } from './auth.key-in-query.ts';
import { authMissingKey } from './auth.missing-key.ts';
import { conformanceContentType } from './conformance.content-type.ts';
import { conformanceResponseHeaders } from './conformance.response-headers.ts';
import { conformanceStatusCode } from './conformance.status-code.ts';
import { envelopeErrorCode } from './envelope.error-code.ts';
import { envelopeShape } from './envelope.shape.ts';
import { headersMissingAcceptLanguage } from './headers.missing-accept-language.ts';
import { headersRetryAfter } from './headers.retry-after.ts';
import { headersUnsupportedAcceptLanguage } from './headers.unsupported-accept-language.ts';
import { hygieneKeyNotEchoed } from './hygiene.key-not-echoed.ts';
import { hygieneNoDataOnRejection } from './hygiene.no-data-on-rejection.ts';
import { isolationOtherAccount } from './isolation.other-account.ts';
import { negativeMalformedJson } from './negative.malformed-json.ts';
import { negativeSchemaViolation } from './negative.schema-violation.ts';
import { negativeWrongContentType } from './negative.wrong-content-type.ts';
import { positiveValidRequest } from './positive.valid-request.ts';
import { robustnessNoServerError } from './robustness.no-server-error.ts';
import { schemaResponseBody } from './schema.response-body.ts';
import { semanticsDecidedRefusals } from './semantics.decided-refusals.ts';
import { semanticsOrderRoundTrip } from './semantics.order-round-trip.ts';
import { semanticsPagination } from './semantics.pagination.ts';

export const ALL_CHECKS: readonly Check[] = [
  conformanceStatusCode,
  conformanceContentType,
  schemaResponseBody,
  conformanceResponseHeaders,
  headersRetryAfter,
  envelopeShape,
  envelopeErrorCode,
  authMissingKey,
  authInvalidKey,
  authKeyInQuery,
  headersMissingAcceptLanguage,
  headersUnsupportedAcceptLanguage,
  negativeSchemaViolation,
  negativeMalformedJson,
  negativeWrongContentType,
  positiveValidRequest,
  robustnessNoServerError,
  semanticsPagination,
  semanticsOrderRoundTrip,
  semanticsDecidedRefusals,
  isolationOtherAccount,
  hygieneKeyNotEchoed,
  hygieneNoDataOnRejection,
];
