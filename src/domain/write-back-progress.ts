import type { AmazonOrderStatus } from './amazon-order.js';
import type { OrderLine } from './order.js';
import { isOrderStatus, transition, type OrderStatus } from './order-status.js';
import type { ShipmentItemQuantity } from './write-back.js';

/**
 * What a write-back that just succeeded means for the order before the next pull reads Amazon's
 * data again (PRODUCT.md §6–§7): a store shipment moves the store state, a confirmed shipment or an
 * applied cancellation moves Amazon's status and OrderBridge's status through the state machine.
 */

/** Why a store shipment or cancellation of an FBA order stays on the timeline and is not a failure. */
export const FBA_NOT_SENT = 'not sent to Amazon: Amazon fulfils FBA orders';

/** Units of the order's item lines not yet shipped or cancelled, counting these shipments as shipped. */
export function unitsLeft(
  lines: readonly OrderLine[],
  shipped: ReadonlyArray<{ items: readonly ShipmentItemQuantity[] }>,
): number {
  const sent = new Map<string, number>();
  for (const s of shipped)
    for (const i of s.items) sent.set(i.orderItemId, (sent.get(i.orderItemId) ?? 0) + i.quantity);
  let left = 0;
  for (const l of lines) {
    if (l.kind !== 'item') continue;
    // Amazon's count may already include our shipments: take the larger, never both.
    const done = Math.max(l.quantityShipped, sent.get(l.amazonOrderItemId) ?? 0) + l.quantityCancelled;
    left += Math.max(0, l.quantityOrdered - done);
  }
  return left;
}

export interface AmazonProgress {
  amazonStatus: AmazonOrderStatus;
  status: OrderStatus;
}

/**
 * Amazon's side after a confirmShipment succeeded: SHIPPED (and OrderBridge status `shipped`) when no
 * unit is left, else PARTIALLY_SHIPPED with the status unchanged. null = the state machine refuses it.
 */
export function progressAfterShipment(
  currentStatus: string,
  lines: readonly OrderLine[],
  confirmed: ReadonlyArray<{ items: readonly ShipmentItemQuantity[] }>,
): AmazonProgress | null {
  if (!isOrderStatus(currentStatus)) return null;
  if (unitsLeft(lines, confirmed) > 0) return { amazonStatus: 'PARTIALLY_SHIPPED', status: currentStatus };
  const moved = transition(currentStatus, 'shipped');
  return moved.ok ? { amazonStatus: 'SHIPPED', status: moved.value } : null;
}

/**
 * Amazon's side after it applied a store cancellation: CANCELLED (status `cancelled`) when the
 * cancellation covered every open unit; a partial one leaves the order as it is. null = no change.
 */
export function progressAfterCancellation(
  currentStatus: string,
  lines: readonly OrderLine[],
  cancelled: readonly ShipmentItemQuantity[],
): AmazonProgress | null {
  if (!isOrderStatus(currentStatus)) return null;
  if (unitsLeft(lines, [{ items: cancelled }]) > 0) return null;
  const moved = transition(currentStatus, 'cancelled');
  return moved.ok ? { amazonStatus: 'CANCELLED', status: moved.value } : null;
}
