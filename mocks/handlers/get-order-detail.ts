// getOrderDetail: one of the caller's orders with its lines and serials; unknown names are 404, foreign ones as decided (DECISIONS #18, #19).
import { err, ok } from '../../src/core/result.ts';
import { decidedError, vendorError } from '../errors.ts';
import type { Handler } from './handler.ts';

/** Only the caller's own orders are answered; another account's order gets the decided refusal (decisions.yaml `otherAccountOrder`, 404 today: indistinguishable from an unknown one). */
export const getOrderDetail: Handler = ({ account, store, query, decisions }) => {
  const name = query.orderName ?? '';
  const order = account.byName.get(name);
  if (!order && store.orderNameTaken(name)) {
    const refusal = decisions.otherAccountOrder;
    return err(decidedError(refusal, refusal.status === 404 ? `Order '${name}' was not found.` : `Order '${name}' belongs to another account.`));
  }
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
