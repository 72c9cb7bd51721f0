import { sql, type Kysely, type Selectable, type Updateable, type UpdateObject } from 'kysely';
import type { JobInfo, JobPayload } from '../jobs/job-queue.js';
import { AppError } from '../lib/errors.js';
import { dialectOf, isUniqueViolation, lockSkipLocked, type DialectName } from './dialect.js';
import type { Database, JobsTable } from './schema.js';

export interface NewJob {
  id: string;
  name: string;
  key: string | null;
  queue: string | null;
  payload: JobPayload;
  runAt: string;
  maxAttempts: number;
  /** Lower runs first among due jobs (default 0). */
  priority?: number | undefined;
  now: string;
}

/** How a running job leaves the running state (succeeded, back to queued, or dead-lettered). */
export type JobExit = Pick<Updateable<JobsTable>, 'state' | 'run_at' | 'last_error' | 'attempts'>;

export type RunningJob = JobInfo & { lockedBy: string | null; leaseUntil: string | null };

/** Why `claimById` did not start the job: not due yet, its queue has a running job, or it is not queued. */
export type ClaimByIdResult = { job: RunningJob } | { refused: 'not_due' | 'queue_busy' | 'not_queued' };

export function toJobInfo(row: Selectable<JobsTable>): RunningJob {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    queue: row.queue,
    payload: JSON.parse(row.payload_json) as JobPayload,
    state: row.state,
    runAt: row.run_at,
    priority: row.priority,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lockedBy: row.locked_by,
    leaseUntil: row.lease_until,
  };
}

/** The row change that starts a run: one more attempt, owned by `workerId` until `leaseUntil`. */
function runningValues(input: { workerId: string; now: string; leaseUntil: string }): UpdateObject<Database, 'jobs'> {
  return {
    state: 'running',
    attempts: sql<number>`attempts + 1`,
    locked_by: input.workerId,
    locked_at: input.now,
    lease_until: input.leaseUntil,
    updated_at: input.now,
  };
}

/** The partial unique index "one running job per queue" refused the start: null (undefined = no row matched). */
async function queueBusyAsNull<T>(write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** The jobs table. Every write that matters is one conditional statement, so it is race-free. */
export class JobRepository {
  private readonly dialect: DialectName;

  constructor(protected readonly db: Kysely<Database>) {
    this.dialect = dialectOf(db);
  }

  /** Inserts the job, or returns the id of the queued/running job that holds the same key. */
  async insert(db: Kysely<Database>, job: NewJob): Promise<string> {
    const row = {
      id: job.id,
      name: job.name,
      key: job.key,
      queue: job.queue,
      payload_json: JSON.stringify(job.payload),
      state: 'queued' as const,
      run_at: job.runAt,
      priority: job.priority ?? 0,
      attempts: 0,
      max_attempts: job.maxAttempts,
      created_at: job.now,
      updated_at: job.now,
    };
    if (job.key === null) {
      await db.insertInto('jobs').values(row).execute();
      return job.id;
    }
    // The holder may finish between the insert and the lookup: then simply try again.
    for (let tries = 0; tries < 5; tries += 1) {
      const inserted = await db
        .insertInto('jobs')
        .values(row)
        // Must repeat the partial index's predicate literally for the index to be inferred.
        .onConflict((oc) =>
          oc
            .column('key')
            .where(sql<boolean>`state in ('queued', 'running')`)
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const holder = await db
        .selectFrom('jobs')
        .select('id')
        .where('key', '=', job.key)
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (holder) return holder.id;
    }
    throw new AppError('job_enqueue_contended', `Could not enqueue job ${job.name} with key ${job.key}`, {
      kind: 'conflict',
      retryable: true,
    });
  }

  /**
   * Atomically takes the due job among `names` (lowest priority value, then oldest) whose queue has no running job. SQLite: one
   * UPDATE holds the write lock. PostgreSQL: SKIP LOCKED, and the unique index on running jobs
   * per queue refuses a second claimer in the same queue (reported here as "nothing claimed").
   */
  async claim(input: {
    names: string[];
    workerId: string;
    now: string;
    leaseUntil: string;
  }): Promise<RunningJob | null> {
    if (input.names.length === 0) return null;
    const candidate = lockSkipLocked(
      this.db
        .selectFrom('jobs as j')
        .select('j.id')
        .where('j.state', '=', 'queued')
        .where('j.run_at', '<=', input.now)
        .where('j.name', 'in', input.names)
        .where((eb) =>
          eb.or([
            eb('j.queue', 'is', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('jobs as r')
                  .select('r.id')
                  .whereRef('r.queue', '=', 'j.queue')
                  .where('r.state', '=', 'running'),
              ),
            ),
          ]),
        )
        .orderBy('j.priority')
        .orderBy('j.run_at')
        .orderBy('j.created_at')
        .limit(1),
      this.dialect,
    );
    const row = await queueBusyAsNull(
      this.db
        .updateTable('jobs')
        .set(runningValues(input))
        .where('id', '=', candidate)
        .where('state', '=', 'queued')
        .returningAll()
        .executeTakeFirst(),
    );
    return row ? toJobInfo(row) : null;
  }

  /**
   * Starts one given queued job if it is due (an external dispatcher, e.g. graphile-worker, chose
   * it). The same conditional update as `claim`: of several racing runners only one starts it.
   */
  async claimById(input: { id: string; workerId: string; now: string; leaseUntil: string }): Promise<ClaimByIdResult> {
    const row = await queueBusyAsNull(
      this.db
        .updateTable('jobs')
        .set(runningValues(input))
        .where('id', '=', input.id)
        .where('state', '=', 'queued')
        .where('run_at', '<=', input.now)
        .returningAll()
        .executeTakeFirst(),
    );
    if (row === null) return { refused: 'queue_busy' };
    if (row) return { job: toJobInfo(row) };
    const current = await this.db
      .selectFrom('jobs')
      .select(['state', 'run_at'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    return { refused: current?.state === 'queued' && current.run_at > input.now ? 'not_due' : 'not_queued' };
  }

  /** Extends the lease; false when the job is no longer ours (reclaimed after our lease expired). */
  async renewLease(id: string, workerId: string, leaseUntil: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_until: leaseUntil, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Ends our run of the job; false when it was reclaimed meanwhile (then nothing is written). */
  async exit(id: string, workerId: string, exit: JobExit, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ ...exit, locked_by: null, locked_at: null, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Shutdown of a runner: its running jobs back to the queue, due now, without using an attempt; returns their ids. */
  async handBack(workerId: string, now: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('jobs')
      .set({
        state: 'queued',
        run_at: now,
        attempts: sql`attempts - 1`,
        locked_by: null,
        locked_at: null,
        lease_until: null,
        updated_at: now,
      })
      .where('state', '=', 'running')
      .where('locked_by', '=', workerId)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Running jobs whose lease ran out: their process died or hung. */
  async expiredLeases(now: string, limit = 50): Promise<RunningJob[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('state', '=', 'running')
      .where('lease_until', '<', now)
      .limit(limit)
      .execute();
    return rows.map(toJobInfo);
  }

  /** Takes an expired job away from its dead owner; only one reaper wins. */
  async reclaim(job: RunningJob, exit: JobExit, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ ...exit, locked_by: null, locked_at: null, lease_until: null, updated_at: now })
      .where('id', '=', job.id)
      .where('state', '=', 'running')
      .where('locked_by', '=', job.lockedBy)
      .where('lease_until', '<', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async findById(id: string): Promise<RunningJob | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJobInfo(row) : null;
  }

  /** Housekeeping: removes succeeded jobs last touched before `before`. */
  async deleteSucceededBefore(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('state', '=', 'succeeded')
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
