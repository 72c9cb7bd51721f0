import type { Task, TaskList, WorkerPool } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { JobScheduleRepository } from '../../db/job-schedule.repository.js';
import { transaction } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { defaultWorkerId, type ExecutionDeps } from '../job-execution.js';
import { JobQueueBase } from '../job-queue-base.js';
import { JobLoop } from '../job-loop.js';
import { fireDueSchedules, reclaimExpiredJobs, type ScheduleDeps } from '../job-maintenance.js';
import { newJobFromOptions, positiveInt, scheduleFromOptions } from '../job-options.js';
import type {
  EnqueueOptions,
  JobHandlers,
  JobInfo,
  JobPayload,
  JobQueue,
  ScheduleOptions,
  StopOptions,
  WorkerOptions,
} from '../job-queue.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry-policy.js';
import { GraphileDispatch, graphileSchemaFor } from './graphile-dispatch.js';
import { GraphileJobRepository } from './graphile-job-repository.js';
import { graphileLogger, installGraphile, openGraphilePool, runGraphilePool } from './graphile-pool.js';

const DEFAULT_STOP_GRACE_MS = 5_000;
/** A dispatch that found its queue busy (a job of it runs outside graphile's queue lock) tries again after this. */
const QUEUE_BUSY_RETRY_MS = 250;
/** Pause before replacing a graphile pool that stopped on its own. */
const RELAUNCH_DELAY_MS = 1_000;
/** graphile-worker schema installs of this process, by database URL and schema. */
const installs = new Map<string, Promise<void>>();

export interface GraphileJobQueueOptions {
  /** The app's PostgreSQL URL (with its `?schema=`): graphile-worker opens its own pool on it. */
  databaseUrl: string;
  /** graphile-worker's schema (default `graphile_worker`, or `<schema>_gw` for a `?schema=` URL). */
  schema?: string | undefined;
  /** Must move with real time: leases are compared across processes. */
  clock?: Clock;
  retryPolicy?: RetryPolicy;
  /** A running job not renewed for this long is taken over by another runner (default 30 s). */
  leaseMs?: number;
  /** Attempts when enqueue does not say (default 10). */
  defaultMaxAttempts?: number;
}

interface Running {
  /** The current graphile pool (replaced when it stops on its own). */
  pool: WorkerPool;
  pgPool: pg.Pool;
  /** Aborted by stop(): the running handlers' signals. */
  stopping: AbortController;
  /** Lease takeover, schedules and missing dispatches, every poll interval. */
  maintenance: JobLoop;
}

/**
 * The job queue on graphile-worker (PostgreSQL, scale-out). Our jobs table stays the record of
 * every job (UI/API states, attempts, errors, de-duplication, leases); graphile-worker dispatches
 * them: LISTEN/NOTIFY wake-ups, priority order, one running job per queue across processes. See
 * src/jobs/graphile/README.md for how each guarantee holds.
 */
export class GraphileJobQueue extends JobQueueBase implements JobQueue {
  protected readonly jobs: GraphileJobRepository;
  private readonly dispatch: GraphileDispatch;
  private readonly schedules: JobScheduleRepository;
  private readonly logger = graphileLogger((error) => this.events.emit({ type: 'runner_error', error }));
  private readonly schema: string;
  /** `workerId` is the one of inline runs (runOnce); graphile-run jobs are owned by their pool's id. */
  private readonly exec: ExecutionDeps;
  private readonly scheduling: ScheduleDeps;
  private running: Running | null = null;
  private nextDispatchCheck = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: GraphileJobQueueOptions,
  ) {
    super();
    const clock = options.clock ?? systemClock;
    this.schema = graphileSchemaFor(options.databaseUrl, options.schema);
    this.dispatch = new GraphileDispatch(this.schema);
    this.jobs = new GraphileJobRepository(db, this.dispatch);
    this.schedules = new JobScheduleRepository(db);
    this.exec = {
      jobs: this.jobs,
      clock,
      workerId: defaultWorkerId(),
      leaseMs: options.leaseMs ?? 30_000,
      retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
      events: this.events,
    };
    this.scheduling = {
      db,
      insertJob: (trx, job) => this.jobs.insert(trx, job),
      schedules: this.schedules,
      clock,
      defaultMaxAttempts: options.defaultMaxAttempts ?? 10,
    };
  }

  /** graphile-worker's schema in this database. */
  get graphileSchema(): string {
    return this.schema;
  }

  async enqueue(name: string, payload: JobPayload, options: EnqueueOptions = {}): Promise<string> {
    const job = newJobFromOptions(name, payload, options, {
      now: this.exec.clock.nowIso(),
      defaultMaxAttempts: this.scheduling.defaultMaxAttempts,
    });
    await this.prepare();
    return this.jobs.insert(options.trx ?? this.db, job);
  }

  async schedule(name: string, options: ScheduleOptions): Promise<void> {
    // Its jobs will be dispatched: install graphile now rather than delay the first run at start.
    await this.prepare();
    await this.schedules.upsert(scheduleFromOptions(name, options, this.exec.clock.now()));
  }

  async unschedule(name: string, key: string): Promise<void> {
    await this.schedules.delete(name, key);
  }

  async start(options: WorkerOptions): Promise<void> {
    if (this.running)
      throw new AppError('job_runner_running', 'This job queue is already running', { kind: 'conflict' });
    const concurrency = positiveInt('concurrency', options.concurrency ?? 4);
    const pollIntervalMs = positiveInt('pollIntervalMs', options.pollIntervalMs ?? 1000);
    await this.prepare();
    await this.checkDispatches();

    const stopping = new AbortController();
    const tasks: TaskList = {};
    for (const name of Object.keys(options.handlers)) {
      tasks[name] = this.task(options.handlers, stopping.signal, pollIntervalMs);
    }
    const onError = (error: unknown): void => this.events.emit({ type: 'runner_error', error });
    const pgPool = openGraphilePool(this.options.databaseUrl, concurrency + 3, onError);
    const launch = (): WorkerPool => {
      const pool = runGraphilePool({
        pool: pgPool,
        schema: this.schema,
        logger: this.logger,
        tasks,
        concurrency,
        pollIntervalMs,
      });
      pool.promise.then(
        () => this.onPoolEnded(pool, launch, pollIntervalMs),
        (error: unknown) => this.onPoolEnded(pool, launch, pollIntervalMs, error),
      );
      return pool;
    };
    const pool = launch();
    const maintenance = new JobLoop({
      handlers: options.handlers,
      concurrency: 1,
      pollIntervalMs,
      maintain: (names) => this.maintain(names, true),
      claim: () => Promise.resolve(null),
      execute: () => Promise.resolve(),
      onError,
    });
    maintenance.start();
    this.running = { pool, pgPool, stopping, maintenance };
  }

  async stop(options: StopOptions = {}): Promise<void> {
    const run = this.running;
    if (!run) return;
    this.running = null;
    run.stopping.abort();
    await run.maintenance.stop(0);
    const graceMs = options.graceMs ?? DEFAULT_STOP_GRACE_MS;
    const shutdown = Promise.resolve(run.pool.gracefulShutdown()).then(
      () => true,
      (error: unknown) => {
        this.events.emit({ type: 'runner_error', error });
        return true;
      },
    );
    if (!(await settlesWithin(shutdown, graceMs))) {
      // Handlers that ignored their signal: their jobs go back to the queue now, without using an
      // attempt, and are dispatched again once graphile has released its locks on them.
      const ids = await this.jobs.handBack(run.pool.id, this.exec.clock.nowIso());
      await Promise.resolve(run.pool.forcefulShutdown('OrderBridge job runner stop: grace period over')).catch(
        () => undefined,
      );
      for (const id of ids) await this.dispatch.add(this.db, id, { replace: true });
    }
    await run.pgPool.end();
  }

  async runOnce(handlers: JobHandlers): Promise<JobInfo | null> {
    await this.prepare();
    const names = Object.keys(handlers);
    await this.maintain(names, false);
    const now = this.exec.clock.now();
    const job = await this.jobs.claim({
      names,
      workerId: this.exec.workerId,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.exec.leaseMs).toISOString(),
    });
    if (!job) return null;
    // Run here: its graphile dispatch is spent (a retry dispatches it anew).
    await this.dispatch.remove(this.db, job.id);
    await this.runJob(this.exec, job, handlers, new AbortController().signal);
    return this.getJob(job.id);
  }

  /**
   * graphile ends a pool on its own after errors it cannot recover from (e.g. the database gone
   * while completing a job): the runner keeps going with a new pool, like the embedded runner.
   */
  private onPoolEnded(ended: WorkerPool, launch: () => WorkerPool, pollIntervalMs: number, error?: unknown): void {
    if (this.running?.pool !== ended) return; // stopped by us
    this.events.emit({
      type: 'runner_error',
      error: new AppError('job_runner_restarting', 'The graphile-worker pool stopped; starting a new one', {
        kind: 'upstream',
        cause: error,
      }),
    });
    const relaunch = (): void => {
      const run = this.running;
      if (run?.pool !== ended) return;
      try {
        run.pool = launch();
      } catch (launchError) {
        this.events.emit({ type: 'runner_error', error: launchError });
      }
    };
    setTimeout(relaunch, Math.max(pollIntervalMs, RELAUNCH_DELAY_MS)).unref();
  }

  /**
   * Installs or upgrades graphile-worker's schema (once per process and schema); enqueue, schedule
   * and start do it at first use, a process may call it at boot to fail early.
   */
  prepare(): Promise<void> {
    const key = `${this.options.databaseUrl}|${this.schema}`;
    let installed = installs.get(key);
    if (!installed) {
      installed = (async () => {
        const pool = openGraphilePool(this.options.databaseUrl, 2, () => undefined);
        try {
          await installGraphile(pool, this.schema, this.logger);
        } finally {
          await pool.end();
        }
      })();
      installs.set(key, installed);
      installed.catch(() => installs.delete(key));
    }
    return installed;
  }

  private async maintain(names: string[], checkDispatches: boolean): Promise<void> {
    await reclaimExpiredJobs(this.exec);
    await fireDueSchedules(this.scheduling, names);
    if (checkDispatches && Date.now() >= this.nextDispatchCheck) await this.checkDispatches();
  }

  /**
   * Once per lease period: graphile locks a dead worker left outside our leases are released (2
   * leases old), and queued jobs without a dispatch get one (jobs queued before the switch to this
   * engine, or after a crash between two statements).
   */
  private async checkDispatches(): Promise<void> {
    this.nextDispatchCheck = Date.now() + this.exec.leaseMs;
    const staleBefore = new Date(this.exec.clock.now().getTime() - 2 * this.exec.leaseMs);
    await this.dispatch.releaseStaleLocks(this.db, staleBefore);
    await this.dispatch.addMissing(this.db);
  }

  /**
   * graphile's task for one job name: start our job (a conditional update, so a stale or duplicate
   * dispatch runs nothing) and run it owned by the graphile pool's id, which is what a takeover
   * passes to `force_unlock_workers`. The dispatch is completed in the transaction that records the
   * outcome (or the refusal), so the queue's next job can start at once. The task itself never
   * fails: outcomes live in our table.
   */
  private task(handlers: JobHandlers, stop: AbortSignal, pollIntervalMs: number): Task {
    return async (payload, helpers) => {
      const jobId = (payload as { jobId?: unknown } | null)?.jobId;
      const poolId = helpers.job.locked_by;
      if (typeof jobId !== 'string' || !poolId) return;
      const running = { id: helpers.job.id, poolId };
      const now = this.exec.clock.now();
      const started = await this.jobs.claimById({
        id: jobId,
        workerId: poolId,
        now: now.toISOString(),
        leaseUntil: new Date(now.getTime() + this.exec.leaseMs).toISOString(),
      });
      if ('job' in started) {
        const deps = { ...this.exec, jobs: this.jobs.forDispatch(running), workerId: poolId };
        await this.runJob(deps, started.job, handlers, stop);
        return;
      }
      // Not due (early dispatch): again at its run_at. Queue busy (a job of the queue runs outside
      // graphile, e.g. runOnce): again shortly. Not queued (finished, or running elsewhere, whose
      // end dispatches any retry): nothing.
      const retryAt = now.getTime() + Math.max(pollIntervalMs, QUEUE_BUSY_RETRY_MS);
      await transaction(this.db, async (trx) => {
        await this.dispatch.complete(trx, running);
        if (started.refused === 'not_due') await this.dispatch.add(trx, jobId);
        if (started.refused === 'queue_busy') {
          await this.dispatch.add(trx, jobId, { notBefore: new Date(retryAt).toISOString() });
        }
      });
    };
  }
}

/** True when `promise` settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
