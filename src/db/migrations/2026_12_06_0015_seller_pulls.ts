import type { Kysely } from 'kysely';

/** seller pulls: one cursor per Amazon seller account (seller id + region + application) (placeholder: filled in by its change). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Nothing yet.
}
