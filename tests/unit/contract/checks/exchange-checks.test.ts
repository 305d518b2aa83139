// Table tests for the pure checks: a tiny spec fragment and a response in, the exact outcome out.
import { describe, expect, test } from 'vitest';
import type { Document, SpecOperation } from '../../../../src/spec/spec.ts';
import type { Check, ExchangeCheck, Outcome } from '../../../../src/contract/checks/check.ts';
import { conformanceContentType } from '../../../../src/contract/checks/conformance.content-type.ts';
import { conformanceResponseHeaders } from '../../../../src/contract/checks/conformance.response-headers.ts';
import { conformanceStatusCode } from '../../../../src/contract/checks/conformance.status-code.ts';
import { envelopeErrorCode } from '../../../../src/contract/checks/envelope.error-code.ts';
import { envelopeShape } from '../../../../src/contract/checks/envelope.shape.ts';
import { headersRetryAfter } from '../../../../src/contract/checks/headers.retry-after.ts';
import { hygieneKeyNotEchoed } from '../../../../src/contract/checks/hygiene.key-not-echoed.ts';
import { hygieneNoDataOnRejection } from '../../../../src/contract/checks/hygiene.no-data-on-rejection.ts';
import { schemaResponseBody } from '../../../../src/contract/checks/schema.response-body.ts';
import { createSpecIndex } from '../../../../src/contract/checks/lib/spec-index.ts';
import type { Exchange } from '../../../../src/contract/targets/target.ts';
import type { Decisions } from '../../../../src/spec/decisions.ts';
import { kit, kitCopy } from '../../../support/decided.ts';

const ENVELOPE = { type: 'object', required: ['status', 'error'], properties: { status: { const: false }, error: { type: 'object', required: ['code', 'message'] } } };
const json = (schema: object) => ({ 'application/json': { schema } });
const operation: SpecOperation = {
  operationId: 'getBalance',
  method: 'get',
  path: '/api/customer/balance',
  label: 'GET /api/customer/balance',
  operation: {
    responses: {
      '200': { description: 'ok', content: json({ type: 'object', required: ['status', 'data'], properties: { status: { const: true }, data: { type: 'object', required: ['balance'], properties: { balance: { type: 'number' } } } } }) },
      '401': { description: 'no key', content: json(ENVELOPE) },
      '429': { description: 'slow down', headers: { 'Retry-After': { required: false, schema: { type: 'integer', minimum: 0 } } }, content: json(ENVELOPE) },
      '503': { description: 'down', headers: { 'X-Required': { required: true, schema: { type: 'string' } } }, content: json(ENVELOPE) },
    },
  },
};
const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { ErrorCode: { 'x-status-codes': { UNAUTHORIZED: 401, NOT_FOUND: 404, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503 } } } } } as unknown as Document;
const spec = createSpecIndex(doc);

const KEY = 'test-key-DISTINCTIVE-9f3a'; // scan-secrets: allow (a deliberate fake key)
function exchange(status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Exchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { request: { method: 'GET', url: 'http://127.0.0.1/api/customer/balance', headers: { 'x-api-key': KEY } }, response: { status, headers, text, json: parsed }, durationMs: 1 };
}

const ok200 = { status: true, data: { balance: 5 } };
const unauthorized = { status: false, error: { code: 'UNAUTHORIZED', message: 'no key' } };
const L = 'GET /api/customer/balance';

/** The kit's decisions with Retry-After pinned: the retry-after cases prove both choices, whatever the kit adopts. */
const retryAfter = (send: boolean): Decisions => ({ ...kitCopy(), retryAfter: { send } });
const limited429 = { status: false, error: { code: 'TOO_MANY_REQUESTS', message: 'x' } };
const limited503 = { status: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'x' } };

type Case = [string, { check: Check; given: Exchange; want: Outcome['kind'] | string; decisions?: Decisions }];
const cases: Case[] = [
  ['status: documented 200 passes', { check: conformanceStatusCode, given: exchange(200, ok200), want: 'pass' }],
  ['status: 418 fails', { check: conformanceStatusCode, given: exchange(418, ok200), want: `${L}: received HTTP 418; the spec documents 200, 401, 429, 503.` }],
  ['content-type: charset parameter is fine', { check: conformanceContentType, given: exchange(200, ok200, { 'content-type': 'application/json; charset=utf-8' }), want: 'pass' }],
  ['content-type: text/html fails', { check: conformanceContentType, given: exchange(200, '<html>', { 'content-type': 'text/html' }), want: `${L}: received Content-Type "text/html" for HTTP 200; the spec documents application/json.` }],
  ['content-type: none fails', { check: conformanceContentType, given: exchange(200, ok200, {}), want: `${L}: received no Content-Type for HTTP 200; the spec documents application/json.` }],
  ['schema: valid body passes', { check: schemaResponseBody, given: exchange(200, ok200), want: 'pass' }],
  ['schema: number as string fails', { check: schemaResponseBody, given: exchange(200, { status: true, data: { balance: '5' } }), want: `${L}: HTTP 200 body does not match the documented schema: /data/balance must be number.` }],
  ['schema: missing required fails', { check: schemaResponseBody, given: exchange(200, { status: true, data: {} }), want: `${L}: HTTP 200 body does not match the documented schema: /data must have required property 'balance'.` }],
  ['schema: not JSON fails', { check: schemaResponseBody, given: exchange(200, 'oops'), want: `${L}: HTTP 200 body is not JSON (oops); the spec documents a JSON body.` }],
  ['headers: valid Retry-After passes', { check: conformanceResponseHeaders, given: exchange(429, unauthorized, { 'retry-after': '2' }), want: 'pass' }],
  ['headers: Retry-After: soon fails', { check: conformanceResponseHeaders, given: exchange(429, unauthorized, { 'retry-after': 'soon' }), want: `${L}: received header Retry-After: "soon" on HTTP 429; the spec documents {"type":"integer","minimum":0} ((root) must be integer).` }],
  ['headers: a missing required header fails', { check: conformanceResponseHeaders, given: exchange(503, unauthorized), want: `${L}: HTTP 503 lacks the required header X-Required.` }],
  ['headers: none documented skips', { check: conformanceResponseHeaders, given: exchange(200, ok200), want: 'skip' }],
  ['envelope: success with status true passes', { check: envelopeShape, given: exchange(200, ok200), want: 'pass' }],
  ['envelope: success without status fails', { check: envelopeShape, given: exchange(200, { data: {} }), want: `${L}: HTTP 200 body has no status member; the spec documents {"status": true, "data": ...} on success.` }],
  ['envelope: bare error fails', { check: envelopeShape, given: exchange(401, { message: 'no' }), want: `${L}: HTTP 401 body is not the error envelope (received {"message":"no"}); the spec documents {"status": false, "error": {"code", "message"}}.` }],
  ['error-code: UNAUTHORIZED on 401 passes', { check: envelopeErrorCode, given: exchange(401, unauthorized), want: 'pass' }],
  ['error-code: NOT_FOUND on 401 fails', { check: envelopeErrorCode, given: exchange(401, { status: false, error: { code: 'NOT_FOUND', message: 'x' } }), want: `${L}: HTTP 401 carries error code "NOT_FOUND", which the spec maps to HTTP 404; for 401 it documents UNAUTHORIZED.` }],
  ['error-code: an unknown code fails', { check: envelopeErrorCode, given: exchange(401, { status: false, error: { code: 'NOPE', message: 'x' } }), want: `${L}: HTTP 401 carries error code "NOPE", which the spec does not document; for 401 it documents UNAUTHORIZED.` }],
  ['key: not echoed passes', { check: hygieneKeyNotEchoed, given: exchange(200, ok200), want: 'pass' }],
  ['key: echoed in a header fails', { check: hygieneKeyNotEchoed, given: exchange(200, ok200, { 'x-debug': KEY }), want: `${L}: the key sent came back in response header "x-debug" (HTTP 200); the spec never returns the key.` }],
  ['key: echoed in the body fails', { check: hygieneKeyNotEchoed, given: exchange(401, { ...unauthorized, key: KEY }), want: `${L}: the key sent came back in the response body (HTTP 401); the spec never returns the key.` }],
  ['rejection: a clean envelope passes', { check: hygieneNoDataOnRejection, given: exchange(401, unauthorized), want: 'pass' }],
  ['rejection: data member fails', { check: hygieneNoDataOnRejection, given: exchange(401, { ...unauthorized, data: {} }), want: `${L}: a rejected request (HTTP 401) came back with a "data" member; a rejection must reveal no account data.` }],
  ['rejection: a nested balance fails', { check: hygieneNoDataOnRejection, given: exchange(401, { status: false, error: { code: 'UNAUTHORIZED', message: 'x', balance: 1 } }), want: `${L}: a rejected request (HTTP 401) came back with account data ("balance"); a rejection must reveal no account data.` }],
  ['rejection: a success is not judged', { check: hygieneNoDataOnRejection, given: exchange(200, ok200), want: 'skip' }],
  ['retry-after: a 429 with it passes (retryAfter.send: true)', { check: headersRetryAfter, given: exchange(429, limited429, { 'retry-after': '1' }), want: 'pass', decisions: retryAfter(true) }],
  ['retry-after: a 503 without it fails (retryAfter.send: true)', { check: headersRetryAfter, given: exchange(503, limited503), want: `${L}: HTTP 503 was answered without Retry-After; the decisions (retryAfter.send: true) say it is sent.`, decisions: retryAfter(true) }],
  ['retry-after: a 503 without it passes (retryAfter.send: false)', { check: headersRetryAfter, given: exchange(503, limited503), want: 'pass', decisions: retryAfter(false) }],
  ['retry-after: a 429 with it fails (retryAfter.send: false)', { check: headersRetryAfter, given: exchange(429, limited429, { 'retry-after': '1' }), want: `${L}: HTTP 429 was answered with Retry-After: 1; the decisions (retryAfter.send: false) say it is not sent.`, decisions: retryAfter(false) }],
  ['retry-after: a 200 is not judged', { check: headersRetryAfter, given: exchange(200, ok200), want: 'skip' }],
];

describe('pure checks', () => {
  test.each(cases)('%s', (_name, { check, given, want, decisions }) => {
    const outcome = (check as ExchangeCheck).run(given, operation, spec, decisions ?? kit);
    if (want === 'pass' || want === 'skip') expect(outcome.kind).toBe(want);
    else expect(outcome).toMatchObject({ kind: 'fail', message: want, exchange: given });
  });


  test('no failure message contains the key, even when the key was echoed', () => {
    const outcome = hygieneKeyNotEchoed.kind === 'exchange' ? hygieneKeyNotEchoed.run(exchange(200, { echo: KEY }, { 'x-k': KEY }), operation, spec, kit) : undefined;
    expect(outcome?.kind).toBe('fail');
    expect(outcome?.kind === 'fail' && outcome.message).not.toContain(KEY);
  });
});
