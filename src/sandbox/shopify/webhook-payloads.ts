import { gid } from './constants.js';
import { displayFulfillmentStatus } from './order-status.js';
import type { FulfillmentRecord, OrderRecord } from './shop-model.js';
import type { ShopState } from './shop-state.js';

/** REST-style (snake_case) webhook bodies, as Shopify sends them. */
const taxLines = (list: OrderRecord['orderTaxLines']) =>
  list.map((t) => ({ title: t.title, rate: Number(t.rate), price: t.amount, channel_liable: t.channelLiable }));

export function fulfillmentPayload(o: OrderRecord, f: FulfillmentRecord): Record<string, unknown> {
  return {
    id: f.id,
    admin_graphql_api_id: gid('Fulfillment', f.id),
    order_id: o.id,
    name: `${o.name}.${o.fulfillments.indexOf(f) + 1}`,
    status: f.status === 'SUCCESS' ? 'success' : 'cancelled',
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    tracking_company: f.trackingCompany,
    tracking_number: f.trackingNumber,
    tracking_numbers: f.trackingNumber ? [f.trackingNumber] : [],
    tracking_url: f.trackingUrl,
    tracking_urls: f.trackingUrl ? [f.trackingUrl] : [],
    line_items: f.lines.map((l) => {
      const line = o.lineItems.find((x) => x.id === l.lineItemId);
      return {
        id: l.lineItemId,
        admin_graphql_api_id: gid('LineItem', l.lineItemId),
        sku: line?.sku ?? null,
        quantity: l.quantity,
      };
    }),
  };
}

export function orderPayload(o: OrderRecord): Record<string, unknown> {
  const status = displayFulfillmentStatus(o);
  return {
    id: o.id,
    admin_graphql_api_id: gid('Order', o.id),
    name: o.name,
    order_number: o.number,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    processed_at: o.processedAt,
    cancelled_at: o.cancelledAt,
    cancel_reason: o.cancelReason?.toLowerCase() ?? null,
    closed_at: o.closedAt,
    currency: o.currency,
    taxes_included: o.taxesIncluded,
    financial_status: o.financialStatus.toLowerCase(),
    fulfillment_status: status === 'FULFILLED' ? 'fulfilled' : status === 'PARTIALLY_FULFILLED' ? 'partial' : null,
    note: o.note,
    tags: o.tags.join(', '),
    source_name: o.sourceName,
    source_identifier: o.sourceIdentifier,
    note_attributes: o.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    subtotal_price: o.totals.subtotal,
    total_tax: o.totals.tax,
    total_price: o.totals.total,
    line_items: o.lineItems.map((l) => ({
      id: l.id,
      admin_graphql_api_id: gid('LineItem', l.id),
      sku: l.sku,
      variant_id: l.variantId,
      title: l.title,
      quantity: l.quantity,
      price: l.unitPrice,
      properties: l.properties.map((p) => ({ ...p })),
      tax_lines: taxLines(l.taxLines),
    })),
    shipping_lines: o.shippingLines.map((s) => ({
      id: s.id,
      title: s.title,
      price: s.price,
      tax_lines: taxLines(s.taxLines),
    })),
    fulfillments: o.fulfillments.map((f) => fulfillmentPayload(o, f)),
  };
}

export function inventoryLevelPayload(
  state: ShopState,
  inventoryItemId: number,
  locationId: number,
): Record<string, unknown> | null {
  const level = state.level(inventoryItemId, locationId);
  if (!level) return null;
  return {
    inventory_item_id: inventoryItemId,
    location_id: locationId,
    available: level.available,
    updated_at: level.updatedAt,
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${locationId}?inventory_item_id=${inventoryItemId}`,
  };
}
