import type { Kysely } from 'kysely';

/**
 * Domain tables. Written once for both databases: only `text` and `integer` column types, times
 * as ISO text, money as decimal text, booleans as 0/1, JSON as text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('marketplace_id', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('sp_api_base_url', 'text', (c) => c.notNull())
    .addColumn('lwa_url', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('secrets_encrypted', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('import_cursor', 'text')
    .addColumn('import_cursor_kind', 'text')
    .addColumn('import_lock_owner', 'text')
    .addColumn('import_lock_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('connections_account_name_uq', ['account_id', 'name'])
    .execute();

  await createOrders(db);
  await createOrderLines(db);

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text')
    .execute();
  await db.schema
    .createIndex('order_events_order_time_idx')
    .on('order_events')
    .columns(['order_id', 'occurred_at'])
    .execute();

  await createSyncRuns(db);

  await db.schema
    .createTable('sku_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('amazon_sku', 'text', (c) => c.notNull())
    .addColumn('product_ref', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sku_links_connection_sku_uq', ['connection_id', 'amazon_sku'])
    .execute();

  // No foreign key: the audit trail outlives what it describes.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_account_time_idx')
    .on('audit_log')
    .columns(['account_id', 'occurred_at'])
    .execute();
}

async function createOrders(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('amazon_order_id', 'text', (c) => c.notNull())
    .addColumn('seller_order_id', 'text')
    .addColumn('marketplace_id', 'text', (c) => c.notNull())
    .addColumn('amazon_status', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fulfillment_channel', 'text')
    .addColumn('created_time', 'text')
    .addColumn('last_updated_time', 'text')
    .addColumn('currency', 'text');
  for (const money of ['amazon_total', 'total_net', 'total_tax', 'total_gross', 'excluded_tax', 'adjustment']) {
    t = t.addColumn(money, 'text');
  }
  for (const json of ['buyer_json', 'shipping_address_json', 'flags_json', 'raw_json', 'content_hash']) {
    t = t.addColumn(json, 'text');
  }
  await t
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skip_reason', 'text')
    .addColumn('hold_reason', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('store_state', 'text')
    .addColumn('store_order_ref', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('orders_connection_amazon_id_uq', ['connection_id', 'amazon_order_id'])
    .execute();
  await db.schema
    .createIndex('orders_connection_created_idx')
    .on('orders')
    .columns(['connection_id', 'created_time'])
    .execute();
  await db.schema
    .createIndex('orders_connection_status_idx')
    .on('orders')
    .columns(['connection_id', 'status'])
    .execute();
}

async function createOrderLines(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('amazon_order_item_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seller_sku', 'text')
    .addColumn('cropped_sku', 'text')
    .addColumn('asin', 'text')
    .addColumn('title', 'text')
    .addColumn('product_ref', 'text')
    .addColumn('quantity_ordered', 'integer', (c) => c.notNull())
    .addColumn('quantity_shipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quantity_cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_net', 'text', (c) => c.notNull())
    .addColumn('unit_gross', 'text', (c) => c.notNull())
    .addColumn('line_net', 'text', (c) => c.notNull())
    .addColumn('line_tax', 'text', (c) => c.notNull())
    .addColumn('line_gross', 'text', (c) => c.notNull())
    .addColumn('tax_rate', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data_json', 'text')
    .addUniqueConstraint('order_lines_order_item_uq', ['order_id', 'amazon_order_item_id'])
    .execute();
}

async function createSyncRuns(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('window_start', 'text')
    .addColumn('window_end', 'text');
  for (const count of [
    'orders_seen',
    'orders_created',
    'orders_updated',
    'orders_unchanged',
    'orders_skipped',
    'orders_failed',
  ]) {
    t = t.addColumn(count, 'integer', (c) => c.notNull().defaultTo(0));
  }
  await t
    .addColumn('api_calls_json', 'text')
    .addColumn('throttled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('progress_json', 'text')
    .execute();
  await db.schema
    .createIndex('sync_runs_connection_started_idx')
    .on('sync_runs')
    .columns(['connection_id', 'started_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'sku_links',
    'sync_runs',
    'order_events',
    'order_lines',
    'orders',
    'connections',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
