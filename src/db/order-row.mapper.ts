import type { Insertable, Selectable } from 'kysely';
import type { AmazonOrderStatus, FulfillmentChannel } from '../domain/amazon-order.js';
import type { Order, OrderEvent, OrderLine } from '../domain/order.js';
import { fromJson, toJson } from './json-column.js';
import type { OrderEventsTable, OrderLinesTable, OrdersTable } from './schema.js';

/** Row ↔ domain mapping for orders, lines and timeline events (snake_case rows, camelCase domain). */
export function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    connectionId: row.connection_id,
    amazonOrderId: row.amazon_order_id,
    sellerOrderId: row.seller_order_id,
    marketplaceId: row.marketplace_id,
    amazonStatus: row.amazon_status as AmazonOrderStatus | null,
    status: row.status,
    fulfillmentChannel: row.fulfillment_channel as FulfillmentChannel | null,
    createdTime: row.created_time,
    lastUpdatedTime: row.last_updated_time,
    currency: row.currency,
    totals: {
      net: row.total_net,
      tax: row.total_tax,
      gross: row.total_gross,
      excludedTax: row.excluded_tax,
      adjustment: row.adjustment,
      amazonTotal: row.amazon_total,
    },
    buyer: fromJson(row.buyer_json),
    shippingAddress: fromJson(row.shipping_address_json),
    flags: fromJson(row.flags_json),
    raw: fromJson(row.raw_json),
    contentHash: row.content_hash,
    skipReason: row.skip_reason,
    holdReason: row.hold_reason,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    storeState: row.store_state,
    storeOrderRef: row.store_order_ref,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    personalDataPurgedAt: row.personal_data_purged_at ?? null,
  };
}

export function fromOrder(o: Order): Insertable<OrdersTable> {
  return {
    id: o.id,
    connection_id: o.connectionId,
    amazon_order_id: o.amazonOrderId,
    seller_order_id: o.sellerOrderId,
    marketplace_id: o.marketplaceId,
    amazon_status: o.amazonStatus,
    status: o.status,
    fulfillment_channel: o.fulfillmentChannel,
    created_time: o.createdTime,
    last_updated_time: o.lastUpdatedTime,
    currency: o.currency,
    amazon_total: o.totals.amazonTotal,
    total_net: o.totals.net,
    total_tax: o.totals.tax,
    total_gross: o.totals.gross,
    excluded_tax: o.totals.excludedTax,
    adjustment: o.totals.adjustment,
    buyer_json: toJson(o.buyer),
    shipping_address_json: toJson(o.shippingAddress),
    flags_json: toJson(o.flags),
    raw_json: toJson(o.raw),
    content_hash: o.contentHash,
    skipped: o.status === 'skipped' ? 1 : 0,
    skip_reason: o.skipReason,
    hold_reason: o.holdReason,
    error_code: o.errorCode,
    error_message: o.errorMessage,
    store_state: o.storeState,
    store_order_ref: o.storeOrderRef,
    imported_at: o.importedAt,
    updated_at: o.updatedAt,
  };
}

export function toOrderLine(row: Selectable<OrderLinesTable>): OrderLine {
  return {
    amazonOrderItemId: row.amazon_order_item_id,
    kind: row.kind,
    sellerSku: row.seller_sku,
    croppedSku: row.cropped_sku,
    asin: row.asin,
    title: row.title ?? '',
    productRef: row.product_ref,
    quantityOrdered: row.quantity_ordered,
    quantityShipped: row.quantity_shipped,
    quantityCancelled: row.quantity_cancelled,
    unitNet: row.unit_net,
    unitGross: row.unit_gross,
    lineNet: row.line_net,
    lineTax: row.line_tax,
    lineGross: row.line_gross,
    taxRate: row.tax_rate,
    position: row.position,
    data: fromJson<Record<string, unknown>>(row.data_json) ?? {},
  };
}

export function fromOrderLine(orderId: string, id: string, l: OrderLine): Insertable<OrderLinesTable> {
  return {
    id,
    order_id: orderId,
    amazon_order_item_id: l.amazonOrderItemId,
    kind: l.kind,
    seller_sku: l.sellerSku,
    cropped_sku: l.croppedSku,
    asin: l.asin,
    title: l.title,
    product_ref: l.productRef,
    quantity_ordered: l.quantityOrdered,
    quantity_shipped: l.quantityShipped,
    quantity_cancelled: l.quantityCancelled,
    unit_net: l.unitNet,
    unit_gross: l.unitGross,
    line_net: l.lineNet,
    line_tax: l.lineTax,
    line_gross: l.lineGross,
    tax_rate: l.taxRate,
    position: l.position,
    data_json: toJson(l.data),
  };
}

export function toOrderEvent(row: Selectable<OrderEventsTable>): OrderEvent {
  return {
    id: row.id,
    orderId: row.order_id,
    connectionId: row.connection_id,
    occurredAt: row.occurred_at,
    direction: row.direction as OrderEvent['direction'],
    kind: row.kind,
    summary: row.summary,
    payload: fromJson(row.payload_json),
  };
}
