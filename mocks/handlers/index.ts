// The explicit table operationId → stateful handler (no globbing, no registration at import time).
import { getBalance } from './get-balance.ts';
import { getOrderDetail } from './get-order-detail.ts';
import type { Handler } from './handler.ts';
import { listOrders } from './list-orders.ts';
import { listProducts } from './list-products.ts';
import { pullCodes } from './pull-codes.ts';

/** One handler per spec operation; a test asserts this table and the spec's operationIds match. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  listProducts,
  pullCodes,
  listOrders,
  getOrderDetail,
  getBalance,
};
