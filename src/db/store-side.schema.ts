import type { Generated } from 'kysely';

/** Row types of the store-side tables (migration 2026_11_29_0003); conventions as in schema.ts. */

export interface StoresTable {
  id: string;
  account_id: string;
  name: string;
  /** A platform id of src/stores/registry.ts. */
  platform: string;
  base_url: string;
  settings_json: string;
  /** The platform's credentials, sealed by the app (src/lib/secret-box.ts). */
  secrets_encrypted: string;
  event_cursor: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  connection_id: string;
  store_id: string;
  store_ref: string;
  carrier_code: string;
  carrier_name: string | null;
  shipping_method: string | null;
  tracking_number: string | null;
  ship_date: string;
  items_json: string;
  package_reference_id: string;
  /** 'pending' | 'confirmed' | 'invalid' | 'failed' | 'not_sent' (FBA) */
  state: string;
  attempts: Generated<number>;
  last_error: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CancellationsTable {
  id: string;
  order_id: string;
  connection_id: string;
  store_id: string;
  store_ref: string;
  items_json: string;
  reason: string;
  /** 'pending' | 'submitted' | 'applied' | 'failed' | 'not_sent' (FBA) */
  state: string;
  feed_id: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedsTable {
  id: string;
  connection_id: string;
  feed_type: string;
  amazon_feed_id: string | null;
  /** 'submitted' | 'done' | 'fatal' | 'cancelled' */
  state: string;
  processing_status: string | null;
  document: string;
  report_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface StockLevelsTable {
  connection_id: string;
  amazon_sku: string;
  product_ref: string;
  store_available: number | null;
  mfn: Generated<number>;
  pushed_quantity: number | null;
  pushed_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface StockAdjustmentsTable {
  key: string;
  order_id: string;
  product_ref: string;
  delta: number;
  /** 'pending' | 'applied' */
  state: string;
  result_quantity: number | null;
  created_at: string;
  applied_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  store_id: string;
  topic: string;
  body: string;
  /** 'pending' | 'delivered' | 'failed' */
  state: string;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface StoreSideTables {
  stores: StoresTable;
  shipments: ShipmentsTable;
  cancellations: CancellationsTable;
  feeds: FeedsTable;
  stock_levels: StockLevelsTable;
  stock_adjustments: StockAdjustmentsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
