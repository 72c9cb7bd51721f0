import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { SyncRun } from '../../api/types';
import { keys } from '../orders/queries';

export function apiCallTotal(run: SyncRun): number {
  return Object.values(run.apiCalls).reduce((sum, n) => sum + n, 0);
}

export function useSyncRuns(connection: string | undefined, limit: number) {
  return useQuery({
    queryKey: keys.syncRuns(connection, limit),
    queryFn: ({ signal }) =>
      api<{ syncRuns: SyncRun[] }>('GET', `/api/sync-runs${query({ connection, limit })}`, undefined, { signal }),
    select: (d) => d.syncRuns,
    placeholderData: (previous) => previous,
    // Follow running runs live.
    refetchInterval: (q) => (q.state.data?.syncRuns.some((r) => r.status === 'running') ? 3000 : false),
  });
}
