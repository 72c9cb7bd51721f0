import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, query } from '../../api/client';
import type { Connection } from '../../api/types';
import type { Order, OrderDetails, RetryResult } from './types';

/** Query keys of the orders, needs-attention, sync-runs and dashboard pages. */
export const keys = {
  connections: ['connections'] as const,
  orders: (params: Record<string, string | number | undefined>) => ['orders', params] as const,
  order: (id: string) => ['orders', 'details', id] as const,
  attention: ['needs-attention'] as const,
  syncRuns: (connection: string | undefined, limit: number) => ['sync-runs', connection ?? 'all', limit] as const,
  ordersPerDay: (connection: string | undefined, days: number) =>
    ['orders-per-day', connection ?? 'all', days] as const,
};

export function useConnections() {
  return useQuery({
    queryKey: keys.connections,
    queryFn: ({ signal }) => api<{ connections: Connection[] }>('GET', '/api/connections', undefined, { signal }),
    select: (d) => d.connections,
  });
}

/** connection id → name (falls back to the id while loading). */
export function useConnectionNames(): (id: string) => string {
  const { data } = useConnections();
  return useMemo(() => {
    const names = new Map((data ?? []).map((c) => [c.id, c.name]));
    return (id: string) => names.get(id) ?? id;
  }, [data]);
}

export interface OrderListParams {
  connection?: string | undefined;
  status?: string | undefined;
  amazonStatus?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export function useOrders(params: OrderListParams) {
  return useQuery({
    queryKey: keys.orders({ ...params }),
    queryFn: ({ signal }) =>
      api<{ orders: Order[]; total: number }>('GET', `/api/orders${query({ ...params })}`, undefined, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useOrderDetails(id: string) {
  return useQuery({
    queryKey: keys.order(id),
    queryFn: ({ signal }) => api<OrderDetails>('GET', `/api/orders/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}

/** Part of an order's details (one request, shared with useOrderDetails when keyed by the same id). */
function useOrderPart<T>(order: { id: string } | undefined, pick: (d: OrderDetails) => T) {
  return useQuery({
    queryKey: keys.order(order?.id ?? ''),
    enabled: order !== undefined,
    queryFn: ({ signal }) =>
      api<OrderDetails>('GET', `/api/orders/${encodeURIComponent(order?.id ?? '')}`, undefined, { signal }),
    select: pick,
  });
}

/** The order's shipments and their confirmation on Amazon. */
export const useOrderShipments = (order: { id: string } | undefined) => useOrderPart(order, (d) => d.shipments);

/** The order's store cancellations sent to Amazon. */
export const useOrderCancellations = (order: { id: string } | undefined) => useOrderPart(order, (d) => d.cancellations);

export const ATTENTION_LIMIT = 500;

export function useNeedsAttention() {
  return useQuery({
    queryKey: keys.attention,
    queryFn: ({ signal }) =>
      api<{ orders: Order[] }>('GET', `/api/needs-attention${query({ limit: ATTENTION_LIMIT })}`, undefined, {
        signal,
      }),
    select: (d) => d.orders,
  });
}

/** POST /api/orders/:id/retry, then refreshes the order, the lists and the queue. */
export function useRetryOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) =>
      api<RetryResult>('POST', `/api/orders/${encodeURIComponent(orderId)}/retry`, undefined),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['orders'] }),
        client.invalidateQueries({ queryKey: keys.attention }),
      ]),
  });
}

/** "Retry queued: delivery, 1 shipment, 0 cancellations." */
export function describeRetry(r: RetryResult): string {
  const parts: string[] = [];
  if (r.delivery) parts.push('the store delivery');
  if (r.shipments > 0) parts.push(`${r.shipments} shipment${r.shipments === 1 ? '' : 's'}`);
  if (r.cancellations > 0) parts.push(`${r.cancellations} cancellation${r.cancellations === 1 ? '' : 's'}`);
  return parts.length > 0
    ? `Retry started for ${parts.join(', ')}.`
    : 'Nothing to retry right now: no failed delivery, shipment or cancellation.';
}
