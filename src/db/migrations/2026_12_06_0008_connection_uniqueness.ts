import type { Kysely } from 'kysely';

/** One active order connection per Amazon seller account + marketplace; one store order per Amazon order and store. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled in by the change that needs it.
}
