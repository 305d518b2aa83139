// listOrders: the caller's own orders, filtered (AND), sorted by orderColumn/order and paginated (S6, S10; DECISIONS #14-#16).
import { ok } from '../../src/core/result.ts';
import { compileSearch, pageOf, paginate, type ColumnSpec, type SearchFilter } from '../paging.ts';
import { SORT_COLUMNS, type AccountState, type OrderRecord, type SortColumn } from '../store.ts';
import type { Handler } from './handler.ts';

interface OrderListBody {
  page?: number;
  pageSize?: number;
  orderColumn?: 'orderDate' | 'orderAmount' | 'orderName';
  order?: 'ASC' | 'DESC';
  search?: SearchFilter[];
}

/** Search columns as documented: `ReferenceId` is PascalCase (S6, DECISIONS #15). */
const COLUMNS: Record<string, ColumnSpec<OrderRecord>> = {
  ReferenceId: { kind: 'text', read: (o) => o.referenceId },
  orderName: { kind: 'text', read: (o) => o.orderName },
  orderAmount: { kind: 'number', read: (o) => o.orderAmount },
  orderDate: { kind: 'date', read: (o) => o.orderDate },
};

/**
 * The orders in the requested order: the store keeps them in creation (date) order and by each other column, ascending
 * with creation order among equals, so no request sorts; DESC is the reverse (ties newest first). An unknown column
 * (the schema refuses it first) falls back to the date. 100,000 orders cost one filter pass and one reverse (D7).
 */
function ordered(account: AccountState, column: string, direction: 'ASC' | 'DESC', keep: (o: OrderRecord) => boolean): OrderRecord[] {
  const ascending = (SORT_COLUMNS as readonly string[]).includes(column) ? account.sorted[column as SortColumn] : account.orders;
  const matching = ascending.filter(keep);
  return direction === 'ASC' ? matching : matching.reverse();
}

/** The order list item (DECISIONS #14): itemCount is the number of units. */
export function presentOrder(order: OrderRecord) {
  return {
    orderName: order.orderName,
    orderDate: order.orderDate,
    orderAmount: order.orderAmount,
    referenceId: order.referenceId,
    itemCount: order.lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}

export const listOrders: Handler = ({ account, body, decisions }) => {
  const request = (body ?? {}) as OrderListBody;
  const matcher = compileSearch(request.search, COLUMNS);
  if (!matcher.ok) return matcher;
  const sorted = ordered(account, request.orderColumn ?? 'orderDate', request.order ?? 'DESC', matcher.value);
  const { page: number, pageSize } = pageOf(request, decisions.paging);
  const page = paginate(sorted, number, pageSize);
  return ok({ status: true, data: page.data.map(presentOrder), pageInfo: page.pageInfo });
};
