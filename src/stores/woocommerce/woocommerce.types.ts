/** The parts of WooCommerce REST v3 JSON the connector reads (everything else is ignored). */

export interface WooMeta {
  id?: number;
  key: string;
  value: unknown;
}

export interface WooProduct {
  id: number;
  name: string;
  type: string;
  parent_id?: number;
  sku: string;
  global_unique_id?: string;
  manage_stock: boolean | 'parent';
  stock_quantity: number | null;
  date_modified_gmt: string;
  variations?: number[];
  attributes?: { name: string; slug?: string; option?: string; options?: string[] }[];
  meta_data: WooMeta[];
}

export interface WooLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  sku: string;
  meta_data: WooMeta[];
}

export interface WooFeeLine {
  id: number;
  name: string;
  total: string;
  tax_status: string;
  meta_data: WooMeta[];
}

export interface WooOrder {
  id: number;
  number: string;
  status: string;
  currency: string;
  total: string;
  total_tax: string;
  date_created_gmt: string;
  date_modified_gmt: string;
  meta_data: WooMeta[];
  line_items: WooLineItem[];
  shipping_lines: { id: number; method_title: string; method_id: string; total: string }[];
  fee_lines: WooFeeLine[];
}

export interface WooNote {
  id: number;
  note: string;
}

export interface WooTrackingItem {
  tracking_provider?: string;
  custom_tracking_provider?: string;
  custom_tracking_link?: string;
  tracking_number?: string;
  date_shipped?: string | number;
  tracking_id?: string;
}

/** Meta keys OrderBridge writes on WooCommerce objects. */
export const META = {
  orderId: '_orderbridge_order_id',
  amazonOrderId: '_amazon_order_id',
  marketplaceId: '_amazon_marketplace_id',
  amazonItemId: '_amazon_order_item_id',
  vatId: '_amazon_buyer_vat_id',
  stockAdjustments: '_orderbridge_stock_adjustments',
  tracking: '_wc_shipment_tracking_items',
} as const;

export const metaValue = (meta: readonly WooMeta[] | undefined, key: string): unknown =>
  meta?.find((m) => m.key === key)?.value;

/** WooCommerce `*_gmt` dates carry no zone: "2026-11-29T03:00:00" → "2026-11-29T03:00:00.000Z". */
export function gmtToIso(value: string): string {
  const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}
