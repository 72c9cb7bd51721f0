import type { Kysely } from 'kysely';

/**
 * Seller pulls: connections of one Amazon seller account (OrderBridge account + seller id + region
 * + LWA application) are pulled together with one cursor per seller account. The rows are created
 * on first use with the earliest cursor of the active connections (so upgrading keeps every order).
 * A sync run of a shared pull names the pull (`pull_id`, shared by the runs of its connections) and
 * how many orders of marketplaces without an active connection it read (`orders_unmatched`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('seller_pulls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('import_cursor', 'text')
    .addColumn('import_lock_owner', 'text')
    .addColumn('import_lock_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('seller_pulls_account_seller_idx')
    .unique()
    .on('seller_pulls')
    .columns(['account_id', 'seller_id', 'region', 'client_id'])
    .execute();
  await db.schema.alterTable('sync_runs').addColumn('pull_id', 'text').execute();
  await db.schema
    .alterTable('sync_runs')
    .addColumn('orders_unmatched', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sync_runs_pull_idx').on('sync_runs').column('pull_id').execute();
}
