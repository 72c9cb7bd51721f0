import type { Kysely } from 'kysely';

/** shared Amazon rate budgets: one token bucket row per (seller account, application, operation) (placeholder: filled in by its change). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Nothing yet.
}
