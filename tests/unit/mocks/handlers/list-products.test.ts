import { describe, expect, test } from 'vitest';
import { kitCode } from '../../../support/decided.ts';
import { pinned, REJECT_400, useTwin } from '../harness.ts';

const PATH = '/api/product/merchant/invited/list';
// Pinned to the choices the refusal messages below exist under: D6 (a 400 names the field), and today's paging limits with
// out of range refused as 400 (#7); decisions-profile.test.ts checks the default twin's paging against the kit's choice.
const PAGE_SIZE = 20;
const ctx = useTwin({ decisions: pinned({ messagesNameField: true, paging: { page: { min: 1, default: 1 }, pageSize: { min: 1, max: 100, default: PAGE_SIZE }, outOfRange: REJECT_400 } }) });

const codes = (body: { data: Array<{ productCode: string }> }) => body.data.map((p) => p.productCode);

describe('listProducts', () => {
  test('{} is page 1 of 20, ordered by productCode', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: {} });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveLength(PAGE_SIZE);
    expect(answer.body.pageInfo).toEqual({ totalPage: Math.ceil(answer.body.pageInfo.totalCount / PAGE_SIZE), totalCount: answer.body.pageInfo.totalCount, pageSize: PAGE_SIZE, currentPage: 1 });
    expect(codes(answer.body)).toEqual([...codes(answer.body)].sort());
  });

  test('the catalogue has at least 60 products of at least 6 types, with the spec example SKUs', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { pageSize: 100 } });
    const products: Array<{ productCode: string; productType: string; price: number; enabled: boolean; available: number }> = answer.body.data;
    expect(products.length).toBeGreaterThanOrEqual(60);
    expect(new Set(products.map((p) => p.productType)).size).toBeGreaterThanOrEqual(6);
    const price = (sku: string) => products.find((p) => p.productCode === sku)?.price;
    expect(price('GOOGLE-USA-10USD')).toBe(10);
    expect(price('APPLE-USA-15USD')).toBe(15);
    for (const sku of ['APPLE-USA-25USD', 'APPLE-USA-2USD', 'STEAM-USA-50USD']) expect(price(sku)).toBeGreaterThan(0);
    expect(products.some((p) => !p.enabled)).toBe(true);
    expect(products.some((p) => p.available === 0)).toBe(true);
  });

  test('pages never overlap and together cover the catalogue once', async () => {
    const seen: string[] = [];
    const first = await ctx.twin.call('POST', PATH, { body: { page: 1, pageSize: 7 } });
    for (let page = 1; page <= first.body.pageInfo.totalPage; page += 1) {
      const answer = await ctx.twin.call('POST', PATH, { body: { page, pageSize: 7 } });
      expect(answer.body.pageInfo.currentPage).toBe(page);
      seen.push(...codes(answer.body));
    }
    expect(seen).toHaveLength(first.body.pageInfo.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
  });

  test('page 2 of size 5 has 5 items and a consistent pageInfo', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { page: 2, pageSize: 5 } });
    expect(answer.body.data).toHaveLength(5);
    expect(answer.body.pageInfo).toMatchObject({ pageSize: 5, currentPage: 2, totalPage: Math.ceil(answer.body.pageInfo.totalCount / 5) });
  });

  test('a page past the end is 200 with an empty list (DECISIONS #7)', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { page: 9999 } });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([]);
    expect(answer.body.pageInfo.currentPage).toBe(9999);
  });

  // Paging out of range takes the pinned refusal's code (#7); the other violations the code of 400 (#23).
  test.each([
    [{ page: 0 }, 'body.page must be >= 1.', REJECT_400.code],
    [{ pageSize: 101 }, 'body.pageSize must be <= 100.', REJECT_400.code],
    [{ search: [{ column: 'price', operator: 'Equals', value: '1' }] }, 'body.search[0].column must be equal to one of the allowed values: productType, productCode, productName, productId.', kitCode(400)],
    [{ search: [{ column: 'productId', operator: 'GreaterThan', value: 'abc' }] }, "body.search[0].value 'abc' is not a valid number for column 'productId'.", kitCode(400)],
  ])('%j is 400: %s', async (body, message, code) => {
    const answer = await ctx.twin.call('POST', PATH, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code, message });
  });

  test('search Equals on productType returns only that type', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { pageSize: 100, search: [{ column: 'productType', operator: 'Equals', value: 'Google Play' }] } });
    expect(answer.body.data.length).toBeGreaterThan(0);
    expect(answer.body.data.every((p: { productType: string }) => p.productType === 'Google Play')).toBe(true);
  });

  test('filters combine with AND; productId GreaterThan compares numerically', async () => {
    const all = await ctx.twin.call('POST', PATH, { body: { pageSize: 100, search: [{ column: 'productType', operator: 'Equals', value: 'Steam' }] } });
    const ids: number[] = all.body.data.map((p: { productId: number }) => p.productId);
    const pivot = [...ids].sort((a, b) => a - b)[1];
    const narrowed = await ctx.twin.call('POST', PATH, {
      body: { pageSize: 100, search: [{ column: 'productType', operator: 'Equals', value: 'Steam' }, { column: 'productId', operator: 'GreaterThan', value: String(pivot) }] },
    });
    expect(narrowed.body.data.map((p: { productId: number }) => p.productId).sort()).toEqual(ids.filter((id) => id > pivot).sort());
    expect(narrowed.body.pageInfo.totalCount).toBe(ids.length - 2);
  });

  test('nothing matching is an empty list with totalPage 0', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { search: [{ column: 'productCode', operator: 'Equals', value: 'NOPE' }] } });
    expect(answer.body).toEqual({ status: true, data: [], pageInfo: { totalPage: 0, totalCount: 0, pageSize: PAGE_SIZE, currentPage: 1 } });
  });

  test('available reflects stock after a purchase', async () => {
    const find = async () =>
      (await ctx.twin.call('POST', PATH, { body: { search: [{ column: 'productCode', operator: 'Equals', value: 'GOOGLE-USA-10USD' }] } })).body.data[0];
    const before = await find();
    await ctx.twin.call('POST', '/api/order/pull-codes', { body: [{ merchant: 'DEMO-MERCHANT-A', sku: 'GOOGLE-USA-10USD', quantity: 3 }] });
    expect((await find()).available).toBe(before.available - 3);
  });
});
