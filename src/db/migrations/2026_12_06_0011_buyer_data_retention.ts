import type { Kysely } from 'kysely';

/**
 * Buyer personal data retention: per-account retention days (null = the default, 30) and the purge
 * mark on orders (when the buyer's personal data was removed; the order itself stays).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('buyer_data_retention_days', 'integer').execute();
  await db.schema.alterTable('orders').addColumn('personal_data_purged_at', 'text').execute();
}
