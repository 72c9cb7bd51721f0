import type { StoreEvent, StoreShipmentItem } from '../store-connector.js';
import { carrierOf } from './magento2-carriers.js';
import { attribute, parseItemIds } from './magento2-item-ids.js';
import { fromMagentoTime } from './magento2-search.js';
import { ORDER_ID_INFO, paymentInfo, type MagentoOrder, type MagentoShipment } from './magento2.types.js';

export const shipmentRef = (s: MagentoShipment): string => `shipment:${s.entity_id}`;
export const cancellationRef = (o: MagentoOrder): string => `cancel:${o.entity_id}`;

/** Order item id → units of it shipped by earlier shipments (only needed for merged cart items). */
export type EarlierShipped = ReadonlyMap<number, number>;

/** true when a line of the shipment is a Magento item carrying several Amazon items. */
export const needsEarlierShipped = (s: MagentoShipment, order: MagentoOrder): boolean =>
  (s.items ?? []).some(
    (l) => parseItemIds(order.items?.find((i) => i.item_id === l.order_item_id)?.ext_order_item_id).length > 1,
  );

/**
 * Shipped quantities per Amazon item (a line split in two for exact prices ships as one item; a
 * merged cart item's units go to its Amazon items in order); null = "every unshipped item": the
 * shipment ships the whole order, or names an item that is not Amazon's.
 */
function itemsOf(s: MagentoShipment, order: MagentoOrder, earlier: EarlierShipped): StoreShipmentItem[] | null {
  const byId = new Map((order.items ?? []).map((i) => [i.item_id, i]));
  const shipped = new Map<string, StoreShipmentItem>();
  const perItem = new Map<number, number>();
  for (const line of s.items ?? []) {
    const orderItem = byId.get(line.order_item_id);
    const shares = parseItemIds(orderItem?.ext_order_item_id);
    if (!orderItem || shares.length === 0) return null;
    const qty = Number(line.qty);
    perItem.set(line.order_item_id, (perItem.get(line.order_item_id) ?? 0) + qty);
    for (const part of attribute(shares, earlier.get(line.order_item_id) ?? 0, qty)) {
      const seen = shipped.get(part.orderItemId);
      if (seen) seen.quantity += part.quantity;
      else
        shipped.set(part.orderItemId, { orderItemId: part.orderItemId, sku: orderItem.sku, quantity: part.quantity });
    }
  }
  const items = [...shipped.values()].filter((i) => i.quantity > 0);
  const ordered = (order.items ?? []).filter((i) => !i.parent_item_id);
  const whole =
    ordered.length > 0 && ordered.every((i) => (perItem.get(i.item_id ?? -1) ?? 0) >= Number(i.qty_ordered ?? 0));
  return items.length === 0 || whole ? null : items;
}

/** A shipment of OrderBridge's order → one 'shipment' event; other orders' shipments → none. */
export function shipmentEvent(
  s: MagentoShipment,
  order: MagentoOrder,
  earlier: EarlierShipped = new Map(),
): StoreEvent | null {
  const orderId = paymentInfo(order, ORDER_ID_INFO);
  if (orderId === null) return null;
  const track = s.tracks?.[0];
  return {
    kind: 'shipment',
    storeRef: shipmentRef(s),
    orderId,
    ...carrierOf(track?.carrier_code, track?.title),
    shippingMethod: null,
    trackingNumber: track?.track_number?.trim() || null,
    shipDate: fromMagentoTime(s.created_at) ?? fromMagentoTime(s.updated_at) ?? new Date(0).toISOString(),
    items: itemsOf(s, order, earlier),
  };
}

/** Cancelled, or closed by a credit memo before anything shipped. */
const cancelled = (o: MagentoOrder): boolean =>
  o.state === 'canceled' || (o.state === 'closed' && (o.items ?? []).every((i) => Number(i.qty_shipped ?? 0) === 0));

/** A cancelled order of OrderBridge's → one 'cancellation' of every open line. */
export function cancellationEvent(o: MagentoOrder): StoreEvent | null {
  const orderId = paymentInfo(o, ORDER_ID_INFO);
  if (orderId === null || !cancelled(o)) return null;
  return {
    kind: 'cancellation',
    storeRef: cancellationRef(o),
    orderId,
    items: null,
    occurredAt: fromMagentoTime(o.updated_at) ?? new Date(0).toISOString(),
  };
}
