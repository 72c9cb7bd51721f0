import { displayFulfillmentStatus, remainingQuantity } from './order-status.js';
import type { FulfillmentRecord, OrderRecord } from './shop-model.js';
import type { ShopState } from './shop-state.js';

/** Fulfilling (part of) an order, shared by `fulfillmentCreate` and the merchant's control action. */
export interface FulfilInput {
  /** null = everything still open. */
  lines: { lineItemId: number; quantity: number }[] | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
}

export type FulfilResult = { ok: true; fulfillment: FulfillmentRecord } | { ok: false; message: string };

export function fulfil(state: ShopState, order: OrderRecord, input: FulfilInput): FulfilResult {
  if (order.cancelledAt !== null)
    return { ok: false, message: 'Fulfillment order is not in an actionable state (the order is cancelled)' };
  const wanted =
    input.lines ??
    order.lineItems
      .map((l) => ({ lineItemId: l.id, quantity: remainingQuantity(order, l) }))
      .filter((l) => l.quantity > 0);
  for (const w of wanted) {
    const line = order.lineItems.find((l) => l.id === w.lineItemId);
    if (!line) return { ok: false, message: `Line item ${w.lineItemId} does not belong to order ${order.name}` };
    if (!Number.isInteger(w.quantity) || w.quantity <= 0)
      return { ok: false, message: 'Quantity must be greater than 0' };
    if (w.quantity > remainingQuantity(order, line)) {
      return {
        ok: false,
        message: `Invalid fulfillment order line item quantity requested for ${line.sku ?? line.title}`,
      };
    }
  }
  if (wanted.length === 0) return { ok: false, message: 'The order has nothing left to fulfil' };
  const now = state.clock.nowIso();
  const record: FulfillmentRecord = {
    id: state.nextId(),
    status: 'SUCCESS',
    trackingCompany: input.trackingCompany,
    trackingNumber: input.trackingNumber,
    trackingUrl: input.trackingUrl,
    createdAt: now,
    updatedAt: now,
    lines: wanted.map((w) => ({ id: state.nextId(), lineItemId: w.lineItemId, quantity: w.quantity })),
  };
  order.fulfillments.push(record);
  // Shipped goods leave on_hand; `available` was already reduced when the order claimed them (BYPASS: untouched).
  for (const w of wanted) {
    const line = order.lineItems.find((l) => l.id === w.lineItemId);
    const v = line?.variantId != null ? state.variants.get(line.variantId) : undefined;
    if (v?.tracked && order.decremented) state.changeAvailable(v.inventoryItemId, order.locationId, 0, -w.quantity);
  }
  const status = displayFulfillmentStatus(order);
  const topic = status === 'FULFILLED' ? 'orders/fulfilled' : 'orders/partially_fulfilled';
  state.touchOrder(order, ['fulfillments/create', topic, 'orders/updated'], record.id);
  return { ok: true, fulfillment: record };
}
