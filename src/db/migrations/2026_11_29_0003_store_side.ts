import type { Kysely } from 'kysely';

/**
 * The store side (PRODUCT.md §7, §9): stores, the link from a connection to its store, and the
 * durable records of everything that must reach Amazon (shipments, cancellations, stock) or the
 * store (stock adjustments, webhooks). Unique keys are the exactly-once guarantees: a store event
 * seen twice hits the same row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('secrets_encrypted', 'text', (c) => c.notNull())
    /** Opaque poll cursor of the connector (saved only after the events it covers are stored). */
    .addColumn('event_cursor', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stores_account_name_uq', ['account_id', 'name'])
    .execute();

  await db.schema.alterTable('connections').addColumn('store_id', 'text').execute();
  await db.schema.alterTable('orders').addColumn('store_order_number', 'text').execute();
  await db.schema
    .alterTable('orders')
    .addColumn('store_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('orders_store_state_idx')
    .on('orders')
    .columns(['connection_id', 'store_state'])
    .execute();

  await createShipments(db);
  await createCancellations(db);
  await createFeeds(db);
  await createStock(db);
  await createWebhooks(db);
}

async function createShipments(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('store_ref', 'text', (c) => c.notNull())
    .addColumn('carrier_code', 'text', (c) => c.notNull())
    .addColumn('carrier_name', 'text')
    .addColumn('shipping_method', 'text')
    .addColumn('tracking_number', 'text')
    .addColumn('ship_date', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    /** Fixed when the shipment is recorded: a retried confirmShipment edits the same package. */
    .addColumn('package_reference_id', 'text', (c) => c.notNull())
    /** 'pending' | 'confirmed' | 'invalid' | 'failed' */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shipments_store_ref_uq', ['store_id', 'store_ref'])
    .addUniqueConstraint('shipments_order_package_uq', ['order_id', 'package_reference_id'])
    .execute();
  await db.schema
    .createIndex('shipments_connection_state_idx')
    .on('shipments')
    .columns(['connection_id', 'state'])
    .execute();
}

async function createCancellations(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cancellations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('store_ref', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    /** 'pending' | 'submitted' | 'applied' | 'failed' */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('feed_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cancellations_store_ref_uq', ['store_id', 'store_ref'])
    .execute();
  await db.schema
    .createIndex('cancellations_connection_state_idx')
    .on('cancellations')
    .columns(['connection_id', 'state'])
    .execute();
}

async function createFeeds(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('feed_type', 'text', (c) => c.notNull())
    .addColumn('amazon_feed_id', 'text')
    /** 'submitted' | 'done' | 'fatal' | 'cancelled' */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('processing_status', 'text')
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createStock(db: Kysely<unknown>): Promise<void> {
  // One row per (connection, Amazon SKU): the store's quantity and what Amazon was last told.
  await db.schema
    .createTable('stock_levels')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('amazon_sku', 'text', (c) => c.notNull())
    .addColumn('product_ref', 'text', (c) => c.notNull())
    .addColumn('store_available', 'integer')
    .addColumn('mfn', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('pushed_quantity', 'integer')
    .addColumn('pushed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['connection_id', 'amazon_sku'])
    .execute();
  await db.schema.createIndex('stock_levels_product_idx').on('stock_levels').columns(['product_ref']).execute();

  // Stock changes OrderBridge makes in the store (Stock only level); the key makes them once-only.
  await db.schema
    .createTable('stock_adjustments')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('product_ref', 'text', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    /** 'pending' | 'applied' */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('result_quantity', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
}

async function createWebhooks(db: Kysely<unknown>): Promise<void> {
  // Signed webhooks OrderBridge sends to hub-api stores; each is retried until delivered.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** 'pending' | 'delivered' | 'failed' */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
}
