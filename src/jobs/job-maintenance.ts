import type { Kysely } from 'kysely';
import { transaction } from '../db/dialect.js';
import type { JobScheduleRepository, JobSchedule } from '../db/job-schedule.repository.js';
import type { NewJob } from '../db/job.repository.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { failureExit, type ExecutionDeps } from './job-execution.js';

/** The job key of the jobs a schedule enqueues; enqueue with the same key to de-duplicate with them. */
export const scheduledJobKey = (name: string, key: string): string => `${name}:${key}`;

/**
 * Jobs whose runner stopped renewing the lease (process killed, machine gone) go back to the queue
 * as a failed attempt, or to the dead letters when their attempts are used up. Returns how many.
 */
export async function reclaimExpiredJobs(deps: ExecutionDeps): Promise<number> {
  const now = deps.clock.nowIso();
  let reclaimed = 0;
  for (const job of await deps.jobs.expiredLeases(now)) {
    const error = new AppError('job_lease_expired', `The runner ${job.lockedBy ?? '?'} stopped renewing its lease`, {
      kind: 'upstream',
      retryable: true,
    });
    const { exit, event } = failureExit(job, error, deps);
    if (await deps.jobs.reclaim(job, exit, now)) {
      reclaimed += 1;
      deps.events.emit(event);
    }
  }
  return reclaimed;
}

/** Next run of an interval schedule: one interval on, or one interval from now after a gap. */
export function nextRunAt(s: JobSchedule, now: Date): string {
  const step = s.intervalSeconds * 1000;
  const planned = Date.parse(s.nextRunAt) + step;
  return new Date(planned > now.getTime() ? planned : now.getTime() + step).toISOString();
}

export interface ScheduleDeps {
  db: Kysely<Database>;
  /** Writes a job in the given transaction (the adapter's enqueue: jobs row, plus its dispatch for graphile). */
  insertJob(trx: Kysely<Database>, job: NewJob): Promise<string>;
  schedules: JobScheduleRepository;
  clock: ExecutionDeps['clock'];
  defaultMaxAttempts: number;
}

/**
 * Enqueues the jobs of due schedules among `names`. Moving `next_run_at` is a compare-and-set in
 * the same transaction as the enqueue: of several runners, exactly one enqueues per interval.
 */
export async function fireDueSchedules(deps: ScheduleDeps, names: string[]): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let fired = 0;
  for (const s of await deps.schedules.due(nowIso, names)) {
    const won = await transaction(deps.db, async (trx) => {
      if (!(await deps.schedules.advance(trx, s, nextRunAt(s, now), nowIso))) return false;
      await deps.insertJob(trx, {
        id: newId(),
        name: s.name,
        key: scheduledJobKey(s.name, s.key),
        queue: s.queue,
        payload: s.payload,
        runAt: nowIso,
        maxAttempts: s.maxAttempts ?? deps.defaultMaxAttempts,
        priority: s.priority,
        now: nowIso,
      });
      return true;
    });
    if (won) fired += 1;
  }
  return fired;
}
