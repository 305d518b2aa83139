// listOrders: the caller's own orders, filtered (AND), sorted by orderColumn/order and paginated (S6, S10; DECISIONS #14-#16).
import { ok } from '../../src/core/result.ts';
import { compileSearch, pageOf, paginate, type ColumnSpec, type SearchFilter } from '../paging.ts';
import type { OrderRecord } from '../store.ts';
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

const SORT_KEYS: Record<string, (o: OrderRecord) => number | string> = {
  orderDate: (o) => o.sequence,
  orderAmount: (o) => o.orderAmount,
  orderName: (o) => o.orderName,
};

/**
 * Sort with the creation sequence as tie-breaker, so pages never overlap. Orders are stored in creation order, so by
 * date (the default) they need no sort at all: 100,000 orders cost one reverse, not a comparison sort (D7).
 */
function sortOrders(orders: OrderRecord[], column: string, direction: 'ASC' | 'DESC'): OrderRecord[] {
  if (!(column in SORT_KEYS) || column === 'orderDate') return direction === 'ASC' ? orders : orders.reverse();
  const key = SORT_KEYS[column]!;
  const sign = direction === 'ASC' ? 1 : -1;
  return [...orders].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    return (a.sequence - b.sequence) * sign;
  });
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
  const sorted = sortOrders(account.orders.filter(matcher.value), request.orderColumn ?? 'orderDate', request.order ?? 'DESC');
  const { page: number, pageSize } = pageOf(request, decisions.paging);
  const page = paginate(sorted, number, pageSize);
  return ok({ status: true, data: page.data.map(presentOrder), pageInfo: page.pageInfo });
};
