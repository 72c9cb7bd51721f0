import type { Kysely } from 'kysely';

/** Login throttling counted atomically per (email, client address) and per email. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled in by the change that needs it.
}
