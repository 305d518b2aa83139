// envelope.error-code: the error code is documented and fits the HTTP status (ErrorCode.x-status-codes, DECISIONS #23).
import { defineExchangeCheck, fail, pass, skip } from './check.ts';
import { basisOf } from './lib/basis.ts';
import { codesForStatus, type SpecIndex } from './lib/spec-index.ts';
import { isObject } from './lib/text.ts';

export const envelopeErrorCode = defineExchangeCheck({
  id: 'envelope.error-code',
  title: 'Error code undocumented or wrong for the status',
  severity: 'medium',
  description: 'An error code the spec does not list, or one that belongs to another status (NOT_FOUND on a 401).',
  run(exchange, operation, spec: SpecIndex) {
    const { status, json } = exchange.response;
    const error = isObject(json) ? json.error : undefined;
    if (status < 400 || !isObject(error) || typeof error.code !== 'string') return skip('not an error envelope with a code');
    const code = error.code;
    const expected = codesForStatus(spec, status);
    const mapped = spec.errorStatuses[code];
    if (mapped === status) return pass();
    const want = expected.length ? expected.join(' or ') : 'no code (the status is not in ErrorCode.x-status-codes)';
    const known = mapped === undefined ? 'which the spec does not document' : `which the spec maps to HTTP ${mapped}`;
    return fail(`${operation.label}: HTTP ${status} carries error code "${code}", ${known}; for ${status} it documents ${want}.`, exchange, basisOf(spec.doc.components?.schemas?.ErrorCode));
  },
});
