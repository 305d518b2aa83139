// judgeRejection: what every auth/headers/negative check says when a request that must be rejected is not.
import { describe, expect, test } from 'vitest';
import { judgeRejection } from '../../checks/lib/rejection.ts';
import { createSpecIndex } from '../../checks/lib/spec-index.ts';
import type { Exchange } from '../../targets/target.ts';

const operation = createSpecIndex().operations.find((o) => o.operationId === 'getBalance')!;
const exchange = (status: number, body: unknown): Exchange => ({
  request: { method: 'GET', url: 'http://127.0.0.1/api/customer/balance', headers: {} },
  response: { status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body), json: body },
  durationMs: 1,
});
const env = (code: string) => ({ status: false, error: { code, message: 'm' } });
const L = 'GET /api/customer/balance';
const auth = { what: 'a request without x-api-key', status: 401, code: 'UNAUTHORIZED' };
const any4xx = { what: 'a request without Accept-Language' };

describe('judgeRejection', () => {
  test.each([
    ['the expected 401 passes', exchange(401, env('UNAUTHORIZED')), auth, undefined],
    ['any documented 4xx envelope passes when no status is fixed', exchange(400, env('INVALID_PAYLOAD')), any4xx, undefined],
    ['accepted', exchange(200, { status: true, data: {} }), auth, `${L}: a request without x-api-key was accepted (HTTP 200); the spec documents 401 UNAUTHORIZED.`],
    ['a server error', exchange(500, env('INTERNAL_ERROR')), any4xx, `${L}: a request without Accept-Language caused a server error (HTTP 500 INTERNAL_ERROR); the spec documents a 4xx error envelope (400, 401, 403, 429).`],
    ['another status', exchange(403, env('FORBIDDEN')), auth, `${L}: a request without x-api-key was answered with another status (HTTP 403 FORBIDDEN); the spec documents 401 UNAUTHORIZED.`],
    ['an undocumented 4xx', exchange(422, env('INVALID_PAYLOAD')), any4xx, `${L}: a request without Accept-Language was answered with another status (HTTP 422 INVALID_PAYLOAD); the spec documents a 4xx error envelope (400, 401, 403, 429).`],
    ['no envelope', exchange(401, { message: 'no' }), auth, `${L}: a request without x-api-key was rejected without the error envelope (HTTP 401); the spec documents 401 UNAUTHORIZED.`],
    ['another code', exchange(401, env('FORBIDDEN')), auth, `${L}: a request without x-api-key was rejected with another error code (HTTP 401 FORBIDDEN); the spec documents 401 UNAUTHORIZED.`],
  ])('%s', (_name, given, expectation, want) => {
    const outcome = judgeRejection(given, operation, expectation);
    expect(outcome.kind === 'fail' ? outcome.message : undefined).toBe(want);
  });
});
