import type { Kysely } from 'kysely';

/** Buyer personal data retention: per-account retention days and the purge mark on orders. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled in by the change that needs it.
}
