import { sql, type Kysely } from 'kysely';

/**
 * The embedded job queue (src/jobs/) and its interval schedules. The two partial unique indexes
 * are the guarantees, enforced by the database for every process sharing it:
 * - at most one running job per `queue` (serial per connection),
 * - at most one queued or running job per `key` (de-duplication).
 * Both SQLite and PostgreSQL support partial indexes with the same syntax.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('queue', 'text')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The claim query: due queued jobs in run_at order.
  await db.schema.createIndex('jobs_state_run_at_idx').on('jobs').columns(['state', 'run_at']).execute();
  // The reaper: running jobs whose lease expired.
  await db.schema.createIndex('jobs_state_lease_idx').on('jobs').columns(['state', 'lease_until']).execute();
  await sql`create unique index jobs_one_running_per_queue_uq on jobs (queue) where state = 'running'`.execute(db);
  await sql`create unique index jobs_active_key_uq on jobs (key) where state in ('queued', 'running')`.execute(db);

  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('queue', 'text')
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('max_attempts', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('schedules_name_key_uq', ['name', 'key'])
    .execute();
  await db.schema.createIndex('schedules_next_run_idx').on('schedules').column('next_run_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('schedules').execute();
  await db.schema.dropTable('jobs').execute();
}
