import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderRef } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { invalid } from './magento2.errors.js';
import { addMissingComments, deductionKey, returnKey } from './magento2-order.finish.js';
import { orderById } from './magento2-order.lookup.js';
import { adjustStock, wasApplied } from './magento2-stock.js';
import { ORDER_ID_INFO, paymentInfo, type MagentoOrder } from './magento2.types.js';

async function currentOrder(ctx: MagentoContext, ref: StoreOrderRef): Promise<Result<MagentoOrder>> {
  const res = await orderById(ctx, ref.ref);
  if (!res.ok) return res;
  if (res.value === null) {
    return err(
      new AppError('magento2_not_found', `Magento has no order ${ref.number || ref.ref}.`, {
        kind: 'not_found',
        retryable: false,
      }),
    );
  }
  return ok(res.value);
}

/**
 * An order closed by a credit memo (Magento refused to cancel it) is not cancelled item by item, so MSI's
 * cancel compensation never runs, and a credit memo without "return to stock" places nothing either: the
 * quantities OrderBridge took (ledger key `…:order`) and never shipped go back once (key `…:order-return`).
 * A cancelled order gets nothing back here: MSI's CancelOrderItemObserver already placed a +qty reservation
 * for every cancelled item, so a source write on top would make the salable quantity q too high.
 */
async function giveBackStock(ctx: MagentoContext, order: MagentoOrder): Promise<Result<void>> {
  const amazonOrderId = order.ext_order_id;
  if (!amazonOrderId || paymentInfo(order, ORDER_ID_INFO) === null) return ok(undefined);
  const perItem = new Map<string, { sku: string; qty: number }>();
  for (const i of order.items ?? []) {
    if (!i.ext_order_item_id || i.parent_item_id) continue;
    const seen = perItem.get(i.ext_order_item_id);
    // Shipped units left the warehouse: only what never shipped goes back.
    const open = Number(i.qty_ordered ?? 0) - Number(i.qty_shipped ?? 0);
    perItem.set(i.ext_order_item_id, { sku: i.sku, qty: (seen?.qty ?? 0) + open });
  }
  for (const [itemId, { sku, qty }] of perItem) {
    const taken = await wasApplied(ctx, sku, deductionKey(amazonOrderId, itemId));
    if (!taken.ok) return taken;
    if (!taken.value || qty <= 0) continue;
    const res = await adjustStock(ctx, sku, qty, returnKey(amazonOrderId, itemId));
    if (!res.ok) return res;
  }
  return ok(undefined);
}

const isClosed = (o: MagentoOrder): boolean => o.state === 'canceled' || o.state === 'closed';
const nothingShipped = (o: MagentoOrder): boolean => (o.items ?? []).every((i) => Number(i.qty_shipped ?? 0) === 0);

/**
 * An invoiced order cannot be cancelled in Magento (Order::canCancel): an offline credit memo of
 * everything (`POST /V1/order/{id}/refund`) closes it instead — only when nothing has shipped.
 */
async function refundUnshipped(ctx: MagentoContext, order: MagentoOrder, note: string): Promise<Result<void>> {
  if (order.state !== 'processing' || !nothingShipped(order)) return ok(undefined);
  const comment = note.trim() || 'Amazon cancelled the order';
  const res = await ctx.client.request<number>('orderRefund', {
    params: { orderId: order.entity_id },
    body: { notify: false, appendComment: true, comment: { comment, is_visible_on_front: 0 } },
  });
  return res.ok || res.error.retryable ? ok(undefined) : res;
}

/**
 * `POST /V1/orders/{id}/cancel` unless cancelled (or closed) already; an invoiced, unshipped order
 * is closed by a credit memo, and only then does the stock OrderBridge took go back (once); the note is added once.
 */
export async function cancelOrder(ctx: MagentoContext, ref: StoreOrderRef, note: string): Promise<Result<void>> {
  const current = await currentOrder(ctx, ref);
  if (!current.ok) return current;
  let order = current.value;
  if (!isClosed(order)) {
    const res = await ctx.client.request<boolean>('orderCancel', { params: { id: order.entity_id } });
    if (!res.ok && !res.error.retryable) return res;
    let after = await currentOrder(ctx, ref);
    if (!after.ok) return after;
    if (!isClosed(after.value)) {
      const refunded = await refundUnshipped(ctx, after.value, note);
      if (!refunded.ok) return refunded;
      after = await currentOrder(ctx, ref);
      if (!after.ok) return after;
    }
    order = after.value;
    if (!isClosed(order)) {
      if (!res.ok) return res;
      return err(
        invalid(
          'magento2_cancel_refused',
          `Magento cannot cancel order ${order.increment_id ?? ref.ref} (state ${order.state ?? '?'}): it has shipped items; refund it in Magento.`,
          { state: order.state ?? null },
        ),
      );
    }
  }
  if (order.state === 'closed') {
    const stock = await giveBackStock(ctx, order);
    if (!stock.ok) return stock;
  }
  return note.trim() === '' ? ok(undefined) : addMissingComments(ctx, order.entity_id, [note]);
}

export async function addOrderNote(ctx: MagentoContext, ref: StoreOrderRef, note: string): Promise<Result<void>> {
  if (note.trim() === '') return ok(undefined);
  return addMissingComments(ctx, Number(ref.ref), [note]);
}
