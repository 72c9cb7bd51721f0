import { displayFulfillmentStatus } from './order-status.js';
import type { OrderRecord } from './shop-model.js';
import type { ShopState } from './shop-state.js';

/** Cancelling an order, shared by `orderCancel` (as an async Job) and the merchant's control action. */
export type CancelCheck = { ok: true } | { ok: false; message: string; code: string };

export function canCancel(order: OrderRecord): CancelCheck {
  if (order.cancelledAt !== null) return { ok: false, message: 'Order has already been cancelled', code: 'INVALID' };
  if (displayFulfillmentStatus(order) !== 'UNFULFILLED') {
    return {
      ok: false,
      message: 'Cannot cancel an order with fulfilled items; cancel the fulfillments first',
      code: 'INVALID',
    };
  }
  return { ok: true };
}

/** Applies the cancellation (the job's work); restock returns the claimed stock. */
export function applyCancel(
  state: ShopState,
  order: OrderRecord,
  reason: string,
  restock: boolean,
  staffNote: string | null,
): void {
  if (order.cancelledAt !== null) return;
  const now = state.clock.nowIso();
  order.cancelledAt = now;
  order.cancelReason = reason;
  order.closedAt = now;
  if (staffNote) order.note = order.note ? `${order.note}\n${staffNote}` : staffNote;
  if (order.financialStatus === 'PAID') order.financialStatus = 'REFUNDED';
  for (const l of order.lineItems) {
    const v = l.variantId === null ? undefined : state.variants.get(l.variantId);
    // BYPASS orders never claimed stock, so there is nothing to give back.
    if (!v?.tracked || !order.decremented) continue;
    // The claim is released either way; restock puts the goods back into `available`.
    state.changeAvailable(v.inventoryItemId, order.locationId, restock ? l.quantity : 0, -l.quantity);
  }
  state.touchOrder(order, ['orders/cancelled', 'orders/updated']);
}
