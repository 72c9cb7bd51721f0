import { type Kysely } from 'kysely';

/**
 * A priority per job and per schedule (lower runs first, as in graphile-worker): shipment
 * confirmations go before routine pulls when both wait. The claim index becomes
 * (state, priority, run_at) so "due queued jobs by priority, then run_at" stays an index scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('jobs')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('schedules')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.dropIndex('jobs_state_run_at_idx').execute();
  await db.schema
    .createIndex('jobs_state_priority_run_at_idx')
    .on('jobs')
    .columns(['state', 'priority', 'run_at'])
    .execute();
}
