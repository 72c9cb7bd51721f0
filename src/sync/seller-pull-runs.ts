import type { SyncRun, SyncRunCounts, SyncRunRepository, SyncRunStatus } from '../db/sync-run.repository.js';
import type { Connection } from '../domain/connection.js';

/** One connection's part of a shared seller pull, as a sync run shows it. */
export interface PullRunView extends SyncRunCounts {
  id: string;
  connectionId: string;
  connectionName: string;
  marketplaceId: string;
  status: SyncRunStatus;
}

export type SyncRunWithPull = SyncRun & { pull: { id: string; runs: PullRunView[] } | null };

/**
 * Adds to each run of a shared seller pull the runs of the connections pulled with it (their
 * counts), limited to `connections` (the caller's account: a pull never spans accounts anyway).
 */
export async function withPullRuns(
  syncRuns: SyncRunRepository,
  runs: readonly SyncRun[],
  connections: readonly Connection[],
): Promise<SyncRunWithPull[]> {
  const pullIds = [...new Set(runs.flatMap((r) => (r.pullId ? [r.pullId] : [])))];
  const byId = new Map(connections.map((c) => [c.id, c]));
  const related = new Map<string, PullRunView[]>();
  for (const r of await syncRuns.listByPull(pullIds)) {
    const connection = byId.get(r.connectionId);
    if (!connection || !r.pullId) continue;
    const view: PullRunView = {
      id: r.id,
      connectionId: r.connectionId,
      connectionName: connection.name,
      marketplaceId: connection.marketplaceId,
      status: r.status,
      ordersSeen: r.ordersSeen,
      ordersCreated: r.ordersCreated,
      ordersUpdated: r.ordersUpdated,
      ordersUnchanged: r.ordersUnchanged,
      ordersSkipped: r.ordersSkipped,
      ordersFailed: r.ordersFailed,
    };
    related.set(r.pullId, [...(related.get(r.pullId) ?? []), view]);
  }
  return runs.map((r) => ({ ...r, pull: r.pullId ? { id: r.pullId, runs: related.get(r.pullId) ?? [] } : null }));
}
