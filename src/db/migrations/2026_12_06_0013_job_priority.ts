import type { Kysely } from 'kysely';

/** jobs: a priority per job (shipment confirmations before routine pulls); owned by the job-queue work (placeholder: filled in by its change). */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Nothing yet.
}
