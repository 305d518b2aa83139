// What findings rest on, read from the real spec: x-decision rows and the guide's S-tags of the element that failed.
import { describe, expect, test } from 'vitest';
import type { ExchangeCheck } from '../../../../src/contract/checks/check.ts';
import { conformanceResponseHeaders } from '../../../../src/contract/checks/conformance.response-headers.ts';
import { conformanceStatusCode } from '../../../../src/contract/checks/conformance.status-code.ts';
import { envelopeErrorCode } from '../../../../src/contract/checks/envelope.error-code.ts';
import { basisOf, decisionsOf, sourcesIn } from '../../../../src/contract/checks/lib/basis.ts';
import { createSpecIndex } from '../../../../src/contract/checks/lib/spec-index.ts';
import { schemaResponseBody } from '../../../../src/contract/checks/schema.response-body.ts';
import type { Exchange } from '../../../../src/contract/targets/target.ts';
import { kit, otherSuccessStatus } from '../../../support/decided.ts';
import { specDeclaringRetryAfter } from '../../../support/retry-after-spec.ts';

const spec = createSpecIndex();
/** Retry-After declared (pinned): a spec adopted from a server that sends none declares none, and nothing is judged. */
const withRetryAfter = specDeclaringRetryAfter();
const exchange = (status: number, json: unknown, headers: Record<string, string> = {}): Exchange => ({
  request: { method: 'GET', url: 'http://127.0.0.1/x', headers: {} },
  response: { status, headers: { 'content-type': 'application/json', ...headers }, text: JSON.stringify(json), json },
  durationMs: 1,
});
const rejected = { status: false, error: { code: 'TOO_MANY_REQUESTS', message: 'x' } };

describe('basis', () => {
  test('x-decision as a number, a row id or a list; S-tags from a description (S1a is S1, T-tags are not the guide)', () => {
    expect([decisionsOf({ 'x-decision': 7 }), decisionsOf({ 'x-decision': 'D1' }), decisionsOf({ 'x-decision': [12, 13] }), decisionsOf({})]).toEqual([['7'], ['D1'], ['12', '13'], []]);
    expect(sourcesIn('S1a/S1b union (S10, T3), DECISIONS #4')).toEqual(['S1', 'S10']);
    expect(basisOf({ 'x-decision': 20, description: 'documented (S2, S3)' }, { description: 'S2' })).toEqual({ decisions: ['20'], sources: ['S2', 'S3'] });
  });

  test.each([
    [`a pullCodes ${otherSuccessStatus()} rests on its documented ${kit.pullCodes.successStatus} (#12)`, conformanceStatusCode, 'pullCodes', exchange(otherSuccessStatus(), {}), { decisions: ['12'], sources: [] }],
    ['an undocumented error status rests on the status/code map (#23, S8)', conformanceStatusCode, 'getBalance', exchange(418, {}), { decisions: ['23'], sources: ['S8'] }],
    ['a wrong balance field rests on the Balance schema (#3, S7)', schemaResponseBody, 'getBalance', exchange(200, { status: true, data: { balance: '5', credit: 0, creditBalance: 0 } }), { decisions: ['3'], sources: ['S7'] }],
    ['a missing documented balance field is a fact of the guide (S7), not the money decision #3', schemaResponseBody, 'getBalance', exchange(200, { status: true, data: { balance: 5, creditBalance: 5 } }), { decisions: [], sources: ['S7'] }],
    ['a product field on Product (#4, #5)', schemaResponseBody, 'listProducts', exchange(200, { status: true, data: [{ productName: 'x', productCode: 'x', price: '1', enabled: true, productType: 'x' }], pageInfo: { totalPage: 1, totalCount: 1, pageSize: 20, currentPage: 1 } }), { decisions: ['4', '5'], sources: ['S1'] }],
    ['an invalid Retry-After rests on its header (#22)', conformanceResponseHeaders, 'getBalance', exchange(429, rejected, { 'retry-after': 'soon' }), { decisions: ['22'], sources: [] }, withRetryAfter],
    ['a code of another status rests on the ErrorCode map (#23, S8)', envelopeErrorCode, 'getBalance', exchange(401, { status: false, error: { code: 'NOT_FOUND', message: 'x' } }), { decisions: ['23'], sources: ['S8'] }],
  ])('%s', (_name, check, operationId, given, basis, index = spec) => {
    const operation = index.operations.find((o) => o.operationId === operationId)!;
    const outcome = (check as ExchangeCheck).run(given, operation, index, kit);
    expect(outcome.kind === 'fail' ? outcome.basis : outcome).toEqual(basis);
  });
});
