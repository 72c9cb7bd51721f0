import { sql, type Kysely, type Selectable } from 'kysely';
import { fromJson, toJson } from './json-column.js';
import type { Database, SyncRunsTable } from './schema.js';

export type SyncRunStatus = 'running' | 'succeeded' | 'failed' | 'partial';

export interface SyncRunCounts {
  ordersSeen: number;
  ordersCreated: number;
  ordersUpdated: number;
  ordersUnchanged: number;
  ordersSkipped: number;
  ordersFailed: number;
}

export interface SyncRun extends SyncRunCounts {
  id: string;
  connectionId: string;
  kind: string;
  trigger: string;
  status: SyncRunStatus;
  startedAt: string;
  finishedAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  apiCalls: Record<string, number>;
  throttled: number;
  errorCode: string | null;
  errorMessage: string | null;
  progress: { pages: number; orders: number } | null;
  /** The seller pull that ran this connection's orders together with its other marketplaces' (same id on each). */
  pullId: string | null;
  /** Orders of that pull for marketplaces without an active connection: counted, not stored. */
  ordersUnmatched: number;
}

function toSyncRun(r: Selectable<SyncRunsTable>): SyncRun {
  return {
    id: r.id,
    connectionId: r.connection_id,
    kind: r.kind,
    trigger: r.trigger,
    status: r.status as SyncRunStatus,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    ordersSeen: r.orders_seen,
    ordersCreated: r.orders_created,
    ordersUpdated: r.orders_updated,
    ordersUnchanged: r.orders_unchanged,
    ordersSkipped: r.orders_skipped,
    ordersFailed: r.orders_failed,
    apiCalls: fromJson<Record<string, number>>(r.api_calls_json) ?? {},
    throttled: r.throttled,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    progress: fromJson(r.progress_json),
    pullId: r.pull_id,
    ordersUnmatched: r.orders_unmatched,
  };
}

/** Sync runs: one row per execution of a pull, with counts, API calls and errors. */
export class SyncRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async start(run: {
    id: string;
    connectionId: string;
    kind: string;
    trigger: string;
    startedAt: string;
    /** The job running this pull, when it runs as one (GET /api/jobs/:id shows the run). */
    jobId?: string | null;
    /** The shared seller pull this run is part of (one run per connection of the pull). */
    pullId?: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('sync_runs')
      .values({
        id: run.id,
        connection_id: run.connectionId,
        kind: run.kind,
        trigger: run.trigger,
        status: 'running',
        started_at: run.startedAt,
        finished_at: null,
        window_start: null,
        window_end: null,
        orders_seen: 0,
        orders_created: 0,
        orders_updated: 0,
        orders_unchanged: 0,
        orders_skipped: 0,
        orders_failed: 0,
        api_calls_json: '{}',
        throttled: 0,
        error_code: null,
        error_message: null,
        progress_json: null,
        job_id: run.jobId ?? null,
        pull_id: run.pullId ?? null,
        orders_unmatched: 0,
      })
      .execute();
  }

  /**
   * The newest run a job started (a job retried after a failure starts a new run); of a seller pull
   * (a run per connection), `connectionId`'s run when it has one.
   */
  async findByJobId(jobId: string, connectionId?: string | null): Promise<SyncRun | null> {
    let query = this.db.selectFrom('sync_runs').selectAll().where('job_id', '=', jobId);
    if (connectionId) query = query.orderBy(sql`case when connection_id = ${connectionId} then 0 else 1 end`);
    const r = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return r ? toSyncRun(r) : null;
  }

  async progress(
    db: Kysely<Database>,
    id: string,
    p: SyncRunCounts & {
      windowStart: string | null;
      pages: number;
      apiCalls: Record<string, number>;
      throttled: number;
      ordersUnmatched?: number;
    },
  ): Promise<void> {
    await db
      .updateTable('sync_runs')
      .set({
        ...(p.ordersUnmatched !== undefined && { orders_unmatched: p.ordersUnmatched }),
        window_start: p.windowStart,
        orders_seen: p.ordersSeen,
        orders_created: p.ordersCreated,
        orders_updated: p.ordersUpdated,
        orders_unchanged: p.ordersUnchanged,
        orders_skipped: p.ordersSkipped,
        orders_failed: p.ordersFailed,
        api_calls_json: toJson(p.apiCalls),
        throttled: p.throttled,
        progress_json: toJson({ pages: p.pages, orders: p.ordersSeen }),
      })
      .where('id', '=', id)
      .execute();
  }

  async finish(
    db: Kysely<Database>,
    id: string,
    f: {
      status: SyncRunStatus;
      finishedAt: string;
      windowEnd: string | null;
      errorCode: string | null;
      errorMessage: string | null;
    },
  ): Promise<void> {
    await db
      .updateTable('sync_runs')
      .set({
        status: f.status,
        finished_at: f.finishedAt,
        window_end: f.windowEnd,
        error_code: f.errorCode,
        error_message: f.errorMessage,
      })
      .where('id', '=', id)
      .execute();
  }

  async findById(id: string): Promise<SyncRun | null> {
    const r = await this.db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toSyncRun(r) : null;
  }

  async list(connectionIds: string[], limit: number): Promise<SyncRun[]> {
    if (connectionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('connection_id', 'in', connectionIds)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSyncRun);
  }

  /** Every run of these seller pulls (the connections pulled together), oldest connection first. */
  async listByPull(pullIds: readonly string[]): Promise<SyncRun[]> {
    if (pullIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('pull_id', 'in', [...pullIds])
      .orderBy('started_at')
      .orderBy('id')
      .execute();
    return rows.map(toSyncRun);
  }

  /** Runs left 'running' by a process that died are marked failed when a new run starts. */
  async failAbandoned(connectionId: string, now: string): Promise<void> {
    await this.db
      .updateTable('sync_runs')
      .set({
        status: 'failed',
        finished_at: now,
        error_code: 'sync_interrupted',
        error_message: 'The process running this sync stopped before it finished; the next run re-read the window.',
      })
      .where('connection_id', '=', connectionId)
      .where('status', '=', 'running')
      .execute();
  }
}
