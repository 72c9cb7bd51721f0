import type { Connection } from '../domain/connection.js';
import { AppError } from '../lib/errors.js';
import type { SyncRunCounts, SyncRunStatus } from '../db/sync-run.repository.js';
import type { ImportLock } from './import-lock.js';
import type { ImportDeps, ImportOptions } from './import-orders.js';
import { IMPORT_INCLUDED_DATA } from './order-completeness.js';
import type { AmazonOrdersPort } from './ports.js';
import { windowStart } from './import-window.js';
import { storeOrderPage, type OrderOutcome } from './store-order-page.js';

export interface ImportSummary extends SyncRunCounts {
  runId: string;
  connectionId: string;
  status: SyncRunStatus;
  pages: number;
  windowStart: string;
  windowEnd: string | null;
  cursor: string | null;
  apiCalls: Record<string, number>;
  throttled: number;
  error: { code: string; message: string } | null;
}

/** Failed orders re-fetched (getOrder) at the start of each run, so one bad order heals without blocking others. */
const FAILED_RETRY_LIMIT = 20;
const MAX_WINDOW_RESTARTS = 2;

/** One execution of an order pull: the page loop, counts, progress and the cursor move at the end. */
export class ImportRun {
  private readonly counts: SyncRunCounts = {
    ordersSeen: 0,
    ordersCreated: 0,
    ordersUpdated: 0,
    ordersUnchanged: 0,
    ordersSkipped: 0,
    ordersFailed: 0,
  };
  private pages = 0;
  private readonly statsAtStart: ReturnType<AmazonOrdersPort['stats']>;
  private summary!: ImportSummary;

  constructor(
    private readonly deps: ImportDeps,
    private readonly connection: Connection,
    private readonly amazon: AmazonOrdersPort,
    private readonly lock: ImportLock,
    private readonly options: ImportOptions,
  ) {
    this.statsAtStart = amazon.stats();
  }

  async execute(runId: string): Promise<ImportSummary> {
    const from = windowStart(this.connection);
    this.summary = this.snapshot(runId, 'running', from, null, null);
    await this.deps.syncRuns.start({
      id: runId,
      connectionId: this.connection.id,
      kind: 'orders.pull',
      trigger: this.options.trigger,
      startedAt: this.deps.clock.nowIso(),
      jobId: this.options.jobId ?? null,
    });
    await this.retryFailedOrders();
    const result = await this.readWindow(from);
    const status: SyncRunStatus = result.error ? 'failed' : this.counts.ordersFailed > 0 ? 'partial' : 'succeeded';
    const cursor = result.error ? this.connection.importCursor : result.windowEnd;
    await this.deps.db.transaction().execute(async (trx) => {
      if (!result.error && result.windowEnd) {
        await this.deps.connections.setCursor(trx, this.connection.id, result.windowEnd, this.deps.clock.nowIso());
      }
      await this.deps.syncRuns.progress(trx, runId, this.progressRow(from));
      await this.deps.syncRuns.finish(trx, runId, {
        status,
        finishedAt: this.deps.clock.nowIso(),
        windowEnd: result.windowEnd,
        errorCode: result.error?.code ?? null,
        errorMessage: result.error?.message ?? null,
      });
    });
    this.summary = this.snapshot(runId, status, from, result.windowEnd, cursor, result.error);
    this.options.onProgress?.(this.summary);
    return this.summary;
  }

  /** Reads every page of one window; restarts the window when Amazon's page token expired. */
  private async readWindow(from: string): Promise<{ windowEnd: string | null; error: AppError | null }> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.readPages(from);
      if (result.error?.code === 'amazon_pagination_token_expired' && attempt < MAX_WINDOW_RESTARTS) continue;
      return result;
    }
  }

  /**
   * Reads the pages of one window. The next page is requested as soon as its token is known, so its
   * wait for Amazon's rate limit overlaps the storing of the current page.
   */
  private async readPages(from: string): Promise<{ windowEnd: string | null; error: AppError | null }> {
    const fetchPage = (token: string | null) =>
      this.amazon.searchOrders({
        lastUpdatedAfter: from,
        marketplaceIds: [this.connection.marketplaceId],
        includedData: IMPORT_INCLUDED_DATA,
        maxResultsPerPage: 100,
        paginationToken: token,
      });
    let next: ReturnType<typeof fetchPage> | null = fetchPage(null);
    let windowEnd: string | null = null;
    while (next !== null) {
      // A stop (shutdown) does not wait for Amazon's latency or rate-limit wait: the page is read again next run.
      const page: Awaited<ReturnType<typeof fetchPage>> | null = await untilAborted(next, this.options.signal);
      if (page === null) return { windowEnd, error: abortedError() };
      if (!page.ok) return { windowEnd, error: page.error };
      windowEnd ??= page.value.lastUpdatedBefore;
      const token: string | null = page.value.nextToken;
      next = token !== null && !this.options.signal?.aborted ? fetchPage(token) : null;
      // The page is one transaction: a stop leaves it wholly stored or not at all (read again next run).
      const outcomes = await this.storePage(page.value.orders, 'searchOrders');
      if (outcomes === null) return { windowEnd, error: abortedError() };
      for (const outcome of outcomes) this.count(outcome);
      this.pages++;
      await this.reportProgress(from);
      if (this.options.signal?.aborted) return { windowEnd, error: abortedError() };
    }
    return { windowEnd, error: null };
  }

  private storePage(raws: readonly unknown[], source: 'searchOrders' | 'getOrder'): Promise<OrderOutcome[] | null> {
    const ctx = { ...this.deps, amazon: this.amazon, connection: this.connection };
    return storeOrderPage(ctx, raws, source, this.options.signal);
  }

  private async retryFailedOrders(): Promise<void> {
    const failed = await this.deps.orders.listFailed(this.connection.id, FAILED_RETRY_LIMIT);
    const fetched: unknown[] = [];
    for (const order of failed) {
      const result = await this.amazon.getOrder(order.amazonOrderId, IMPORT_INCLUDED_DATA);
      if (result.ok) fetched.push(result.value); // else it stays failed with its error; retried next run
    }
    const outcomes = fetched.length > 0 ? await this.storePage(fetched, 'getOrder') : [];
    for (const outcome of outcomes ?? []) this.count(outcome); // null: stopped; the window's read then stops too
  }

  private count(outcome: OrderOutcome): void {
    this.counts.ordersSeen++;
    const key = {
      created: 'ordersCreated',
      updated: 'ordersUpdated',
      unchanged: 'ordersUnchanged',
      stale: 'ordersUnchanged',
      skipped: 'ordersSkipped',
      failed: 'ordersFailed',
    } as const;
    this.counts[key[outcome]]++;
  }

  private async reportProgress(from: string): Promise<void> {
    await this.deps.syncRuns.progress(this.deps.db, this.summary.runId, this.progressRow(from));
    if (!(await this.lock.renew(this.deps.clock.now()))) {
      this.deps.logger.warn({ connectionId: this.connection.id }, 'import lease lost');
    }
    this.summary = this.snapshot(this.summary.runId, 'running', from, null, null);
    this.options.onProgress?.(this.summary);
  }

  private apiCalls(): { calls: Record<string, number>; throttled: number } {
    const now = this.amazon.stats();
    const calls: Record<string, number> = {};
    for (const [op, n] of Object.entries(now.calls)) {
      const delta = n - (this.statsAtStart.calls[op] ?? 0);
      if (delta > 0) calls[op] = delta;
    }
    return { calls, throttled: now.throttled - this.statsAtStart.throttled };
  }

  private progressRow(
    from: string,
  ): SyncRunCounts & { windowStart: string; pages: number; apiCalls: Record<string, number>; throttled: number } {
    const api = this.apiCalls();
    return { ...this.counts, windowStart: from, pages: this.pages, apiCalls: api.calls, throttled: api.throttled };
  }

  private snapshot(
    runId: string,
    status: SyncRunStatus,
    from: string,
    windowEnd: string | null,
    cursor: string | null,
    error: AppError | null = null,
  ): ImportSummary {
    const api = this.apiCalls();
    return {
      runId,
      connectionId: this.connection.id,
      status,
      ...this.counts,
      pages: this.pages,
      windowStart: from,
      windowEnd,
      cursor,
      apiCalls: api.calls,
      throttled: api.throttled,
      error: error ? { code: error.code, message: error.message } : null,
    };
  }
}

/** The promise's value, or null as soon as `signal` aborts (the promise is left to settle unobserved). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = (): void => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export const SYNC_ABORTED = 'sync_aborted';

function abortedError(): AppError {
  return new AppError(SYNC_ABORTED, 'The sync was stopped before it finished; the next run re-reads the window', {
    kind: 'conflict',
    retryable: true,
  });
}
