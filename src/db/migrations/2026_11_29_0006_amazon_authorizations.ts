import type { Kysely } from 'kysely';

/**
 * Connect with Amazon (PRODUCT.md §4 step 2): one row per consent URL handed out. The `state`
 * is stored only as its SHA-256 hash, single-use (`used_at`) and short-lived (`expires_at`).
 * Sync runs get the id of the job that ran them, so a job can be polled for its run's progress.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('amazon_authorizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state_hash', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.alterTable('sync_runs').addColumn('job_id', 'text').execute();
  await db.schema.createIndex('sync_runs_job_idx').on('sync_runs').column('job_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sync_runs_job_idx').execute();
  await db.schema.alterTable('sync_runs').dropColumn('job_id').execute();
  await db.schema.dropTable('amazon_authorizations').execute();
}
