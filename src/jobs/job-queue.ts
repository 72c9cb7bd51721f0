import type { Kysely } from 'kysely';
import type { Database, JobState } from '../db/schema.js';

export type { JobState };

/**
 * The durable job queue every process uses. Two adapters implement it: `EmbeddedJobQueue` (jobs
 * table, SQLite or PostgreSQL) and `GraphileJobQueue` (graphile/, PostgreSQL scale-out); pick one
 * with `createJobQueue` (create-job-queue.ts). Both pass
 * `describeJobQueueContract` (job-queue.contract.ts). Payloads carry ids, never data.
 */
export type JobPayload = Record<string, unknown>;

export interface JobInfo<P extends JobPayload = JobPayload> {
  id: string;
  name: string;
  key: string | null;
  queue: string | null;
  payload: P;
  state: JobState;
  runAt: string;
  /** Lower runs first among due jobs (0 by default). */
  priority: number;
  /** Attempts started so far, including the running one. */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EnqueueOptions {
  /** De-duplication key: while a job with this key is queued or running, enqueue returns its id. */
  key?: string | undefined;
  /** Serial key (e.g. `conn:<id>`): at most one job of a queue runs at a time, across processes. */
  queue?: string | undefined;
  /** Not before this time (default: now). */
  runAt?: Date | string | undefined;
  maxAttempts?: number | undefined;
  /**
   * Among due jobs, lower runs first (default 0; an integer from -32768 to 32767, as in
   * graphile-worker). E.g. shipment confirmations (-10) before routine pulls (0).
   */
  priority?: number | undefined;
  /** Enqueue inside the caller's transaction: the job exists only if it commits (outbox). */
  trx?: Kysely<Database> | undefined;
}

export interface ScheduleOptions {
  /** Identifies the schedule together with its job name, e.g. `conn:<id>`. */
  key: string;
  intervalSeconds: number;
  payload: JobPayload;
  queue?: string | undefined;
  maxAttempts?: number | undefined;
  /** Priority of the jobs it enqueues (see `EnqueueOptions.priority`). */
  priority?: number | undefined;
}

export interface JobContext<P extends JobPayload = JobPayload> {
  job: JobInfo<P>;
  /** Aborted when the runner stops or the job's lease was lost; long work should check it. */
  signal: AbortSignal;
  /** Extends the lease now (the runner also renews it periodically); throws when it was lost. */
  heartbeat: () => Promise<void>;
}

export type JobHandler<P extends JobPayload = JobPayload> = (ctx: JobContext<P>) => Promise<void>;

/** Job name → handler. Only jobs whose name is listed are claimed by a runner. */
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions {
  handlers: JobHandlers;
  /** Jobs run at once by this process (default 4). */
  concurrency?: number | undefined;
  /** How often to look for due jobs, expired leases and schedules (default 1000 ms). */
  pollIntervalMs?: number | undefined;
}

export interface StopOptions {
  /** How long running jobs get to wind down before they are handed back anyway (default 5000 ms). */
  graceMs?: number | undefined;
}

export type JobEvent =
  | { type: 'started'; job: JobInfo }
  | { type: 'succeeded'; job: JobInfo; durationMs: number }
  /** The attempt failed (or its process died) and the job will run again after `delayMs`. */
  | { type: 'retry'; job: JobInfo; error: unknown; delayMs: number }
  /** Final: dead-lettered; `state` is 'dead' (attempts used up) or 'failed' (not retryable). */
  | { type: 'failed'; job: JobInfo; error: unknown; state: 'failed' | 'dead' }
  /** The runner itself hit an error (database unavailable, …) and keeps going. */
  | { type: 'runner_error'; error: unknown };

export type JobEventListener = (event: JobEvent) => void;

export interface JobQueue {
  /** Returns the new job's id, or the id of the queued/running job holding `options.key`. */
  enqueue(name: string, payload: JobPayload, options?: EnqueueOptions): Promise<string>;
  /** Creates or updates an interval schedule; it enqueues `name` once per interval across all runners. */
  schedule(name: string, options: ScheduleOptions): Promise<void>;
  unschedule(name: string, key: string): Promise<void>;
  /** Starts running jobs in the background. */
  start(options: WorkerOptions): Promise<void>;
  /**
   * Stops claiming, aborts running jobs' signals and waits for them to finish (at most
   * `graceMs`); a job stopped this way goes back to the queue without using an attempt.
   */
  stop(options?: StopOptions): Promise<void>;
  /** Runs at most one due job to its end (for tests and the CLI); null when none was due. */
  runOnce(handlers: JobHandlers): Promise<JobInfo | null>;
  /** Runs due jobs one after another until none is left; returns how many ran. */
  drain(handlers: JobHandlers): Promise<number>;
  getJob(id: string): Promise<JobInfo | null>;
  /** Subscribes to job events; returns the unsubscribe function. */
  onEvent(listener: JobEventListener): () => void;
}
