// semantics.pagination: pages hold at most pageSize items, pageInfo agrees with the request and totalCount, no duplicates.
import type { SpecOperation } from '../../spec/spec.ts';
import type { Exchange } from '../targets/target.ts';
import type { CheckContext } from './context.ts';
import { defineActiveCheck, fail, pass, type Outcome } from './check.ts';
import { basis } from './lib/basis.ts';
import { forEachOperation } from './lib/for-each-operation.ts';
import { isObject } from './lib/text.ts';

export const PAGINATION = { pageSize: 2, maxPages: 3 } as const;

/** The identity of an item in each paginated list (S4, S6). */
const ITEM_KEY: Record<string, string> = { listProducts: 'productCode', listOrders: 'orderName' };
const isList = (operation: SpecOperation) => operation.operationId in ITEM_KEY;

interface Page {
  exchange: Exchange;
  items: string[];
  info: Record<string, unknown>;
}

/** Problems of one page against the request (page n, size p) and its own totalCount (DECISIONS #7). */
function pageProblems(page: Page, n: number, size: number): string[] {
  const { items, info } = page;
  const total = Number(info.totalCount);
  const expected = Math.max(0, Math.min(size, total - (n - 1) * size));
  const problems: string[] = [];
  if (items.length > size) problems.push(`returned ${items.length} items, more than pageSize ${size}`);
  else if (items.length !== expected) problems.push(`returned ${items.length} items; with totalCount ${total} the page should hold ${expected}`);
  if (info.pageSize !== size) problems.push(`pageInfo.pageSize is ${JSON.stringify(info.pageSize)}, not the requested ${size}`);
  if (info.currentPage !== n) problems.push(`pageInfo.currentPage is ${JSON.stringify(info.currentPage)}, not the requested ${n}`);
  if (info.totalPage !== Math.ceil(total / size)) problems.push(`pageInfo.totalPage is ${JSON.stringify(info.totalPage)}; totalCount ${total} / pageSize ${size} gives ${Math.ceil(total / size)}`);
  const dupe = items.find((item, i) => items.indexOf(item) !== i);
  if (dupe) problems.push(`item "${dupe}" appears twice on the page`);
  return problems;
}

async function fetchPage(ctx: CheckContext, operation: SpecOperation, n: number): Promise<Page | Outcome> {
  const exchange = await ctx.send({ operation, body: { page: n, pageSize: PAGINATION.pageSize } });
  const json = exchange.response.json;
  if (exchange.response.status !== 200 || !isObject(json) || !Array.isArray(json.data) || !isObject(json.pageInfo)) {
    return fail(`${operation.label}: page ${n} (pageSize ${PAGINATION.pageSize}) answered HTTP ${exchange.response.status} without data and pageInfo; the spec documents 200 with both.`, exchange);
  }
  const key = ITEM_KEY[operation.operationId];
  const items = json.data.map((item) => String(isObject(item) ? item[key] : item));
  return { exchange, items, info: json.pageInfo };
}

/** The largest documented page (decisions paging.pageSize.max, S1/S4's 100) must be served, not refused. */
async function largestPage(ctx: CheckContext, operation: SpecOperation): Promise<Outcome | undefined> {
  const max = ctx.decisions.paging.pageSize.max;
  const exchange = await ctx.send({ operation, body: { page: 1, pageSize: max } });
  if (exchange.response.status === 200) return undefined;
  return fail(`${operation.label}: page 1 with pageSize ${max} (the documented maximum) answered HTTP ${exchange.response.status}; the spec documents 200 for any pageSize from 1 to ${max}.`, exchange, basis(['7'], ['S1', 'S4']));
}

/** Walk the first pages and the one past the end; report every inconsistency with the page it was seen on. */
async function walk(ctx: CheckContext, operation: SpecOperation): Promise<Outcome[]> {
  const refused = await largestPage(ctx, operation);
  const outcomes: Outcome[] = refused ? [refused] : [];
  const seenOn = new Map<string, number>();
  let last: number = PAGINATION.maxPages;
  for (let n = 1; n <= last + 1; n++) {
    const page = await fetchPage(ctx, operation, n);
    if (!('items' in page)) return [page];
    if (n === 1) last = Math.min(PAGINATION.maxPages, Number(page.info.totalPage) || 0);
    const label = `${operation.label}: page ${n} (pageSize ${PAGINATION.pageSize})`;
    for (const problem of pageProblems(page, n, PAGINATION.pageSize)) outcomes.push(fail(`${label} ${problem}.`, page.exchange));
    for (const item of new Set(page.items)) {
      const earlier = seenOn.get(item);
      if (earlier !== undefined) outcomes.push(fail(`${label}: item "${item}" already appeared on page ${earlier}; pages must not overlap.`, page.exchange));
      else seenOn.set(item, n);
    }
    if (n > last) break;
  }
  return outcomes.length ? outcomes : [pass()];
}

export const semanticsPagination = defineActiveCheck({
  id: 'semantics.pagination',
  title: 'Pagination inconsistent',
  severity: 'medium',
  basis: basis(['7'], ['S4', 'S10']),
  description: 'More items than pageSize, pageInfo that disagrees with the request or totalCount, the same item twice within or across pages, or the documented largest page (pageSize 100) refused.',
  requires: ['keepsState'],
  appliesTo: isList,
  run: (ctx) => forEachOperation(ctx, { auth: 'header', filter: isList }, (operation) => walk(ctx, operation)),
});
