import type { LineItemRecord, OrderRecord } from './shop-model.js';

/** Derived order state: fulfilled quantities and Shopify's display statuses. */
export function fulfilledQuantity(order: OrderRecord, lineItemId: number): number {
  let n = 0;
  for (const f of order.fulfillments) {
    if (f.status !== 'SUCCESS') continue;
    for (const l of f.lines) if (l.lineItemId === lineItemId) n += l.quantity;
  }
  return n;
}

export function remainingQuantity(order: OrderRecord, line: LineItemRecord): number {
  if (order.cancelledAt !== null || !line.requiresShipping) return 0;
  return Math.max(0, line.quantity - fulfilledQuantity(order, line.id));
}

export function displayFulfillmentStatus(order: OrderRecord): string {
  const shippable = order.lineItems.filter((l) => l.requiresShipping);
  if (shippable.length === 0) return 'FULFILLED';
  const done = shippable.reduce((s, l) => s + Math.min(l.quantity, fulfilledQuantity(order, l.id)), 0);
  const total = shippable.reduce((s, l) => s + l.quantity, 0);
  if (done === 0) return 'UNFULFILLED';
  return done >= total ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
}

/** FulfillmentOrderStatus of the order's single fulfillment order. */
export function fulfillmentOrderStatus(order: OrderRecord): string {
  if (order.cancelledAt !== null) return 'CANCELLED';
  const status = displayFulfillmentStatus(order);
  if (status === 'FULFILLED') return 'CLOSED';
  return status === 'PARTIALLY_FULFILLED' ? 'IN_PROGRESS' : 'OPEN';
}
