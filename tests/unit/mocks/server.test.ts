import { describe, expect, test } from 'vitest';
import request from 'supertest';
import { ALPHA, pinned, REJECT_400, useTwin } from './harness.ts';
import { ADMIN_ROUTES } from '../../../mocks/admin.ts';
import { loadSpec } from '../../../src/spec/spec.ts';
import { kit, kitCode } from '../../support/decided.ts';

const logs: string[] = [];
// Pinned to the choices the refusal messages below exist under: D6 (a 400 names the field at fault), paging (#7),
// Accept-Language (#20) and Content-Type (#21) refused as 400 (the accepted languages are the kit's: the spec's enum lists them).
// Every other decision is the kit's; decisions-profile.test.ts checks the default twin against the kit on each of these rows.
const ctx = useTwin({
  log: (l) => logs.push(l),
  decisions: pinned({
    messagesNameField: true,
    contentType: { status: 400, code: 'INVALID_PAYLOAD' },
    paging: { ...kit.paging, outOfRange: REJECT_400 },
    acceptLanguage: { accepted: [...kit.acceptLanguage.accepted], missing: REJECT_400, unsupported: REJECT_400 },
  }),
});

describe('authentication', () => {
  test('a request without x-api-key is 401 UNAUTHORIZED in the envelope', async () => {
    const answer = await ctx.twin.call('GET', '/api/customer/balance', { key: null });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ status: false, error: { code: kitCode(401), message: "Missing or invalid API key in header 'x-api-key'." } });
  });

  test('an unknown key is 401', async () => {
    expect((await ctx.twin.call('GET', '/api/customer/balance', { key: 'not-a-known-key' })).status).toBe(401);
  });

  test('a key in the query string never authenticates', async () => {
    const answer = await ctx.twin.call('GET', `/api/customer/balance?x-api-key=${ALPHA.key}`, { key: null });
    expect(answer.status).toBe(401);
  });

  test('401 comes before payload problems, so an anonymous caller learns nothing about the body', async () => {
    const answer = await ctx.twin.call('POST', '/api/product/merchant/invited/list', { key: null, body: { page: 0 } });
    expect(answer.body.error.code).toBe(kitCode(401));
  });
});

describe('request validation', () => {
  test('a missing Accept-Language is 400 naming the header', async () => {
    const response = await ctx.server.fetch(new Request('http://t/api/customer/balance', { headers: { 'x-api-key': ALPHA.key } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: false, error: { code: 'INVALID_PAYLOAD', message: "Header 'Accept-Language' is required; send 'en-US'." } });
  });

  test('an unsupported Accept-Language is 400 listing the accepted values (en-US, en today)', async () => {
    const answer = await ctx.twin.call('GET', '/api/customer/balance', { headers: { 'accept-language': 'fr-FR' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(`Header 'Accept-Language' must be one of ${kit.acceptLanguage.accepted.join(', ')}; received 'fr-FR'.`);
  });

  test("every accepted Accept-Language ('en-US', 'en' today) is accepted (DECISIONS #20)", async () => {
    for (const language of kit.acceptLanguage.accepted) {
      expect((await ctx.twin.call('GET', '/api/customer/balance', { headers: { 'accept-language': language } })).status).toBe(200);
    }
  });

  test('malformed JSON is 400 INVALID_PAYLOAD', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/list', { raw: '{"page": 1,' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^Request body is not valid JSON \(.+\); send a JSON body\.$/);
  });

  test('a wrong Content-Type on POST is 400, not 415 (DECISIONS #21 today)', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/list', { raw: '{}', headers: { 'content-type': 'text/plain' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe("Header 'Content-Type' must be 'application/json' for POST /api/order/list; received 'text/plain'.");
  });

  test('a missing Content-Type on POST is 400', async () => {
    const response = await ctx.server.fetch(
      new Request('http://t/api/order/list', { method: 'POST', headers: { 'x-api-key': ALPHA.key, 'accept-language': 'en-US' }, body: new Blob(['{}']) }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("Header 'Content-Type' must be 'application/json'");
  });

  test('a charset parameter on application/json is fine', async () => {
    expect((await ctx.twin.call('POST', '/api/order/list', { raw: '{}', headers: { 'content-type': 'application/json; charset=utf-8' } })).status).toBe(200);
  });

  test('a schema violation names the field', async () => {
    const answer = await ctx.twin.call('POST', '/api/product/merchant/invited/list', { body: { page: 0 } });
    expect(answer.body).toEqual({ status: false, error: { code: 'INVALID_PAYLOAD', message: 'body.page must be >= 1.' } });
  });

  test('a missing POST body is 400', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/list', { headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('Request body is required; send a JSON body.');
  });

  test('a JSON null body is 400 saying so', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/list', { raw: 'null' });
    expect(answer.body.error).toEqual({ code: kitCode(400), message: 'Request body is JSON null; POST /api/order/list needs a JSON body.' });
  });

  test('a body over 64 KiB is 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/list', { raw: JSON.stringify({ pad: 'x'.repeat(70_000) }) });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ status: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'Request body exceeds 65536 bytes.' } });
  });

  test('an unknown path is 404 NOT_FOUND in the envelope, never problem+json', async () => {
    const answer = await ctx.twin.call('GET', '/api/nope');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });

  test('a known path with an undocumented method is 404', async () => {
    expect((await ctx.twin.call('DELETE', '/api/customer/balance')).status).toBe(404);
  });
});

describe('Prefer: code=N', () => {
  test.each([429, 503])('code=%i answers the documented example, with Retry-After as decided (DECISIONS #22)', async (code) => {
    const answer = await ctx.twin.call('GET', '/api/customer/balance', { headers: { prefer: `code=${code}` } });
    expect(answer.status).toBe(code);
    expect(answer.headers.get('retry-after')).toBe(kit.retryAfter.send ? '1' : null);
    expect(answer.body.status).toBe(false);
  });

  test('code=429 returns the spec example TOO_MANY_REQUESTS envelope', async () => {
    const answer = await ctx.twin.call('POST', '/api/order/pull-codes', { headers: { prefer: 'code=429' }, body: [] });
    expect(answer.body).toEqual({ status: false, error: { code: 'TOO_MANY_REQUESTS', message: 'Rate limit exceeded; retry after 1 second.' } });
  });

  test.each([400, 500])('code=%i answers that documented error', async (code) => {
    expect((await ctx.twin.call('GET', '/api/customer/balance', { headers: { prefer: `code=${code}` } })).status).toBe(code);
  });

  test('an undocumented code is 400 listing the documented ones', async () => {
    const answer = await ctx.twin.call('GET', '/api/customer/balance', { headers: { prefer: 'code=418' } });
    const documented = Object.keys((loadSpec().paths!['/api/customer/balance'] as { get: { responses: object } }).get.responses).join(', ');
    expect(documented).toMatch(/^200, 400, 401, 403, (\d{3}, )*429, 500, 503$/);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe(`Header 'Prefer' asks for code=418, which GET /api/customer/balance does not document; use one of ${documented}.`);
  });
});

describe('admin surface', () => {
  test('GET /__mock/state summarises each account by fingerprint, never the key', async () => {
    await ctx.twin.call('POST', '/api/order/pull-codes', { body: [{ merchant: ALPHA.merchant, sku: 'GOOGLE-USA-10USD', quantity: 1 }] });
    const response = await ctx.server.fetch(new Request('http://t/__mock/state'));
    const text = await response.text();
    expect(text).not.toContain(ALPHA.key);
    const state = JSON.parse(text);
    expect(state.data.accounts[0]).toEqual({ key: expect.stringMatching(/^key#[0-9a-f]{6}$/), merchantCode: 'DEMO-MERCHANT-A', balance: 4990, credit: 0, orderCount: 1 });
    expect(state.data.products.count).toBeGreaterThanOrEqual(60);
  });

  test('POST /__mock/reset restores the fixtures', async () => {
    await ctx.twin.call('POST', '/api/order/pull-codes', { body: [{ merchant: ALPHA.merchant, sku: 'GOOGLE-USA-10USD', quantity: 1 }] });
    const reset = await ctx.server.fetch(new Request('http://t/__mock/reset', { method: 'POST' }));
    expect(reset.status).toBe(200);
    expect((await ctx.twin.call('GET', '/api/customer/balance')).body.data.balance).toBe(5000);
  });

  test('an unknown admin route is a [wupex-mock] 404', async () => {
    const response = await ctx.server.fetch(new Request('http://t/__mock/nope'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(`[wupex-mock] UNKNOWN_ADMIN_ROUTE: GET /__mock/nope; use ${ADMIN_ROUTES.join(', ')}.`);
  });
});

describe('listen', () => {
  test('serves the same twin over loopback HTTP on port 0 (supertest)', async () => {
    const { url, port } = await ctx.server.listen(0);
    expect(port).toBeGreaterThan(0);
    const response = await request(url).get('/api/customer/balance').set('x-api-key', ALPHA.key).set('Accept-Language', 'en-US');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: true, data: { balance: 5000, credit: 0, creditBalance: 5000 } });
    await ctx.server.close();
  });
});

describe('log', () => {
  test('one line per request with method, path, status, ms and the key fingerprint', async () => {
    logs.length = 0;
    await ctx.twin.call('GET', '/api/customer/balance');
    expect(logs).toEqual([expect.stringMatching(/^GET \/api\/customer\/balance 200 \d+\.\dms key#[0-9a-f]{6}$/)]);
  });
});
