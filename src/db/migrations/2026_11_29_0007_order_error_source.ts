import type { Kysely } from 'kysely';

/**
 * Who recorded an order's error: 'import' (Amazon's data could not be read; a good read clears it)
 * or 'store' (delivery or write-back failed; only the store side clears it). Without it a re-import
 * wiped a store-side error and the order silently left needs-attention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('error_source', 'text').execute();
}
