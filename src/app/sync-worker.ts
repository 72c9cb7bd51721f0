import { scheduledJobKey } from '../jobs/job-maintenance.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { ImportTrigger } from '../sync/import-orders.js';
import { SYNC_ABORTED } from '../sync/import-run.js';
import { AppError } from '../lib/errors.js';
import { PURGE_BUYER_DATA_JOB } from '../sync/purge-buyer-data.js';
import { JOBS } from '../sync/store-side-deps.js';
import type { App } from './app-context.js';
import { storeSideHandlers } from './store-side-jobs.js';

/** The order pull job, and its schedule key and queue per connection (one pull per connection at a time). */
export const PULL_JOB = 'orders.pull';
export const connectionQueue = (connectionId: string): string => `conn:${connectionId}`;

/** Results of an order pull that are not job failures: nothing to retry. */
const BENIGN = new Set(['sync_already_running', 'connection_inactive', 'connection_not_found']);
const RECONCILE_MS = 30_000;
/** Default store poll interval: shipments and stock reach Amazon within about a minute. */
const STORE_POLL_SECONDS = 60;

/**
 * Runs order pulls as durable jobs: one queue per connection (`conn:<id>`) so at most one pull per
 * connection runs at a time across processes, an interval schedule per active connection, and
 * on-demand pulls (Synchronize Orders) de-duplicated by key.
 */
export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  readonly handlers: JobHandlers;

  constructor(
    private readonly app: App,
    private readonly queue: JobQueue,
  ) {
    this.handlers = {
      [PULL_JOB]: async ({ job, signal }) => {
        const connectionId = String(job.payload.connectionId);
        const trigger = (job.payload.trigger as ImportTrigger | undefined) ?? 'schedule';
        const result = await this.app.importOrders(connectionId, { trigger, signal, jobId: job.id });
        if (!result.ok && !BENIGN.has(result.error.code)) throw result.error;
        // Stopped part-way (shutdown, lost lease): the job is not done; the queue hands it back.
        if (result.ok && result.value.error?.code === SYNC_ABORTED) {
          throw new AppError(SYNC_ABORTED, result.value.error.message, { kind: 'conflict', retryable: true });
        }
      },
      [PURGE_BUYER_DATA_JOB]: async ({ signal }) => {
        await this.app.purgeBuyerData(signal);
      },
      ...storeSideHandlers(this.app.storeSide),
    };
  }

  async start(concurrency: number): Promise<void> {
    // Buyer data retention: once a day for the whole installation (first run at start).
    await this.queue.schedule(PURGE_BUYER_DATA_JOB, {
      key: 'installation',
      intervalSeconds: 86_400,
      payload: {},
      queue: PURGE_BUYER_DATA_JOB,
    });
    await this.reconcileSchedules();
    await this.queue.start({ handlers: this.handlers, concurrency });
    this.timer = setInterval(() => {
      this.reconcileSchedules().catch((error: unknown) =>
        this.app.logger.error({ err: error }, 'schedule reconcile failed'),
      );
    }, RECONCILE_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.stop();
  }

  requestSync(connectionId: string, trigger: ImportTrigger = 'api'): Promise<string> {
    // Same de-dup key as the scheduled pull: a click while a scheduled pull waits joins it.
    const queue = connectionQueue(connectionId);
    return this.queue.enqueue(PULL_JOB, { connectionId, trigger }, { key: scheduledJobKey(PULL_JOB, queue), queue });
  }

  /** Active connections of every account get a pull every poll interval, their stores a poll; disabled ones none. */
  async reconcileSchedules(): Promise<void> {
    const connections = await this.app.storeSide.connections.listAll();
    for (const store of await this.app.storeSide.stores.listAll()) {
      const used = connections.some((c) => c.active && c.storeId === store.id);
      const seconds = Number(store.settings.pollIntervalSeconds ?? STORE_POLL_SECONDS);
      if (used) {
        await this.queue.schedule(JOBS.pollStore, {
          key: `store:${store.id}`,
          intervalSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : STORE_POLL_SECONDS,
          payload: { storeId: store.id },
          queue: `store-poll:${store.id}`,
        });
      } else await this.queue.unschedule(JOBS.pollStore, `store:${store.id}`);
    }
    for (const c of connections) {
      if (c.active) {
        await this.queue.schedule(PULL_JOB, {
          key: connectionQueue(c.id),
          intervalSeconds: c.config.pollIntervalMinutes * 60,
          payload: { connectionId: c.id, trigger: 'schedule' },
          queue: connectionQueue(c.id),
        });
      } else {
        await this.queue.unschedule(PULL_JOB, connectionQueue(c.id));
      }
    }
  }
}
