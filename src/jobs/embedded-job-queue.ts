import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { JobScheduleRepository } from '../db/job-schedule.repository.js';
import { JobRepository, type RunningJob } from '../db/job.repository.js';
import type { Database } from '../db/schema.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { JobEventHub } from './job-events.js';
import { executeJob, type ExecutionDeps } from './job-execution.js';
import { fireDueSchedules, reclaimExpiredJobs, type ScheduleDeps } from './job-maintenance.js';
import type {
  EnqueueOptions,
  JobEventListener,
  JobHandlers,
  JobInfo,
  JobPayload,
  JobQueue,
  ScheduleOptions,
  StopOptions,
  WorkerOptions,
} from './job-queue.js';
import { JobLoop } from './job-loop.js';
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
export class EmbeddedJobQueue implements JobQueue {
  private readonly jobs: JobRepository;
  private readonly schedules: JobScheduleRepository;
  private readonly events = new JobEventHub();
  private readonly exec: ExecutionDeps;
  private readonly scheduling: ScheduleDeps;
  private loop: JobLoop | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    options: EmbeddedJobQueueOptions = {},
  ) {
    const clock = options.clock ?? systemClock;
    this.jobs = new JobRepository(db);
    this.schedules = new JobScheduleRepository(db);
    this.exec = {
      jobs: this.jobs,
      clock,
      workerId: options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`,
      leaseMs: options.leaseMs ?? 30_000,
      retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
      events: this.events,
    };
    const defaultMaxAttempts = options.defaultMaxAttempts ?? 10;
    this.scheduling = { db, jobs: this.jobs, schedules: this.schedules, clock, defaultMaxAttempts };
  }

  get workerId(): string {
    return this.exec.workerId;
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<string> {
    const now = this.exec.clock.nowIso();
    const id = await this.jobs.insert(options.trx ?? this.db, {
      id: newId(),
      name,
      key: options.key ?? null,
      queue: options.queue ?? null,
      payload,
      runAt: options.runAt === undefined ? now : toIso(options.runAt),
      maxAttempts: positiveInt('maxAttempts', options.maxAttempts ?? this.scheduling.defaultMaxAttempts),
      now,
    });
    // Inside a caller's transaction the job is not visible before commit: the next poll finds it.
    if (!options.trx) this.loop?.wake();
    return id;
  }

  async schedule(name: string, options: ScheduleOptions): Promise<void> {
    const interval = positiveInt('intervalSeconds', options.intervalSeconds);
    const now = this.exec.clock.now();
    await this.schedules.upsert({
      id: newId(),
      name,
      key: options.key,
      queue: options.queue ?? null,
      intervalSeconds: interval,
      payload: options.payload,
      maxAttempts: options.maxAttempts ?? null,
      firstRunAt: now.toISOString(),
      latestNextRunAt: new Date(now.getTime() + interval * 1000).toISOString(),
      now: now.toISOString(),
    });
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
      execute: (job, stop) => this.execute(job, options.handlers, stop),
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
    await this.execute(job, handlers, new AbortController().signal);
    return this.getJob(job.id);
  }

  async drain(handlers: JobHandlers): Promise<number> {
    let ran = 0;
    while (await this.runOnce(handlers)) ran += 1;
    return ran;
  }

  async getJob(id: string): Promise<JobInfo | null> {
    const job = await this.jobs.findById(id);
    if (!job) return null;
    const { lockedBy: _l, leaseUntil: _u, ...info } = job;
    return info;
  }

  onEvent(listener: JobEventListener): () => void {
    return this.events.on(listener);
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

  private async execute(job: RunningJob, handlers: JobHandlers, stop: AbortSignal): Promise<void> {
    const handler = handlers[job.name];
    if (!handler) throw new AppError('job_handler_missing', `No handler for job ${job.name}`, { kind: 'internal' });
    await executeJob(this.exec, job, handler, stop);
  }
}

function toIso(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError('job_invalid_run_at', `Invalid runAt: ${String(value)}`, { kind: 'invalid' });
  }
  return date.toISOString();
}

function positiveInt(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new AppError('job_invalid_option', `${field} must be a positive integer`, {
      kind: 'invalid',
      details: { field },
    });
  }
  return value;
}
