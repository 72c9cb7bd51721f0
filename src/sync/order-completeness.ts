import type { AmazonOrder } from '../domain/amazon-order.js';

/** Data sets every import asks Amazon for, so orders normally arrive complete from searchOrders. */
export const IMPORT_INCLUDED_DATA = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'FULFILLMENT',
  'PROMOTION',
  'CANCELLATION',
  'TAX',
  'PACKAGES',
] as const;

const PRICED_STATUSES = new Set(['UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED']);

/**
 * Why a searchOrders result must be fetched again with getOrder, or null when it is complete.
 * Amazon withholds prices and addresses while an order is Pending, so only released orders are checked.
 */
export function missingData(order: AmazonOrder): string | null {
  if (!PRICED_STATUSES.has(order.status)) return null;
  if (order.items.length === 0) return 'order has no items';
  const unpriced = order.items.filter((i) => i.money === null && i.quantityOrdered > 0);
  if (unpriced.length > 0 && !order.isReplacement) return `prices missing on ${unpriced.length} item(s)`;
  if (order.fulfillmentChannel === 'MFN' && order.status !== 'SHIPPED' && order.shippingAddress === null) {
    return 'delivery address missing';
  }
  return null;
}
