// getOrderDetail: one of the caller's orders with its lines and serials; unknown or foreign names are 404 (DECISIONS #18, #19).
import { err, ok } from '../../src/core/result.ts';
import { vendorError } from '../errors.ts';
import type { Handler } from './handler.ts';

/** Only the caller's own orders are looked up, so a foreign order is indistinguishable from an unknown one. */
export const getOrderDetail: Handler = ({ account, query }) => {
  const name = query.orderName ?? '';
  const order = account.byName.get(name);
  if (!order) return err(vendorError('NOT_FOUND', `Order '${name}' was not found.`));
  return ok({
    status: true,
    data: {
      orderName: order.orderName,
      orderDate: order.orderDate,
      orderAmount: order.orderAmount,
      referenceId: order.referenceId,
      orderData: order.lines.map((l) => ({ sku: l.sku, productName: l.productName, quantity: l.quantity, unitPrice: l.unitPrice, serials: l.serials })),
    },
  });
};
