import type { Kysely } from 'kysely';
import { JobScheduleRepository } from '../db/job-schedule.repository.js';
import { JobRepository, type RunningJob } from '../db/job.repository.js';
import type { Database } from '../db/schema.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { defaultWorkerId, type ExecutionDeps } from './job-execution.js';
import { JobQueueBase } from './job-queue-base.js';
import { fireDueSchedules, reclaimExpiredJobs, type ScheduleDeps } from './job-maintenance.js';
import type {
  EnqueueOptions,
  JobHandlers,
  JobInfo,
  JobPayload,
  JobQueue,
  ScheduleOptions,
  StopOptions,
  WorkerOptions,
} from './job-queue.js';
import { JobLoop } from './job-loop.js';
import { newJobFromOptions, positiveInt, scheduleFromOptions } from './job-options.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.js';

const DEFAULT_STOP_GRACE_MS = 5_000;

export interface EmbeddedJobQueueOptions {
  /** Must move with real time: leases are compared across processes. */
  clock?: Clock;
  retryPolicy?: RetryPolicy;
  /** A running job not renewed for this long is taken over by another runner (default 30 s). */
  leaseMs?: number;
  /** Attempts when enqueue does not say (default 10). */
  defaultMaxAttempts?: number;
  /** Identifies this runner in `jobs.locked_by` (default host:pid:random). */
  workerId?: string;
}

/**
 * The job queue on the `jobs` table, for SQLite (embedded mode) and PostgreSQL. Any number of
 * processes may share the database; see src/jobs/README.md for the guarantees and how they hold.
 */
export class EmbeddedJobQueue extends JobQueueBase implements JobQueue {
  protected readonly jobs: JobRepository;
  private readonly schedules: JobScheduleRepository;
  private readonly exec: ExecutionDeps;
  private readonly scheduling: ScheduleDeps;
  private loop: JobLoop | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    options: EmbeddedJobQueueOptions = {},
  ) {
    super();
    const clock = options.clock ?? systemClock;
    this.jobs = new JobRepository(db);
    this.schedules = new JobScheduleRepository(db);
    this.exec = {
      jobs: this.jobs,
      clock,
      workerId: options.workerId ?? defaultWorkerId(),
      leaseMs: options.leaseMs ?? 30_000,
      retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
      events: this.events,
    };
    const defaultMaxAttempts = options.defaultMaxAttempts ?? 10;
    this.scheduling = {
      db,
      insertJob: (trx, job) => this.jobs.insert(trx, job),
      schedules: this.schedules,
      clock,
      defaultMaxAttempts,
    };
  }

  get workerId(): string {
    return this.exec.workerId;
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<string> {
    const job = newJobFromOptions(name, payload, options, {
      now: this.exec.clock.nowIso(),
      defaultMaxAttempts: this.scheduling.defaultMaxAttempts,
    });
    const id = await this.jobs.insert(options.trx ?? this.db, job);
    // Inside a caller's transaction the job is not visible before commit: the next poll finds it.
    if (!options.trx) this.loop?.wake();
    return id;
  }

  async schedule(name: string, options: ScheduleOptions): Promise<void> {
    await this.schedules.upsert(scheduleFromOptions(name, options, this.exec.clock.now()));
    this.loop?.wake();
  }

  async unschedule(name: string, key: string): Promise<void> {
    await this.schedules.delete(name, key);
  }

  async start(options: WorkerOptions): Promise<void> {
    if (this.loop) throw new AppError('job_runner_running', 'This job queue is already running', { kind: 'conflict' });
    this.loop = new JobLoop({
      handlers: options.handlers,
      concurrency: positiveInt('concurrency', options.concurrency ?? 4),
      pollIntervalMs: positiveInt('pollIntervalMs', options.pollIntervalMs ?? 1000),
      maintain: (names) => this.maintain(names),
      claim: (names) => this.claim(names),
      execute: (job, stop) => this.runJob(this.exec, job, options.handlers, stop),
      onError: (error) => this.events.emit({ type: 'runner_error', error }),
    });
    this.loop.start();
    return Promise.resolve();
  }

  async stop(options: StopOptions = {}): Promise<void> {
    const loop = this.loop;
    if (!loop) return;
    const finished = await loop.stop(options.graceMs ?? DEFAULT_STOP_GRACE_MS);
    this.loop = null;
    // A handler that ignored its signal past the grace period: its job goes back to the queue
    // now, so the next start runs it at once instead of after the lease expires.
    if (!finished) await this.jobs.handBack(this.exec.workerId, this.exec.clock.nowIso());
  }

  async runOnce(handlers: JobHandlers): Promise<JobInfo | null> {
    const names = Object.keys(handlers);
    await this.maintain(names);
    const job = await this.claim(names);
    if (!job) return null;
    await this.runJob(this.exec, job, handlers, new AbortController().signal);
    return this.getJob(job.id);
  }

  private async maintain(names: string[]): Promise<void> {
    await reclaimExpiredJobs(this.exec);
    await fireDueSchedules(this.scheduling, names);
  }

  private claim(names: string[]): Promise<RunningJob | null> {
    const now = this.exec.clock.now();
    return this.jobs.claim({
      names,
      workerId: this.exec.workerId,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.exec.leaseMs).toISOString(),
    });
  }
}
