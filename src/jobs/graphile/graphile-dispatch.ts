import { sql, type Kysely } from 'kysely';
import { parsePostgresUrl } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';

/** graphile-worker's job key for our job `id`: one dispatch per job at a time. */
const KEY_PREFIX = 'ob:';
export const dispatchKey = (jobId: string): string => `${KEY_PREFIX}${jobId}`;

/** A graphile job a worker pool has locked and runs: its graphile id and the pool's id. */
export interface RunningDispatch {
  id: string;
  poolId: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The schema graphile-worker lives in: `graphile_worker` for an installation on the default schema,
 * `<schema>_gw` when the database URL names one (`?schema=`: isolated installations and tests).
 */
export function graphileSchemaFor(databaseUrl: string, override?: string): string {
  const appSchema = parsePostgresUrl(databaseUrl).schema;
  const name = override ?? (appSchema ? `${appSchema}_gw` : 'graphile_worker');
  if (!SCHEMA_NAME.test(name)) {
    throw new AppError('config_invalid', `Invalid graphile-worker schema name: ${name}`, {
      kind: 'invalid',
      details: { field: 'schema' },
    });
  }
  return name;
}

/**
 * Our jobs table stays the record of every job (states, attempts, errors: what the UI shows);
 * graphile-worker only dispatches. Each queued job has one graphile job ("dispatch", key
 * `ob:<id>`, payload `{ jobId }`, task = our job name, same queue, run_at and priority), written in
 * the same transaction as the row. All SQL here goes through graphile's public functions and view,
 * except `complete` and `releaseStaleLocks`, which use its tables (pinned version 0.17.3).
 */
export class GraphileDispatch {
  constructor(private readonly schema: string) {}

  /**
   * Dispatches queued job `jobId` (nothing when it is not queued). `replace` first removes an
   * earlier dispatch of the job (a locked one only loses its key), so the new one gets a fresh
   * graphile id that a late completion of the old one cannot delete. `notBefore` delays it further.
   */
  async add(db: Kysely<Database>, jobId: string, options: { replace?: boolean; notBefore?: string } = {}) {
    if (options.replace) await this.remove(db, jobId);
    await sql`
      select ${this.addJobOf(options.notBefore ?? null)}
      from ${sql.table('jobs')} j
      where j.id = ${jobId} and j.state = 'queued'
    `.execute(db);
  }

  /** graphile's `add_job` for the jobs row `j` in the query: task = name, same queue and priority. */
  private addJobOf(notBefore: string | null) {
    return sql`${sql.id(this.schema)}.add_job(
      identifier => j.name,
      payload => json_build_object('jobId', j.id),
      queue_name => j.queue,
      run_at => greatest(j.run_at::timestamptz, ${notBefore}::timestamptz),
      job_key => ${KEY_PREFIX} || j.id,
      priority => j.priority
    )`;
  }

  /**
   * Ends a dispatch that `poolId` is running, in the caller's transaction (with the job's outcome):
   * deletes it and unlocks its queue, so the queue's next job can start at once. graphile's own
   * completion, which comes later and outside our transaction, then finds nothing to do; without
   * this its worker looks for the next job before the queue is free and waits a poll interval.
   */
  async complete(db: Kysely<Database>, dispatch: RunningDispatch): Promise<void> {
    const gw = sql.id(this.schema);
    await sql`
      with done as (
        delete from ${gw}._private_jobs
        where id = ${dispatch.id}::bigint and locked_by = ${dispatch.poolId}
        returning job_queue_id
      )
      update ${gw}._private_job_queues q set locked_by = null, locked_at = null
      from done where q.id = done.job_queue_id and q.locked_by = ${dispatch.poolId}
    `.execute(db);
  }

  /** Removes the job's dispatch (a locked one is not deleted: it loses its key and will not retry). */
  async remove(db: Kysely<Database>, jobId: string): Promise<void> {
    await sql`select ${sql.id(this.schema)}.remove_job(${dispatchKey(jobId)})`.execute(db);
  }

  /** Releases the graphile locks (jobs and queues) of worker pools that died; graphile keeps them 4 h. */
  async forceUnlock(db: Kysely<Database>, poolIds: string[]): Promise<void> {
    await sql`select ${sql.id(this.schema)}.force_unlock_workers(${poolIds}::text[])`.execute(db);
  }

  /**
   * Releases graphile locks a dead worker left outside our leases: it died after graphile locked a
   * dispatch but before our job started, or after our job ended but before graphile deleted the
   * dispatch. Its queue would stay locked for 4 hours. A lock is stale when it is older than
   * `staleBefore` and its job is not running under that worker (nor was it touched since then).
   * Releasing a live worker's locks is harmless (our jobs table decides what runs), only wasteful,
   * hence the margin. Returns how many workers' locks were released.
   */
  async releaseStaleLocks(db: Kysely<Database>, staleBefore: Date): Promise<number> {
    const gw = sql.id(this.schema);
    const { rows } = await sql<{ locked_by: string }>`
      select distinct g.locked_by
      from ${gw}._private_jobs g
      left join ${sql.table('jobs')} j on j.id = g.payload ->> 'jobId'
      where g.locked_at < ${staleBefore.toISOString()}::timestamptz
        and (j.id is null or (j.updated_at < ${staleBefore.toISOString()} and not (j.state = 'running' and j.locked_by = g.locked_by)))
    `.execute(db);
    const workers = rows.map((r) => r.locked_by);
    if (workers.length > 0) await this.forceUnlock(db, workers);
    return workers.length;
  }

  /**
   * Dispatches queued jobs that have none: jobs queued before the switch to graphile-worker, or
   * left so by a crash between two statements. Idempotent (job key); returns how many it added.
   */
  async addMissing(db: Kysely<Database>, batch = 500): Promise<number> {
    const gw = sql.id(this.schema);
    let added = 0;
    for (;;) {
      const { rows } = await sql`
        with missing as (
          select j.id from ${sql.table('jobs')} j
          where j.state = 'queued'
            and not exists (select 1 from ${gw}.jobs g where g.key = ${KEY_PREFIX} || j.id)
          order by j.priority, j.run_at
          limit ${batch}
        )
        select ${this.addJobOf(null)}
        from missing m join ${sql.table('jobs')} j on j.id = m.id
      `.execute(db);
      added += rows.length;
      if (rows.length < batch) return added;
    }
  }
}
