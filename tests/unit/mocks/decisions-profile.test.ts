// The twin follows another decisions profile (issue 16): a profile unlike the kit's on every row (tests/support/decided.ts
// flipped()), read from a file, beside the default twin; each test checks both twins against their own decisions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockServer, type MockServer } from '../../../mocks/server.ts';
import type { Decisions, LoadedDecisions } from '../../../src/spec/decisions.ts';
import { flipped, kit, kitCopy } from '../../support/decided.ts';
import { ALPHA, BRAVO, createHarness, type Harness } from './harness.ts';

const LINE = { merchant: ALPHA.merchant, sku: 'GOOGLE-USA-10USD', quantity: 1 };

/** flipped(), except that a repeated referenceId is refused in whichever of the two profiles does not already refuse it. */
function profile(): Decisions {
  const d = flipped();
  d.repeatedReferenceId = kit.repeatedReferenceId.action === 'reject' ? { action: 'replay' } : { action: 'reject', status: 409, code: 'DUPLICATE_REFERENCE' };
  return d;
}
const alternative: LoadedDecisions = profile();

interface Side {
  name: string;
  twin: Harness;
  server: MockServer;
  d: LoadedDecisions;
}
let sides: Side[] = [];
/** The one of the two twins whose decisions satisfy `pick` (the profiles differ on every row tested, so exactly one does). */
const sideWhere = (pick: (d: LoadedDecisions) => boolean): Side => {
  const found = sides.filter((s) => pick(s.d));
  expect(found.map((s) => s.name)).toHaveLength(1);
  return found[0];
};

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'wupex-profile-')), 'decisions.yaml');
  writeFileSync(file, `# JSON is YAML\n${JSON.stringify(alternative, null, 2)}\n`);
  const server = await createMockServer({ seed: 7, decisions: file });
  const plainServer = await createMockServer({ seed: 7 });
  sides = [
    { name: 'profile file', twin: createHarness(server), server, d: alternative },
    { name: 'default twin', twin: createHarness(plainServer), server: plainServer, d: kit },
  ];
});
afterAll(async () => {
  for (const s of sides) await s.server.close();
});

describe('the twin under an alternative decisions profile', () => {
  test('the two profiles differ on every row tested here', () => {
    expect(alternative.pullCodes.successStatus).not.toBe(kit.pullCodes.successStatus);
    expect(alternative.retryAfter.send).not.toBe(kit.retryAfter.send);
    expect(alternative.paging.outOfRange.action).not.toBe(kit.paging.outOfRange.action);
    expect(alternative.contentType).not.toEqual(kit.contentType);
    expect(alternative.otherAccountOrder).not.toEqual(kit.otherAccountOrder);
    expect(alternative.pullCodes.outOfStock).not.toEqual(kit.pullCodes.outOfStock);
    expect(alternative.acceptLanguage.unsupported.action).not.toBe(kit.acceptLanguage.unsupported.action);
  });

  test('pull-codes succeeds with each profile\'s success status (200 or 201)', async () => {
    for (const { twin, d } of sides) expect((await twin.call('POST', '/api/order/pull-codes', { body: [LINE] })).status).toBe(d.pullCodes.successStatus);
  });

  test("another account's order gets each profile's refusal; an unknown one stays 404", async () => {
    for (const { twin, d } of sides) {
      const placed = await twin.call('POST', '/api/order/pull-codes', { body: [LINE] });
      const name = placed.body.data.orderName as string;
      const foreign = await twin.call('GET', `/api/order/detail?orderName=${name}`, { key: BRAVO.key });
      expect([foreign.status, foreign.body.error.code]).toEqual([d.otherAccountOrder.status, d.otherAccountOrder.code]);
      const unknown = await twin.call('GET', '/api/order/detail?orderName=A99999999999999', { key: BRAVO.key });
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
  });

  test('paging out of range is clamped by the clamping profile and refused by the other', async () => {
    const clamping = sideWhere((d) => d.paging.outOfRange.action === 'clamp');
    const clamped = await clamping.twin.call('POST', '/api/product/merchant/invited/list', { body: { page: 0, pageSize: 1000 } });
    expect(clamped.status).toBe(200);
    expect(clamped.body.pageInfo).toMatchObject({ currentPage: clamping.d.paging.page.min, pageSize: clamping.d.paging.pageSize.max });
    // A wrong type is not a range: still refused.
    expect((await clamping.twin.call('POST', '/api/product/merchant/invited/list', { body: { page: 'one' } })).status).toBe(400);
    const rejecting = sideWhere((d) => d.paging.outOfRange.action === 'reject');
    const rule = rejecting.d.paging.outOfRange as { status: number; code: string };
    const refused = await rejecting.twin.call('POST', '/api/product/merchant/invited/list', { body: { page: 0 } });
    expect([refused.status, refused.body.error.code]).toEqual([rule.status, rule.code]);
  });

  test('a POST with a wrong or no content type gets each profile\'s refusal; only a 400 under messagesNameField: false hides the header', async () => {
    for (const { twin, server, d } of sides) {
      const answer = await twin.call('POST', '/api/order/list', { raw: '{}', headers: { 'content-type': 'text/plain' } });
      expect([answer.status, answer.body.error.code]).toEqual([d.contentType.status, d.contentType.code]);
      if (d.contentType.status === 400 && !d.messagesNameField) expect(answer.body.error.message).toBe('The request is invalid.');
      else expect(answer.body.error.message).toContain("Header 'Content-Type'");
      const missing = await server.fetch(new Request('http://twin.test/api/order/list', { method: 'POST', headers: { 'x-api-key': ALPHA.key, 'accept-language': 'en-US' }, body: new Blob(['{}']) }));
      expect([missing.status, (await missing.json()).error.code]).toEqual([d.contentType.status, d.contentType.code]);
    }
  });

  test('429 comes with Retry-After: 1 or without it, as each profile says', async () => {
    for (const { twin, d } of sides) {
      const answer = await twin.call('GET', '/api/customer/balance', { headers: { prefer: 'code=429' } });
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe(d.retryAfter.send ? '1' : null);
    }
  });

  test('a repeated referenceId is replayed, refused or a new order, as each profile says (one of the two refuses)', async () => {
    sideWhere((d) => d.repeatedReferenceId.action === 'reject');
    for (const { twin, server, d } of sides) {
      const orders = () => server.store.account(ALPHA.key)!.orders.length;
      const before = orders();
      const first = await twin.call('POST', '/api/order/pull-codes?referenceId=r-1', { body: [LINE] });
      const again = await twin.call('POST', '/api/order/pull-codes?referenceId=r-1', { body: [LINE] });
      const rule = d.repeatedReferenceId;
      if (rule.action === 'replay') expect([again.status, again.body]).toEqual([d.pullCodes.successStatus, first.body]);
      else if (rule.action === 'reject') expect([again.status, again.body.error.code]).toEqual([rule.status, rule.code]);
      else expect([again.status, again.body.data.orderName === first.body.data.orderName]).toEqual([d.pullCodes.successStatus, false]);
      expect(orders() - before).toBe(rule.action === 'new-order' ? 2 : 1);
    }
  });

  test('out of stock uses each profile\'s status and code', async () => {
    for (const { twin, d } of sides) {
      const tooMany = await twin.call('POST', '/api/order/pull-codes', { body: [{ ...LINE, quantity: 100 }, { ...LINE, quantity: 100 }, { ...LINE, quantity: 100 }] });
      expect([tooMany.status, tooMany.body.error.code]).toEqual([d.pullCodes.outOfStock.status, d.pullCodes.outOfStock.code]);
    }
  });

  test('a missing or unsupported Accept-Language falls back or is refused, as each profile says', async () => {
    for (const { twin, server, d } of sides) {
      const unsupported = await twin.call('GET', '/api/customer/balance', { headers: { 'accept-language': 'fr-FR' } });
      const missing = await server.fetch(new Request('http://twin.test/api/customer/balance', { headers: { 'x-api-key': ALPHA.key } }));
      const missingBody = await missing.json();
      for (const [rule, status, body] of [[d.acceptLanguage.unsupported, unsupported.status, unsupported.body], [d.acceptLanguage.missing, missing.status, missingBody]] as const) {
        if (rule.action === 'fallback') expect([status, body.status]).toEqual([200, true]);
        else expect([status, body.error.code]).toEqual([rule.status, rule.code]);
      }
    }
  });

  test('an invalid decisions file refuses the start, naming the entry', async () => {
    const bad = kitCopy() as unknown as Record<string, Record<string, unknown>>;
    bad.pullCodes.successStatus = 204;
    await expect(createMockServer({ decisions: bad as unknown as Decisions })).rejects.toThrow(/DECISIONS_INVALID: decisions: pullCodes\.successStatus: received 204; allowed: 200, 201/);
  });
});
