import type { StoreEvent, StoreShipmentItem } from '../store-connector.js';
import { carrierOf } from './magento2-carriers.js';
import { fromMagentoTime } from './magento2-search.js';
import { ORDER_ID_INFO, paymentInfo, type MagentoOrder, type MagentoShipment } from './magento2.types.js';

export const shipmentRef = (s: MagentoShipment): string => `shipment:${s.entity_id}`;
export const cancellationRef = (o: MagentoOrder): string => `cancel:${o.entity_id}`;

/**
 * Shipped quantities per Amazon item (a line split in two for exact prices ships as one item);
 * null = "every unshipped item": the shipment ships the whole order, or an item cannot be named.
 */
function itemsOf(s: MagentoShipment, order: MagentoOrder): StoreShipmentItem[] | null {
  const byId = new Map((order.items ?? []).map((i) => [i.item_id, i]));
  const shipped = new Map<string, StoreShipmentItem>();
  for (const line of s.items ?? []) {
    const orderItem = byId.get(line.order_item_id);
    const amazonId = orderItem?.ext_order_item_id?.trim();
    if (!orderItem || !amazonId) return null;
    const seen = shipped.get(amazonId);
    if (seen) seen.quantity += Number(line.qty);
    else shipped.set(amazonId, { orderItemId: amazonId, sku: orderItem.sku, quantity: Number(line.qty) });
  }
  const items = [...shipped.values()].filter((i) => i.quantity > 0);
  const ordered = (order.items ?? []).filter((i) => !i.parent_item_id);
  const whole =
    ordered.length > 0 &&
    ordered.every((i) => {
      const amazonId = i.ext_order_item_id?.trim() ?? '';
      const total = ordered
        .filter((o) => o.ext_order_item_id?.trim() === amazonId)
        .reduce((n, o) => n + Number(o.qty_ordered ?? 0), 0);
      return (shipped.get(amazonId)?.quantity ?? 0) >= total;
    });
  return items.length === 0 || whole ? null : items;
}

/** A shipment of OrderBridge's order → one 'shipment' event; other orders' shipments → none. */
export function shipmentEvent(s: MagentoShipment, order: MagentoOrder): StoreEvent | null {
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
    items: itemsOf(s, order),
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
