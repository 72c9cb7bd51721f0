import Big from 'big.js';
import { MagentoHttpError } from './magento-errors.js';
import { asArray, bigOf, isJsonObject, moneyNumber, numberOf, type Json } from './magento-format.js';
import type { OrderActionEnv } from './order-actions.js';
import { orderItems, type OrderRecord } from './order-store.js';

const NOT_REFUNDABLE = new Set(['canceled', 'closed', 'holded', 'payment_review']);

const refundError = (reason: string): MagentoHttpError =>
  new MagentoHttpError(400, 'Creditmemo Document Validation Error(s):\n%1', [reason]);

const refundable = (i: Json): number => numberOf(i.qty_invoiced) - numberOf(i.qty_refunded);

/**
 * POST /V1/order/{id}/refund (RefundOrder): an offline credit memo of the invoiced quantities (all, or
 * `items`). Everything refunded → state `closed`. A cart-placed order gets the reservation of the refunded,
 * unshipped quantities back (MSI); a directly saved one never reserved. Answers the credit memo id.
 */
export function refundOrder(env: OrderActionEnv, order: OrderRecord, body: Json): number {
  const items = orderItems(order);
  const state = typeof order.entity.state === 'string' ? order.entity.state : 'new';
  if (NOT_REFUNDABLE.has(state) || !items.some((i) => refundable(i) > 0))
    throw refundError('The order does not allow a creditmemo to be created.');
  const wanted = new Map<number, number>();
  for (const raw of asArray(body.items).filter(isJsonObject))
    wanted.set(numberOf(raw.order_item_id), numberOf(raw.qty));
  let amount = new Big(0);
  for (const item of items) {
    const qty = wanted.size === 0 ? refundable(item) : (wanted.get(numberOf(item.item_id)) ?? 0);
    if (qty > refundable(item)) throw refundError('The most money available to refund is less than requested.');
    if (qty <= 0) continue;
    const unshipped = Math.max(
      0,
      numberOf(item.qty_ordered) - numberOf(item.qty_shipped) - numberOf(item.qty_refunded),
    );
    item.qty_refunded = numberOf(item.qty_refunded) + qty;
    amount = amount.plus(bigOf(item.price_incl_tax ?? item.price).times(qty));
    if (order.reserved && typeof item.sku === 'string' && unshipped > 0)
      env.inventory.reserve(
        item.sku,
        env.stockId,
        Math.min(qty, unshipped),
        `creditmemo_created:${String(order.entity.entity_id)}`,
      );
  }
  const e = order.entity;
  const everything = items.every((i) => numberOf(i.qty_refunded) >= numberOf(i.qty_ordered) - numberOf(i.qty_canceled));
  const refunded = everything ? bigOf(e.grand_total) : bigOf(e.total_refunded).plus(amount);
  e.total_refunded = moneyNumber(refunded);
  e.base_total_refunded = moneyNumber(refunded);
  e.total_offline_refunded = moneyNumber(refunded);
  if (everything) {
    e.state = 'closed';
    e.status = 'closed';
  }
  const comment = isJsonObject(body.comment) && typeof body.comment.comment === 'string' ? body.comment.comment : null;
  if (body.appendComment === true && comment)
    e.status_histories = [
      ...asArray(e.status_histories),
      { comment, is_customer_notified: 0, is_visible_on_front: 0, entity_name: 'creditmemo' },
    ];
  env.orders.update({ entity_id: e.entity_id });
  return env.nextCreditMemoId();
}
