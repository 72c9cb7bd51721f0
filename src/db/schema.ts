import type { AccountTables } from './accounts.schema.js';
import type { AmazonAuthorizationTables } from './amazon-authorization.schema.js';
import type { Generated } from 'kysely';
import type { InstallationSettingsTable } from './installation-settings.schema.js';
import type { PlansTable } from './plans.schema.js';
import type { StoreSideTables } from './store-side.schema.js';
import type { StoreOrderClaimsTable } from './store-order-claims.schema.js';

/**
 * Kysely row types, one interface per table (snake_case, as stored). The same shapes come back
 * from SQLite and PostgreSQL: ids and times are text (UTC ISO `…Z`), money is decimal text,
 * booleans are integers 0/1 and JSON is text (`*_json`, parsed by the repositories).
 * `Generated<T>` marks columns with a database default (optional on insert).
 */

export interface AccountsTable {
  id: string;
  name: string;
  created_at: string;
  /** The account's plan (plans.id); defaults to 'self-hosted'. */
  plan_id: Generated<string>;
  /** Days buyer personal data is kept after an order ends (migration 0011); null = the default (30). */
  buyer_data_retention_days: Generated<number | null>;
}

export interface ConnectionsTable {
  id: string;
  account_id: string;
  name: string;
  marketplace_id: string;
  seller_id: string;
  region: string;
  sp_api_base_url: string;
  lwa_url: string;
  client_id: string;
  /** Client secret + refresh token, sealed by the app (src/lib/secret-box.ts). */
  secrets_encrypted: string;
  /** Orders Configuration as JSON. */
  settings_json: string;
  active: Generated<number>;
  import_cursor: string | null;
  import_cursor_kind: string | null;
  /** Lease held by the process running an order pull (src/sync/import-lock.ts). */
  import_lock_owner: string | null;
  import_lock_until: string | null;
  /** The store orders go to (null = none yet: orders are kept, nothing is delivered). */
  store_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrdersTable {
  id: string;
  connection_id: string;
  amazon_order_id: string;
  seller_order_id: string | null;
  marketplace_id: string;
  amazon_status: string | null;
  status: string;
  fulfillment_channel: string | null;
  created_time: string | null;
  last_updated_time: string | null;
  currency: string | null;
  amazon_total: string | null;
  total_net: string | null;
  total_tax: string | null;
  total_gross: string | null;
  excluded_tax: string | null;
  adjustment: string | null;
  buyer_json: string | null;
  shipping_address_json: string | null;
  flags_json: string | null;
  raw_json: string | null;
  content_hash: string | null;
  skipped: Generated<number>;
  skip_reason: string | null;
  hold_reason: string | null;
  error_code: string | null;
  error_message: string | null;
  /** 'import' | 'store' (migration 0007): which side recorded the error and may clear it. */
  error_source: Generated<string | null>;
  store_state: string | null;
  store_order_ref: string | null;
  store_order_number: string | null;
  /** Delivery attempts that failed (shown in needs-attention). */
  store_attempts: Generated<number>;
  imported_at: string;
  updated_at: string;
  /** When the buyer's personal data was removed (retention, migration 0011); null = still held. */
  personal_data_purged_at: Generated<string | null>;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  /** Amazon's item id; derived lines use `<itemId>:shipping`, `<itemId>:gift_wrap`, … */
  amazon_order_item_id: string;
  /** 'item' | 'shipping' | 'gift_wrap' | 'cod_fee' | 'discount' | 'adjustment' | … */
  kind: string;
  seller_sku: string | null;
  cropped_sku: string | null;
  asin: string | null;
  title: string | null;
  product_ref: string | null;
  quantity_ordered: number;
  quantity_shipped: Generated<number>;
  quantity_cancelled: Generated<number>;
  unit_net: string;
  unit_gross: string;
  line_net: string;
  line_tax: string;
  line_gross: string;
  tax_rate: string | null;
  position: number;
  data_json: string | null;
}

export interface OrderEventsTable {
  id: string;
  order_id: string;
  connection_id: string;
  occurred_at: string;
  /** 'amazon_to_hub' | 'hub_to_store' | 'store_to_hub' | 'hub_to_amazon' | 'internal' */
  direction: string;
  kind: string;
  summary: string;
  payload_json: string | null;
}

export interface SyncRunsTable {
  id: string;
  connection_id: string;
  kind: string;
  trigger: string;
  /** 'running' | 'succeeded' | 'failed' | 'partial' */
  status: string;
  started_at: string;
  finished_at: string | null;
  window_start: string | null;
  window_end: string | null;
  orders_seen: Generated<number>;
  orders_created: Generated<number>;
  orders_updated: Generated<number>;
  orders_unchanged: Generated<number>;
  orders_skipped: Generated<number>;
  orders_failed: Generated<number>;
  api_calls_json: string | null;
  throttled: Generated<number>;
  error_code: string | null;
  error_message: string | null;
  progress_json: string | null;
  /** The job that ran this pull (migration 0006); null for runs outside the job queue. */
  job_id: string | null;
  /** The seller pull this run belongs to (migration 0015): the runs of one shared pull share it. */
  pull_id: string | null;
  /** Orders the shared pull read for marketplaces without an active connection (counted, not stored). */
  orders_unmatched: Generated<number>;
}

/** One cursor and pull lease per Amazon seller account (migration 0015, src/sync/seller-pull.ts). */
export interface SellerPullsTable {
  id: string;
  account_id: string;
  seller_id: string;
  region: string;
  client_id: string;
  import_cursor: string | null;
  import_lock_owner: string | null;
  import_lock_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SkuLinksTable {
  id: string;
  connection_id: string;
  amazon_sku: string;
  product_ref: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  account_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  occurred_at: string;
}

/** 'queued' (waiting, also between retries) | 'running' | 'succeeded' | 'failed' | 'dead' (see src/jobs/README.md). */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'dead';

export interface JobsTable {
  id: string;
  name: string;
  /** De-duplication key: at most one queued or running job per key. */
  key: string | null;
  /** Serial key: at most one running job per queue across all processes. */
  queue: string | null;
  payload_json: string;
  state: JobState;
  run_at: string;
  /** Lower runs first among due jobs (migration 0013; default 0, shipment confirmations -10). */
  priority: Generated<number>;
  attempts: Generated<number>;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_at: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SchedulesTable {
  id: string;
  name: string;
  key: string;
  queue: string | null;
  interval_seconds: number;
  next_run_at: string;
  payload_json: string;
  max_attempts: number | null;
  /** Priority of the jobs it enqueues (migration 0013). */
  priority: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One shared Amazon token bucket (migration 0014); read and written by src/db/rate-budget.repository.ts. */
export interface RateBudgetsTable {
  key: string;
  rate: number;
  burst: number;
  tokens: number;
  refilled_at_ms: number;
}

export interface Database extends StoreSideTables, AccountTables, AmazonAuthorizationTables {
  accounts: AccountsTable;
  connections: ConnectionsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  sync_runs: SyncRunsTable;
  seller_pulls: SellerPullsTable;
  sku_links: SkuLinksTable;
  audit_log: AuditLogTable;
  plans: PlansTable;
  jobs: JobsTable;
  schedules: SchedulesTable;
  installation_settings: InstallationSettingsTable;
  store_order_claims: StoreOrderClaimsTable;
  rate_budgets: RateBudgetsTable;
}
