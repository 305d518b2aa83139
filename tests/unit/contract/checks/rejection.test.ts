// judgeRejection: a rejection passes only with the documented status, code and (where given) the named field;
// every failure says what was received, what is documented, and what it rests on.
import { describe, expect, test } from 'vitest';
import { judgeRejection, type RejectionExpectation } from '../../../../src/contract/checks/lib/rejection.ts';
import { createSpecIndex } from '../../../../src/contract/checks/lib/spec-index.ts';
import type { Exchange } from '../../../../src/contract/targets/target.ts';

const operation = createSpecIndex().operations.find((o) => o.operationId === 'getBalance')!;
const exchange = (status: number, body: unknown): Exchange => ({
  request: { method: 'GET', url: 'http://127.0.0.1/api/customer/balance', headers: {} },
  response: { status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body), json: body },
  durationMs: 1,
});
const env = (code: string, message = 'm') => ({ status: false, error: { code, message } });
const L = 'GET /api/customer/balance';
const auth: RejectionExpectation = { what: 'a request without x-api-key', status: 401, code: 'UNAUTHORIZED', basis: { decisions: [], sources: ['S8'] } };
const lang: RejectionExpectation = { what: 'a request without Accept-Language', status: 400, code: 'INVALID_PAYLOAD', names: 'Accept-Language', basis: { decisions: ['20'], sources: ['S2'] } };

describe('judgeRejection', () => {
  test.each([
    ['the expected 401 passes', exchange(401, env('UNAUTHORIZED')), auth, undefined, undefined],
    ['400 naming the header passes', exchange(400, env('INVALID_PAYLOAD', "Header 'Accept-Language' is required.")), lang, undefined, undefined],
    ['accepted: the probe\'s own basis', exchange(200, { status: true, data: {} }), lang, `${L}: a request without Accept-Language was accepted (HTTP 200); the spec documents 400 INVALID_PAYLOAD naming Accept-Language.`, { decisions: ['20'], sources: ['S2'] }],
    ['a server error: a contract break', exchange(500, env('INTERNAL_ERROR')), lang, `${L}: a request without Accept-Language caused a server error (HTTP 500 INTERNAL_ERROR); the spec documents 400 INVALID_PAYLOAD naming Accept-Language.`, { decisions: ['20'], sources: ['S2', 'S8', 'S9'] }],
    ['another status, such as a 404 for a missing header', exchange(404, env('NOT_FOUND')), lang, `${L}: a request without Accept-Language was answered with another status (HTTP 404 NOT_FOUND); the spec documents 400 INVALID_PAYLOAD naming Accept-Language.`, { decisions: ['20'], sources: ['S2'] }],
    ['no envelope', exchange(401, { message: 'no' }), auth, `${L}: a request without x-api-key was rejected without the error envelope (HTTP 401); the spec documents 401 UNAUTHORIZED.`, { decisions: [], sources: ['S8'] }],
    ['another code', exchange(401, env('FORBIDDEN')), auth, `${L}: a request without x-api-key was rejected with another error code (HTTP 401 FORBIDDEN); the spec documents 401 UNAUTHORIZED.`, { decisions: ['23'], sources: ['S8'] }],
    ['a message that names something else: DECISIONS D6 only', exchange(400, env('INVALID_PAYLOAD', 'Bad request.')), lang, `${L}: a request without Accept-Language was rejected (HTTP 400 INVALID_PAYLOAD) with the message "Bad request.", which does not name Accept-Language; the spec documents 400 INVALID_PAYLOAD naming Accept-Language.`, { decisions: ['D6'], sources: [] }],
  ])('%s', (_name, given, expectation, want, basis) => {
    const outcome = judgeRejection(given, operation, expectation);
    expect(outcome.kind === 'fail' ? outcome.message : undefined).toBe(want);
    expect(outcome.kind === 'fail' ? outcome.basis : undefined).toEqual(basis);
  });
});
