import type { Connection } from '../domain/connection.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { SyncRunCounts, SyncRunStatus } from '../db/sync-run.repository.js';
import type { ImportLock } from './import-lock.js';
import type { ImportDeps, ImportOptions } from './import-orders.js';
import { IMPORT_INCLUDED_DATA } from './order-completeness.js';
import type { AmazonOrdersPort } from './ports.js';
import { storeOrderPage, type OrderOutcome } from './store-order-page.js';

/** One connection's part of a pull: its sync run and counts. */
export interface ConnectionPullCounts extends SyncRunCounts {
  connectionId: string;
  marketplaceId: string;
  runId: string;
  status: SyncRunStatus;
}

export interface ImportSummary extends SyncRunCounts {
  /** The sync run of the connection the pull was asked for (each connection of the pull has its own). */
  runId: string;
  connectionId: string;
  /** Links the sync runs of one shared seller pull; null for a connection's catch-up pull. */
  pullId: string | null;
  status: SyncRunStatus;
  pages: number;
  windowStart: string;
  windowEnd: string | null;
  cursor: string | null;
  apiCalls: Record<string, number>;
  throttled: number;
  /** Orders of marketplaces without an active connection of the seller account: counted, not stored. */
  ordersUnmatched: number;
  /** Counts per connection (the totals above are their sum). */
  connections: ConnectionPullCounts[];
  error: { code: string; message: string } | null;
}

/** What one pull reads and where its cursor goes. */
export interface PullPlan {
  /** Active connections whose marketplaces this pull reads (one marketplace each). */
  members: Connection[];
  from: string;
  /** The seller account's shared pull (its cursor moves with the window); null: one connection catching up alone. */
  sellerPullId: string | null;
  /** The cursor before this pull (reported back when the pull fails). */
  previousCursor: string | null;
  /** The connection the summary is for; the first member when absent. */
  focusConnectionId?: string | undefined;
}

/** Failed orders re-fetched (getOrder) at the start of each run, so one bad order heals without blocking others. */
const FAILED_RETRY_LIMIT = 20;
const MAX_WINDOW_RESTARTS = 2;
/** searchOrders takes at most 50 marketplace ids per call. */
const MARKETPLACES_PER_CALL = 50;

const emptyCounts = (): SyncRunCounts => ({
  ordersSeen: 0,
  ordersCreated: 0,
  ordersUpdated: 0,
  ordersUnchanged: 0,
  ordersSkipped: 0,
  ordersFailed: 0,
});

class MemberRun {
  readonly runId = newId();
  readonly counts = emptyCounts();
  /** Disabled during the pull: its orders are no longer stored and its cursor stays. */
  dropped = false;

  constructor(readonly connection: Connection) {}

  count(outcome: OrderOutcome): void {
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
}

type WindowResult = { windowEnd: string | null; error: AppError | null };

/**
 * One execution of an order pull for one or more connections of a seller account: one searchOrders
 * per page for all their marketplaces, each order stored under the connection of its marketplace
 * (with that connection's Orders Configuration), a sync run per connection, and the cursor moved
 * only after the whole window is stored.
 */
export class ImportRun {
  private readonly runs: MemberRun[];
  private readonly pullId: string | null;
  private pages = 0;
  private unmatched = 0;
  private readonly statsAtStart: ReturnType<AmazonOrdersPort['stats']>;

  constructor(
    private readonly deps: ImportDeps,
    private readonly plan: PullPlan,
    private readonly amazon: AmazonOrdersPort,
    private readonly lock: ImportLock,
    private readonly options: ImportOptions,
  ) {
    this.statsAtStart = amazon.stats();
    this.runs = plan.members.map((m) => new MemberRun(m));
    this.pullId = plan.sellerPullId ? newId() : null;
  }

  async execute(): Promise<ImportSummary> {
    const startedAt = this.deps.clock.nowIso();
    for (const run of this.runs) {
      await this.deps.syncRuns.failAbandoned(run.connection.id, startedAt);
      await this.deps.syncRuns.start({
        id: run.runId,
        connectionId: run.connection.id,
        kind: 'orders.pull',
        trigger: this.options.trigger,
        startedAt,
        jobId: this.options.jobId ?? null,
        pullId: this.pullId,
      });
    }
    for (const run of this.runs) await this.retryFailedOrders(run);
    const result = await this.readAllMarketplaces();
    const moved = !result.error && result.windowEnd ? result.windowEnd : null;
    const now = this.deps.clock.nowIso();
    await this.deps.db.transaction().execute(async (trx) => {
      if (moved && this.plan.sellerPullId)
        await this.deps.sellerPulls.setCursor(trx, this.plan.sellerPullId, moved, now);
      for (const run of this.runs) {
        // Each connection's own cursor follows, so "last synced" stays per connection.
        if (moved && !run.dropped) await this.deps.connections.setCursor(trx, run.connection.id, moved, now);
        await this.deps.syncRuns.progress(trx, run.runId, this.progressRow(run));
        await this.deps.syncRuns.finish(trx, run.runId, {
          status: this.statusOf(run, result.error),
          finishedAt: now,
          windowEnd: result.windowEnd,
          errorCode: result.error?.code ?? null,
          errorMessage: result.error?.message ?? null,
        });
      }
    });
    const summary = this.snapshot(result, moved ?? this.plan.previousCursor);
    await this.options.onProgress?.(summary);
    return summary;
  }

  /** Reads the window for every marketplace, 50 per searchOrders; the cursor is the earliest end read. */
  private async readAllMarketplaces(): Promise<WindowResult> {
    const ids = this.runs.map((r) => r.connection.marketplaceId);
    let windowEnd: string | null = null;
    for (let i = 0; i < ids.length; i += MARKETPLACES_PER_CALL) {
      const result = await this.readWindow(ids.slice(i, i + MARKETPLACES_PER_CALL));
      if (result.error || result.windowEnd === null) return result;
      if (windowEnd === null || Date.parse(result.windowEnd) < Date.parse(windowEnd)) windowEnd = result.windowEnd;
    }
    return { windowEnd, error: null };
  }

  /** Reads every page of one window; restarts the window when Amazon's page token expired. */
  private async readWindow(marketplaceIds: string[]): Promise<WindowResult> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.readPages(marketplaceIds);
      if (result.error?.code === 'amazon_pagination_token_expired' && attempt < MAX_WINDOW_RESTARTS) continue;
      return result;
    }
  }

  /**
   * Reads the pages of one window. The next page is requested as soon as its token is known, so its
   * wait for Amazon's rate limit overlaps the storing of the current page.
   */
  private async readPages(marketplaceIds: string[]): Promise<WindowResult> {
    const fetchPage = (token: string | null) =>
      this.amazon.searchOrders({
        lastUpdatedAfter: this.plan.from,
        marketplaceIds,
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
      if (!(await this.storeSearchPage(page.value.orders))) return { windowEnd, error: abortedError() };
      this.pages++;
      await this.reportProgress();
      if (this.options.signal?.aborted) return { windowEnd, error: abortedError() };
    }
    return { windowEnd, error: null };
  }

  /**
   * Stores a page: each connection's orders in its own page transaction (store-order-page.ts). A stop
   * may leave some connections' part stored: the cursor has not moved, so the page is read again.
   * False when stopped.
   */
  private async storeSearchPage(raws: readonly unknown[]): Promise<boolean> {
    const active = await this.deps.connections.activeIds(
      this.runs.filter((r) => !r.dropped).map((r) => r.connection.id),
    );
    for (const run of this.runs) if (!active.has(run.connection.id)) run.dropped = true;
    const parts = new Map<MemberRun, unknown[]>();
    for (const raw of raws) {
      const run = this.runFor(raw);
      const part = run ? (parts.get(run) ?? parts.set(run, []).get(run)) : undefined;
      if (part) part.push(raw);
      else this.unmatched++;
    }
    for (const [run, orders] of parts) {
      const outcomes = await this.storePage(run, orders, 'searchOrders');
      if (outcomes === null) return false;
      for (const outcome of outcomes) run.count(outcome);
    }
    return true;
  }

  /** The connection of the order's marketplace; an order whose marketplace is unreadable belongs to a lone connection. */
  private runFor(raw: unknown): MemberRun | null {
    const marketplaceId = rawMarketplaceId(raw);
    const run =
      marketplaceId === null
        ? this.runs.length === 1
          ? this.runs[0]
          : undefined
        : this.runs.find((r) => r.connection.marketplaceId === marketplaceId);
    return run && !run.dropped ? run : null;
  }

  private storePage(
    run: MemberRun,
    raws: readonly unknown[],
    source: 'searchOrders' | 'getOrder',
  ): Promise<OrderOutcome[] | null> {
    const ctx = { ...this.deps, amazon: this.amazon, connection: run.connection };
    return storeOrderPage(ctx, raws, source, this.options.signal);
  }

  private async retryFailedOrders(run: MemberRun): Promise<void> {
    const failed = await this.deps.orders.listFailed(run.connection.id, FAILED_RETRY_LIMIT);
    const fetched: unknown[] = [];
    for (const order of failed) {
      const result = await this.amazon.getOrder(order.amazonOrderId, IMPORT_INCLUDED_DATA);
      if (result.ok) fetched.push(result.value); // else it stays failed with its error; retried next run
    }
    const outcomes = fetched.length > 0 ? await this.storePage(run, fetched, 'getOrder') : [];
    for (const outcome of outcomes ?? []) run.count(outcome); // null: stopped; the window's read then stops too
  }

  private async reportProgress(): Promise<void> {
    for (const run of this.runs) await this.deps.syncRuns.progress(this.deps.db, run.runId, this.progressRow(run));
    if (!(await this.lock.renew(this.deps.clock.now()))) {
      this.deps.logger.warn({ sellerPullId: this.plan.sellerPullId, pullId: this.pullId }, 'import lease lost');
    }
    await this.options.onProgress?.(this.snapshot({ windowEnd: null, error: null }, null, 'running'));
  }

  private statusOf(run: MemberRun, error: AppError | null): SyncRunStatus {
    return error ? 'failed' : run.counts.ordersFailed > 0 ? 'partial' : 'succeeded';
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

  /** A run's row: its connection's counts; the Amazon calls and unmatched orders are the whole pull's. */
  private progressRow(run: MemberRun) {
    const api = this.apiCalls();
    return {
      ...run.counts,
      windowStart: this.plan.from,
      pages: this.pages,
      apiCalls: api.calls,
      throttled: api.throttled,
      ordersUnmatched: this.unmatched,
    };
  }

  private snapshot(result: WindowResult, cursor: string | null, running?: 'running'): ImportSummary {
    const api = this.apiCalls();
    const totals = emptyCounts();
    for (const run of this.runs)
      for (const key of Object.keys(totals) as Array<keyof SyncRunCounts>) totals[key] += run.counts[key];
    const focus = this.runs.find((r) => r.connection.id === this.plan.focusConnectionId) ?? this.runs[0];
    const status = (run: MemberRun): SyncRunStatus => running ?? this.statusOf(run, result.error);
    return {
      runId: focus?.runId ?? '',
      connectionId: focus?.connection.id ?? '',
      pullId: this.pullId,
      status: running ?? (result.error ? 'failed' : totals.ordersFailed > 0 ? 'partial' : 'succeeded'),
      ...totals,
      pages: this.pages,
      windowStart: this.plan.from,
      windowEnd: result.windowEnd,
      cursor,
      apiCalls: api.calls,
      throttled: api.throttled,
      ordersUnmatched: this.unmatched,
      connections: this.runs.map((r) => ({
        connectionId: r.connection.id,
        marketplaceId: r.connection.marketplaceId,
        runId: r.runId,
        status: status(r),
        ...r.counts,
      })),
      error: result.error ? { code: result.error.code, message: result.error.message } : null,
    };
  }
}

/** The raw Amazon order's marketplace (salesChannel.marketplaceId, see amazon/order-adapter.ts); null when unreadable. */
export function rawMarketplaceId(raw: unknown): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const channel = (raw as { salesChannel?: unknown }).salesChannel;
  if (channel === null || typeof channel !== 'object') return null;
  const id = (channel as { marketplaceId?: unknown }).marketplaceId;
  return typeof id === 'string' && id.length > 0 ? id : null;
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
