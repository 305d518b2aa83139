// The twin follows another decisions profile (issue 16): 201 success, 403 FORBIDDEN_ORDER, clamped paging, 415, no Retry-After, and more.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import { DECISIONS_PATH, type Decisions } from '../../../src/spec/decisions.ts';
import { readSpecFile } from '../../../src/spec/spec.ts';
import { ALPHA, BRAVO, createHarness, type Harness } from './harness.ts';

const defaults = readSpecFile(DECISIONS_PATH) as Decisions;
const LINE = { merchant: ALPHA.merchant, sku: 'GOOGLE-USA-10USD', quantity: 1 };

/** The alternative profile of the brief, plus a few more rows, as a file (what `npm run mock -- --decisions FILE` reads). */
function profile(): Decisions {
  const d = structuredClone(defaults);
  d.pullCodes.successStatus = 201;
  d.otherAccountOrder = { status: 403, code: 'FORBIDDEN_ORDER' };
  d.paging.outOfRange = { action: 'clamp' };
  d.contentType = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
  d.retryAfter = { send: false };
  d.repeatedReferenceId = { action: 'reject', status: 409, code: 'DUPLICATE_REFERENCE' };
  d.pullCodes.outOfStock = { status: 422, code: 'OUT_OF_STOCK' };
  d.acceptLanguage.unsupported = { action: 'fallback', to: 'en-US' };
  return d;
}

let server: MockServer;
let twin: Harness;
let plain: Harness;
let plainServer: MockServer;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'wupex-profile-')), 'decisions.yaml');
  writeFileSync(file, `# JSON is YAML\n${JSON.stringify(profile(), null, 2)}\n`);
  server = await createMockServer({ seed: 7, decisions: file });
  plainServer = await createMockServer({ seed: 7 });
  twin = createHarness(server);
  plain = createHarness(plainServer);
});
afterAll(async () => {
  await server.close();
  await plainServer.close();
});

describe('the twin under an alternative decisions profile', () => {
  test('pull-codes succeeds with 201 (the default twin: 200)', async () => {
    expect((await twin.call('POST', '/api/order/pull-codes', { body: [LINE] })).status).toBe(201);
    expect((await plain.call('POST', '/api/order/pull-codes', { body: [LINE] })).status).toBe(200);
  });

  test("another account's order is 403 FORBIDDEN_ORDER; an unknown one stays 404", async () => {
    const placed = await twin.call('POST', '/api/order/pull-codes', { body: [LINE] });
    const name = placed.body.data.orderName as string;
    const foreign = await twin.call('GET', `/api/order/detail?orderName=${name}`, { key: BRAVO.key });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'FORBIDDEN_ORDER']);
    const unknown = await twin.call('GET', '/api/order/detail?orderName=A99999999999999', { key: BRAVO.key });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  test('paging out of range is clamped (the default twin: 400 INVALID_PAYLOAD)', async () => {
    const clamped = await twin.call('POST', '/api/product/merchant/invited/list', { body: { page: 0, pageSize: 1000 } });
    expect(clamped.status).toBe(200);
    expect(clamped.body.pageInfo).toMatchObject({ currentPage: 1, pageSize: 100 });
    const refused = await plain.call('POST', '/api/product/merchant/invited/list', { body: { page: 0 } });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'INVALID_PAYLOAD']);
    // A wrong type is not a range: still refused.
    expect((await twin.call('POST', '/api/product/merchant/invited/list', { body: { page: 'one' } })).status).toBe(400);
  });

  test("a POST with the wrong content type is 415, the message still naming the header", async () => {
    const answer = await twin.call('POST', '/api/order/list', { raw: '{}', headers: { 'content-type': 'text/plain' } });
    expect([answer.status, answer.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(answer.body.error.message).toContain("Header 'Content-Type'");
  });

  test('429 comes without Retry-After when the profile says so', async () => {
    const answer = await twin.call('GET', '/api/customer/balance', { headers: { prefer: 'code=429' } });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBeNull();
    expect((await plain.call('GET', '/api/customer/balance', { headers: { prefer: 'code=429' } })).headers.get('retry-after')).toBe('1');
  });

  test('a repeated referenceId is refused; out of stock uses the decided code; an unsupported language falls back', async () => {
    expect((await twin.call('POST', '/api/order/pull-codes?referenceId=r-1', { body: [LINE] })).status).toBe(201);
    const again = await twin.call('POST', '/api/order/pull-codes?referenceId=r-1', { body: [LINE] });
    expect([again.status, again.body.error.code]).toEqual([409, 'DUPLICATE_REFERENCE']);
    const tooMany = await twin.call('POST', '/api/order/pull-codes', { body: [{ ...LINE, quantity: 100 }, { ...LINE, quantity: 100 }, { ...LINE, quantity: 100 }] });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([422, 'OUT_OF_STOCK']);
    expect((await twin.call('GET', '/api/customer/balance', { headers: { 'accept-language': 'fr-FR' } })).status).toBe(200);
    expect((await plain.call('GET', '/api/customer/balance', { headers: { 'accept-language': 'fr-FR' } })).status).toBe(400);
    // Missing stays a refusal in this profile.
    const missing = await server.fetch(new Request('http://twin.test/api/customer/balance', { headers: { 'x-api-key': ALPHA.key } }));
    expect(missing.status).toBe(400);
  });

  test('an invalid decisions file refuses the start, naming the entry', async () => {
    const bad = structuredClone(defaults) as unknown as Record<string, Record<string, unknown>>;
    bad.pullCodes.successStatus = 204;
    await expect(createMockServer({ decisions: bad as unknown as Decisions })).rejects.toThrow(/DECISIONS_INVALID: decisions: pullCodes\.successStatus: received 204; allowed: 200, 201/);
  });
});
