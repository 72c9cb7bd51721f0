import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderRef } from '../store-connector.js';
import type { ShopifyContext } from './shopify.context.js';
import { notFound, userError } from './shopify.errors.js';
import type { ShopifyUserError } from './shopify.types.js';

interface OrderState {
  id: string;
  name: string;
  note: string | null;
  cancelledAt: string | null;
}

const orderGid = (ref: string): string => (/^\d+$/.test(ref.trim()) ? `gid://shopify/Order/${ref.trim()}` : ref.trim());

async function state(ctx: ShopifyContext, ref: string): Promise<Result<OrderState>> {
  const res = await ctx.client.request<{ order: OrderState | null }>('orderState', { id: orderGid(ref) });
  if (!res.ok) return res;
  if (!res.value.order) return err(notFound(`Shopify has no order ${ref}.`));
  return ok(res.value.order);
}

/**
 * orderCancel (reason OTHER, refund to the original payment — Amazon's "paid" transaction —,
 * restock, no e-mail, the note as staff note). Shopify cancels in a background job; its answer is
 * accepted as done (the order's cancelledAt follows within seconds). Cancelled already = fine.
 */
export async function cancelOrder(ctx: ShopifyContext, order: StoreOrderRef, note: string): Promise<Result<void>> {
  const current = await state(ctx, order.ref);
  if (!current.ok) return current;
  if (current.value.cancelledAt !== null) return ok(undefined);
  const res = await ctx.client.request<{ orderCancel: { orderCancelUserErrors: ShopifyUserError[] } }>('orderCancel', {
    orderId: current.value.id,
    reason: 'OTHER',
    refundMethod: { originalPaymentMethodsRefund: true },
    restock: true,
    staffNote: note.slice(0, 255) || null,
  });
  if (!res.ok) return res;
  const errors = res.value.orderCancel.orderCancelUserErrors;
  if (errors.length === 0) return ok(undefined);
  const again = await state(ctx, order.ref);
  if (again.ok && again.value.cancelledAt !== null) return ok(undefined);
  return err(userError(errors, `orderCancel of ${current.value.name}`));
}

/** Appends the note to the order's note (read first; a note already there is not added twice). */
export async function addOrderNote(ctx: ShopifyContext, order: StoreOrderRef, note: string): Promise<Result<void>> {
  const text = note.trim();
  if (text === '') return ok(undefined);
  const current = await state(ctx, order.ref);
  if (!current.ok) return current;
  const existing = current.value.note ?? '';
  if (existing.includes(text)) return ok(undefined);
  const res = await ctx.client.request<{ orderUpdate: { userErrors: ShopifyUserError[] } }>('orderUpdateNote', {
    input: { id: current.value.id, note: existing ? `${existing}\n${text}` : text },
  });
  if (!res.ok) return res;
  const errors = res.value.orderUpdate.userErrors;
  return errors.length === 0 ? ok(undefined) : err(userError(errors, 'orderUpdate'));
}
