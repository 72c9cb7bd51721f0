import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components, paths } from '../../api/openapi';

export type StockStatus =
  paths['/api/connections/{connection}/stock']['get']['responses'][200]['content']['application/json'];
export type SkuStock = components['schemas']['SkuStock'];
export type SharedProduct = components['schemas']['SharedProduct'];
export type StockPushSummary =
  paths['/api/connections/{connection}/stock/push']['post']['responses'][200]['content']['application/json'];

const stockKey = (connectionId: string) => ['connections', connectionId, 'stock'] as const;

export function useStockStatus(connectionId: string | undefined) {
  return useQuery({
    queryKey: stockKey(connectionId ?? ''),
    queryFn: ({ signal }) =>
      api<StockStatus>('GET', `/api/connections/${encodeURIComponent(connectionId ?? '')}/stock`, undefined, {
        signal,
      }),
    enabled: connectionId !== undefined,
    // A pushed feed is processed by Amazon within minutes: follow it while any SKU waits.
    refetchInterval: (q) => (q.state.data?.skus.some((s) => s.status === 'sent') ? 10_000 : false),
  });
}

/** "Push now": the stock push job run at once (only quantities that changed are sent). */
export function usePushStock(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<StockPushSummary>('POST', `/api/connections/${encodeURIComponent(connectionId)}/stock/push`),
    onSettled: () => client.invalidateQueries({ queryKey: stockKey(connectionId) }),
  });
}
