import { scheduledJobKey } from '../jobs/job-maintenance.js';
import type { JobHandlers, JobQueue } from '../jobs/job-queue.js';
import type { ImportTrigger } from '../sync/import-orders.js';
import { SYNC_ABORTED, type ImportSummary } from '../sync/import-run.js';
import { sellerPullKey } from '../sync/seller-pull.js';
import type { SellerPullKey } from '../db/seller-pull.repository.js';
import { AppError } from '../lib/errors.js';
import type { Result } from '../lib/result.js';
import { PURGE_BUYER_DATA_JOB } from '../sync/purge-buyer-data.js';
import { JOBS } from '../sync/store-side-deps.js';
import type { Connection } from '../domain/connection.js';
import type { App } from './app-context.js';
import { storeSideHandlers } from './store-side-jobs.js';

/**
 * The order pull job: payload `{ sellerPullId, connectionId }` runs the seller account's pull (the
 * connection names whose it is), `{ connectionId }` alone that connection's seller pull (jobs of before).
 */
export const PULL_JOB = 'orders.pull';
/** One serial queue per seller account: at most one pull (shared or catch-up) per seller account at a time. */
export const sellerQueue = (sellerPullId: string): string => `seller:${sellerPullId}`;
/** Before seller pulls each connection had its own queue and schedule (removed on upgrade). */
export const connectionQueue = (connectionId: string): string => `conn:${connectionId}`;

/** Results of an order pull that are not job failures: nothing to retry. */
const BENIGN = new Set([
  'sync_already_running',
  'connection_inactive',
  'connection_not_found',
  'seller_pull_not_found',
]);
const RECONCILE_MS = 30_000;
/** Default store poll interval: shipments and stock reach Amazon within about a minute. */
const STORE_POLL_SECONDS = 60;

/**
 * Runs order pulls as durable jobs: one queue per seller account (`seller:<id>`) so at most one
 * pull per seller account runs at a time across processes (PRODUCT.md §8), an interval schedule per
 * seller account with active connections (the shortest poll interval among them), and on-demand
 * pulls (Synchronize Orders on any of its connections) de-duplicated by key.
 */
export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  readonly handlers: JobHandlers;
  /** Schedules this process knows are gone: not removed again every reconcile. */
  private readonly unscheduled = new Set<string>();

  constructor(
    private readonly app: App,
    private readonly queue: JobQueue,
  ) {
    this.handlers = {
      [PULL_JOB]: async ({ job, signal }) => {
        const trigger = (job.payload.trigger as ImportTrigger | undefined) ?? 'schedule';
        const options = { trigger, signal, jobId: job.id };
        const sellerPullId = job.payload.sellerPullId;
        const result: Result<ImportSummary | ImportSummary[]> =
          typeof sellerPullId === 'string'
            ? await this.app.sellerPulls.pull(sellerPullId, options)
            : await this.app.importOrders(String(job.payload.connectionId), options);
        if (!result.ok && !BENIGN.has(result.error.code)) throw result.error;
        // Stopped part-way (shutdown, lost lease): the job is not done; the queue hands it back.
        const stopped = result.ok ? [result.value].flat().find((s) => s.error?.code === SYNC_ABORTED) : undefined;
        if (stopped?.error)
          throw new AppError(SYNC_ABORTED, stopped.error.message, { kind: 'conflict', retryable: true });
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

  /**
   * Synchronize Orders on a connection: queues its seller account's pull (catch-up pulls of
   * connections activated later, then the shared pull). A click while that pull waits joins it.
   * Returns the job id.
   */
  async requestSync(connectionId: string, trigger: ImportTrigger = 'api'): Promise<string> {
    const connection = await this.app.storeSide.connections.findById(connectionId);
    if (!connection?.active) {
      // Nothing to pull: the job records why (connection_inactive / connection_not_found).
      const queue = connectionQueue(connectionId);
      return this.queue.enqueue(PULL_JOB, { connectionId, trigger }, { key: scheduledJobKey(PULL_JOB, queue), queue });
    }
    const pull = await this.app.sellerPulls.ensure(connection);
    const queue = sellerQueue(pull.id);
    // connectionId: whose job it is (the job API checks the account by it; any connection of the pull would do).
    return this.queue.enqueue(
      PULL_JOB,
      { sellerPullId: pull.id, connectionId, trigger },
      { key: scheduledJobKey(PULL_JOB, queue), queue },
    );
  }

  /**
   * Every seller account with active connections (in any OrderBridge account) gets one pull every
   * poll interval (the shortest of its connections'), stores in use a poll; the rest none.
   */
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
    const pulls = new Map((await this.app.sellerPulls.repository.list()).map((p) => [sellerAccountOf(p), p]));
    const scheduled = new Set<string>();
    for (const [account, members] of groupBySellerAccount(connections.filter((c) => c.active))) {
      const pull = pulls.get(account) ?? (await this.app.sellerPulls.ensure(members[0]!));
      const key = sellerQueue(pull.id);
      await this.queue.schedule(PULL_JOB, {
        key,
        intervalSeconds: Math.min(...members.map((c) => c.config.pollIntervalMinutes)) * 60,
        payload: { sellerPullId: pull.id, connectionId: members[0]!.id, trigger: 'schedule' },
        queue: key,
      });
      scheduled.add(key);
      this.unscheduled.delete(key);
    }
    const idle = [...pulls.values()].map((p) => sellerQueue(p.id));
    // Seller accounts without active connections, and the per-connection schedules of before.
    for (const key of [...idle, ...connections.map((c) => connectionQueue(c.id))]) {
      if (scheduled.has(key) || this.unscheduled.has(key)) continue;
      await this.queue.unschedule(PULL_JOB, key);
      this.unscheduled.add(key);
    }
  }
}

const sellerAccountOf = (k: SellerPullKey): string => [k.accountId, k.sellerId, k.region, k.clientId].join('\u0000');

/** Active connections grouped by seller account (tenant + seller + region + application). */
function groupBySellerAccount(connections: readonly Connection[]): Map<string, Connection[]> {
  const groups = new Map<string, Connection[]>();
  for (const c of connections) {
    const account = sellerAccountOf(sellerPullKey(c));
    const group = groups.get(account);
    if (group) group.push(c);
    else groups.set(account, [c]);
  }
  return groups;
}
