import { ok, type Result } from '../../lib/result.js';
import type { StoreOrderDraft } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { orderById } from './magento2-order.lookup.js';
import { adjustStock } from './magento2-stock.js';
import type { MagentoComment, MagentoOrder } from './magento2.types.js';

/**
 * Keyed by Amazon's ids, not OrderBridge's: a second installation (or connection) that finds the
 * order another one saved must not take its stock a second time.
 */
export const deductionKey = (amazonOrderId: string, orderItemId: string): string =>
  `amazon:${amazonOrderId}:${orderItemId}:order`;
export const returnKey = (amazonOrderId: string, orderItemId: string): string =>
  `amazon:${amazonOrderId}:${orderItemId}:order-return`;

/** Invoices a `new` order when the setting says so (state `processing`); an invoiced order is left alone. */
export async function invoiceIfDue(ctx: MagentoContext, order: MagentoOrder): Promise<Result<void>> {
  if (!ctx.settings.invoice || (order.state !== undefined && order.state !== 'new')) return ok(undefined);
  const res = await ctx.client.request<number>('orderInvoice', {
    params: { orderId: order.entity_id },
    body: { capture: true, notify: false },
  });
  if (res.ok) return ok(undefined);
  // An answer lost after Magento invoiced: the order says so now.
  const now = await orderById(ctx, order.entity_id);
  if (now.ok && now.value !== null && now.value.state !== 'new') return ok(undefined);
  return res;
}

/**
 * Direct save makes no MSI reservation: OrderBridge takes each linked line's quantity off the
 * configured source, keyed per Amazon item (`amazon:<amazonOrderId>:<orderItemId>:order`) so a re-run
 * or a found order — also one another installation saved — takes it once. Not for FBA orders or when FBA orders must not lower store stock.
 */
export async function deductStock(ctx: MagentoContext, draft: StoreOrderDraft): Promise<Result<void>> {
  if (draft.lowerStock === false || draft.fulfilledByAmazon === true) return ok(undefined);
  for (const item of draft.items) {
    if (item.productRef === null || item.quantity <= 0) continue;
    const res = await adjustStock(
      ctx,
      item.productRef,
      -item.quantity,
      deductionKey(draft.amazonOrderId, item.orderItemId),
    );
    if (!res.ok) return res;
  }
  return ok(undefined);
}

/** Adds each comment the order does not have yet (retries never write one twice). */
export async function addMissingComments(
  ctx: MagentoContext,
  entityId: number,
  comments: readonly string[],
): Promise<Result<void>> {
  if (comments.length === 0) return ok(undefined);
  const existing = await ctx.client.request<{ items?: MagentoComment[] }>('orderComments', {
    params: { id: entityId },
  });
  if (!existing.ok) return existing;
  const have = new Set((existing.value?.items ?? []).map((c) => c.comment ?? ''));
  for (const comment of comments) {
    if (have.has(comment)) continue;
    const res = await ctx.client.request<boolean>('orderCommentAdd', {
      params: { id: entityId },
      body: {
        statusHistory: { comment, parent_id: entityId, is_customer_notified: 0, is_visible_on_front: 0 },
      },
    });
    if (!res.ok) return res;
    have.add(comment);
  }
  return ok(undefined);
}
