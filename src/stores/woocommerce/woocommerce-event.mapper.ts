import type { StoreEvent } from '../store-connector.js';
import { availableOf, refOf } from './woocommerce-product.mapper.js';
import {
  META,
  gmtToIso,
  metaValue,
  type WooOrder,
  type WooProduct,
  type WooTrackingItem,
} from './woocommerce.types.js';

/**
 * A WooCommerce order (REST or webhook JSON) → OrderBridge events. Only orders carrying
 * `_orderbridge_order_id` count. Each Shipment Tracking item is one shipment of the WHOLE order
 * (the extension is order-level, so `items` is null); `storeRef` = "<orderId>:<tracking_id>".
 * Status `cancelled` → one cancellation, storeRef "<orderId>:cancelled".
 */
export function orderEvents(order: WooOrder): StoreEvent[] {
  const orderId = metaValue(order.meta_data, META.orderId);
  if (typeof orderId !== 'string' || orderId === '') return [];
  const events: StoreEvent[] = [];
  const modified = gmtToIso(order.date_modified_gmt);
  for (const item of trackingItems(order)) {
    const number = item.tracking_number?.trim() ?? '';
    const custom = item.custom_tracking_provider?.trim() ?? '';
    const provider = item.tracking_provider?.trim() ?? '';
    events.push({
      kind: 'shipment',
      storeRef: `${order.id}:${item.tracking_id ?? number}`,
      orderId,
      carrier: provider || custom || null,
      carrierName: custom || null,
      shippingMethod: order.shipping_lines[0]?.method_title ?? null,
      trackingNumber: number || null,
      shipDate: shipDate(item.date_shipped) ?? modified,
      items: null,
    });
  }
  if (order.status === 'cancelled') {
    events.push({
      kind: 'cancellation',
      storeRef: `${order.id}:cancelled`,
      orderId,
      items: null,
      occurredAt: modified,
    });
  }
  return events;
}

function trackingItems(order: WooOrder): WooTrackingItem[] {
  const value = metaValue(order.meta_data, META.tracking);
  return Array.isArray(value) ? value.filter((v): v is WooTrackingItem => typeof v === 'object' && v !== null) : [];
}

/** The extension stores a unix timestamp (seconds, usually a string). */
function shipDate(value: string | number | undefined): string | null {
  const seconds = typeof value === 'number' ? value : Number(value);
  if (value === undefined || value === '' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000).toISOString();
}

/** A product or variation whose stock WooCommerce manages → one 'stock' event. */
export function stockEvent(p: WooProduct, parentId?: number): StoreEvent | null {
  const available = availableOf(p);
  if (available === null) return null;
  return {
    kind: 'stock',
    productRef: refOf(p, parentId),
    sku: p.sku === '' ? null : p.sku,
    available,
    occurredAt: gmtToIso(p.date_modified_gmt),
  };
}
