import type { StoreEvent, StoreShipmentItem } from '../store-connector.js';
import { carrierOf } from './shopify-carriers.js';
import { LINE_ITEM_PROPERTY } from './shopify-order.input.js';
import type { ShopifyAttribute, ShopifyPolledFulfillment, ShopifyPolledOrder } from './shopify.types.js';

export const ORDER_ID_ATTRIBUTE = 'orderbridge_order_id';

const attr = (list: readonly ShopifyAttribute[], key: string): string | null =>
  list.find((a) => a.key === key)?.value?.trim() || null;

export const cancellationRef = (orderGid: string): string => `${orderGid}:cancel`;

/** Fulfilled quantities per Amazon item (a line split in two for exact prices ships as one item). */
function itemsOf(f: ShopifyPolledFulfillment): StoreShipmentItem[] {
  const byKey = new Map<string, StoreShipmentItem>();
  for (const n of f.fulfillmentLineItems.nodes) {
    const orderItemId = attr(n.lineItem.customAttributes, LINE_ITEM_PROPERTY);
    const key = orderItemId ?? `sku:${n.lineItem.sku ?? n.lineItem.id}`;
    const quantity = n.quantity ?? 0;
    const seen = byKey.get(key);
    if (seen) seen.quantity += quantity;
    else byKey.set(key, { orderItemId, sku: n.lineItem.sku ?? null, quantity });
  }
  return [...byKey.values()].filter((i) => i.quantity > 0);
}

/** true when the fulfilment ships every line of the order in full (the order arrived in one parcel). */
function wholeOrder(f: ShopifyPolledFulfillment, order: ShopifyPolledOrder): boolean {
  const lines = order.lineItems?.nodes ?? [];
  if (lines.length === 0) return false;
  const shipped = new Map<string, number>();
  for (const n of f.fulfillmentLineItems.nodes)
    shipped.set(n.lineItem.id, (shipped.get(n.lineItem.id) ?? 0) + (n.quantity ?? 0));
  return lines.every((l) => l.quantity !== undefined && (shipped.get(l.id) ?? 0) >= l.quantity);
}

/**
 * One order → its events: a 'shipment' per SUCCESS fulfilment (storeRef = the fulfilment GID) and
 * a 'cancellation' of the whole order when cancelled (storeRef = order GID + ':cancel'). The poll
 * and every webhook topic produce the same storeRefs, so repeats de-duplicate downstream. Orders
 * without `orderbridge_order_id` are not OrderBridge's.
 */
export function orderEvents(order: ShopifyPolledOrder): StoreEvent[] {
  const orderId = attr(order.customAttributes, ORDER_ID_ATTRIBUTE);
  if (orderId === null) return [];
  const events: StoreEvent[] = [];
  for (const f of order.fulfillments) {
    if (f.status.toUpperCase() !== 'SUCCESS') continue;
    const tracking = f.trackingInfo[0];
    const items = itemsOf(f);
    events.push({
      kind: 'shipment',
      storeRef: f.id,
      orderId,
      ...carrierOf(tracking?.company),
      shippingMethod: null,
      trackingNumber: tracking?.number?.trim() || null,
      shipDate: new Date(f.createdAt).toISOString(),
      // A parcel with the whole order ships "every unshipped item" (Amazon may have shipped some units
      // before the order reached the store); a partial one names its items and quantities.
      items: items.length > 0 && !wholeOrder(f, order) ? items : null,
    });
  }
  if (order.cancelledAt) {
    events.push({
      kind: 'cancellation',
      storeRef: cancellationRef(order.id),
      orderId,
      items: null,
      occurredAt: new Date(order.cancelledAt).toISOString(),
    });
  }
  return events;
}
