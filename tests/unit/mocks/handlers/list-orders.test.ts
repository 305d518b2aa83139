import { beforeEach, describe, expect, test } from 'vitest';
import { kit, kitCode } from '../../../support/decided.ts';
import { BRAVO, line, pinned, useTwin } from '../harness.ts';

const PATH = '/api/order/list';
let placed: Array<{ orderName: string; totalAmount: number }>;
// D6 pinned (a 400 names the field at fault): the refusal messages below exist only under that choice.
const ctx = useTwin({ decisions: pinned({ messagesNameField: true }) });
beforeEach(async () => {
  placed = [];
  const orders: Array<[string, ReturnType<typeof line>[]]> = [
    ['REF-A', [line('GOOGLE-USA-10USD', 1)]],
    ['REF-B', [line('STEAM-USA-50USD', 2)]],
    ['REF-C', [line('APPLE-USA-15USD', 1), line('APPLE-USA-2USD', 3)]],
  ];
  for (const [ref, body] of orders) placed.push((await ctx.twin.call('POST', `/api/order/pull-codes?referenceId=${ref}`, { body })).body.data);
});

const names = (body: { data: Array<{ orderName: string }> }) => body.data.map((o) => o.orderName);

describe('listOrders', () => {
  test('{} lists the account orders newest first with the documented item shape', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: {} });
    expect(names(answer.body)).toEqual(placed.map((o) => o.orderName).reverse());
    expect(answer.body.data[0]).toEqual({ orderName: placed[2].orderName, orderDate: expect.stringMatching(/Z$/), orderAmount: 21, referenceId: 'REF-C', itemCount: 4 });
    expect(answer.body.pageInfo).toEqual({ totalPage: 1, totalCount: 3, pageSize: kit.paging.pageSize.default, currentPage: kit.paging.page.default });
  });

  test('orderColumn orderAmount with order ASC sorts ascending', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { orderColumn: 'orderAmount', order: 'ASC' } });
    expect(answer.body.data.map((o: { orderAmount: number }) => o.orderAmount)).toEqual([10, 21, 100]);
  });

  test('orderColumn orderName DESC sorts by name', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { orderColumn: 'orderName', order: 'DESC' } });
    expect(names(answer.body)).toEqual(placed.map((o) => o.orderName).sort().reverse());
  });

  test('search by ReferenceId Equals finds one order', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { search: [{ column: 'ReferenceId', operator: 'Equals', value: 'REF-B' }] } });
    expect(names(answer.body)).toEqual([placed[1].orderName]);
  });

  test('orderAmount GreaterThan compares numerically and filters combine with AND', async () => {
    const wide = await ctx.twin.call('POST', PATH, { body: { search: [{ column: 'orderAmount', operator: 'GreaterThan', value: '9.5' }] } });
    expect(wide.body.pageInfo.totalCount).toBe(3);
    const narrow = await ctx.twin.call('POST', PATH, {
      body: { search: [{ column: 'orderAmount', operator: 'GreaterThan', value: '20' }, { column: 'ReferenceId', operator: 'Equals', value: 'REF-C' }] },
    });
    expect(names(narrow.body)).toEqual([placed[2].orderName]);
  });

  test('a non-numeric orderAmount value is 400 naming the filter', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { search: [{ column: 'orderAmount', operator: 'GreaterThan', value: 'lots' }] } });
    expect(answer.body.error).toEqual({ code: kitCode(400), message: "body.search[0].value 'lots' is not a valid number for column 'orderAmount'." });
  });

  test('orderDate GreaterThan a past timestamp keeps every order', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { search: [{ column: 'orderDate', operator: 'GreaterThan', value: '2000-01-01T00:00:00Z' }] } });
    expect(answer.body.pageInfo.totalCount).toBe(3);
  });

  test('pages of size 2 do not overlap', async () => {
    const one = await ctx.twin.call('POST', PATH, { body: { pageSize: 2, page: 1 } });
    const two = await ctx.twin.call('POST', PATH, { body: { pageSize: 2, page: 2 } });
    expect([...names(one.body), ...names(two.body)].sort()).toEqual(placed.map((o) => o.orderName).sort());
    expect(two.body.pageInfo).toEqual({ totalPage: 2, totalCount: 3, pageSize: 2, currentPage: 2 });
  });

  test('another account sees none of these orders', async () => {
    const answer = await ctx.twin.call('POST', PATH, { key: BRAVO.key, body: {} });
    expect(answer.body.data).toEqual([]);
  });

  test('an unknown orderColumn is 400', async () => {
    const answer = await ctx.twin.call('POST', PATH, { body: { orderColumn: 'price' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('body.orderColumn must be equal to one of the allowed values: orderDate, orderAmount, orderName.');
  });
});
