import type { Kysely } from 'kysely';

/** Store-side state updates after write-back (FBA, shipped/cancelled) and Amazon's feed id on cancellations. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled in by the change that needs it.
}
