import { ok, type Result } from '../../lib/result.js';
import type { StoreOrderRef } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { searchParams, toMagentoTime, type SearchFilter } from './magento2-search.js';
import { ORDER_ID_INFO, paymentInfo, type MagentoOrder } from './magento2.types.js';

/** How far back findOrder scans for OrderBridge's id (it is kept in the payment, which no filter reaches). */
export const FIND_ORDER_LOOKBACK_MS = 30 * 86_400_000;

export const toRef = (o: MagentoOrder): StoreOrderRef => ({
  ref: String(o.entity_id),
  number: o.increment_id ?? String(o.entity_id),
});

/** Orders matching every filter (one filter per group = AND), newest first. */
export async function searchOrders(
  ctx: MagentoContext,
  filters: SearchFilter[],
  pageSize = 20,
): Promise<Result<MagentoOrder[]>> {
  const res = await ctx.client.request<{ items?: MagentoOrder[] }>('ordersSearch', {
    query: searchParams({
      groups: filters.map((f) => [f]),
      sort: [{ field: 'entity_id', direction: 'DESC' }],
      pageSize,
    }),
  });
  return res.ok ? ok(res.value?.items ?? []) : res;
}

/** The order carrying Amazon's id as `ext_order_id` (indexed in sales_order). */
export async function orderByAmazonId(
  ctx: MagentoContext,
  amazonOrderId: string,
): Promise<Result<MagentoOrder | null>> {
  const res = await searchOrders(ctx, [{ field: 'ext_order_id', value: amazonOrderId }], 5);
  if (!res.ok) return res;
  // The oldest wins should a second order with the same id ever exist.
  const sorted = [...res.value].sort((a, b) => a.entity_id - b.entity_id);
  return ok(sorted[0] ?? null);
}

export async function orderById(ctx: MagentoContext, entityId: number | string): Promise<Result<MagentoOrder | null>> {
  const res = await ctx.client.request<MagentoOrder>('orderGet', { params: { id: entityId } });
  if (res.ok) return ok(res.value);
  return res.error.code === 'magento2_not_found' ? ok(null) : res;
}

/**
 * OrderBridge's order id lives in `payment.additional_information`, which Magento cannot filter on:
 * orders made in the last 30 days that carry an Amazon id are scanned (newest first).
 */
export async function orderByOrderBridgeId(ctx: MagentoContext, orderId: string): Promise<Result<MagentoOrder | null>> {
  const since = toMagentoTime(new Date(ctx.nowMs() - FIND_ORDER_LOOKBACK_MS).toISOString());
  const res = await ctx.client.searchAll<MagentoOrder>(
    'ordersSearch',
    {
      groups: [
        [{ field: 'ext_order_id', value: '', conditionType: 'notnull' }],
        [{ field: 'created_at', value: since, conditionType: 'gteq' }],
      ],
      sort: [{ field: 'entity_id', direction: 'DESC' }],
      pageSize: 300,
    },
    20,
  );
  if (!res.ok) return res;
  return ok(res.value.find((o) => paymentInfo(o, ORDER_ID_INFO) === orderId) ?? null);
}
