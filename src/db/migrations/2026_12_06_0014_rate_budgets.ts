import type { Kysely } from 'kysely';

/**
 * Shared Amazon rate budgets: one token bucket row per (seller account, application, operation),
 * used by every process of a PostgreSQL installation (SQLite keeps its buckets in its one process).
 * `key` is `region|seller id|LWA client id|operation`; `refilled_at_ms` is on the database's clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_budgets')
    .addColumn('key', 'text', (c) => c.primaryKey())
    /** Requests per second: Amazon's default plan, then what x-amzn-RateLimit-Limit says. */
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addColumn('burst', 'double precision', (c) => c.notNull())
    .addColumn('tokens', 'double precision', (c) => c.notNull())
    .addColumn('refilled_at_ms', 'bigint', (c) => c.notNull())
    .execute();
}
