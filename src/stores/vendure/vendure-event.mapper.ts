import type { StoreEvent, StoreShipmentItem } from '../store-connector.js';
import type { VendurePolledOrder } from './vendure.types.js';

/** Fulfilment states that mean "left the warehouse". */
export const SHIPPED_STATES = new Set(['Shipped', 'Delivered']);

const toIso = (value: string): string => new Date(value).toISOString();

/**
 * One polled order → its events: a 'shipment' per fulfilment in Shipped/Delivered (storeRef = the
 * fulfilment id, stable across polls and equal to the webhook's) and a 'cancellation' of every open
 * line when the order is Cancelled. Partial line cancellations are only pushed by the plugin.
 */
export function orderEvents(order: VendurePolledOrder): StoreEvent[] {
  const orderId = order.customFields.orderBridgeOrderId;
  if (orderId === null) return [];
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const events: StoreEvent[] = [];
  for (const f of order.fulfillments ?? []) {
    if (!SHIPPED_STATES.has(f.state)) continue;
    const items: StoreShipmentItem[] = f.lines.map((fl) => {
      const line = lines.get(fl.orderLineId);
      return {
        orderItemId: line?.customFields.amazonOrderItemId ?? null,
        sku: line?.productVariant?.sku ?? null,
        quantity: fl.quantity,
      };
    });
    events.push(
      shipmentEvent(
        { id: f.id, method: f.method, trackingCode: f.trackingCode, createdAt: f.createdAt },
        orderId,
        items,
      ),
    );
  }
  if (order.state === 'Cancelled') {
    events.push({
      kind: 'cancellation',
      storeRef: cancellationRef(order.id),
      orderId,
      items: null,
      occurredAt: toIso(order.updatedAt),
    });
  }
  return events;
}

export function shipmentEvent(
  f: { id: string; method: string; trackingCode: string | null; createdAt: string },
  orderId: string,
  items: StoreShipmentItem[],
): StoreEvent {
  const method = f.method.trim() || null;
  return {
    kind: 'shipment',
    storeRef: f.id,
    orderId,
    carrier: method,
    carrierName: method,
    shippingMethod: null,
    trackingNumber: f.trackingCode?.trim() || null,
    shipDate: toIso(f.createdAt),
    items,
  };
}

export const cancellationRef = (vendureOrderId: string): string => `cancel:${vendureOrderId}`;
