import type { FulfillmentStatus, OrderItem } from '@sp-api-sdk/orders-api-2026-01-01';
import { cancelOrder, orderStatus, touchOrder, unshippedQuantity, shippedQuantity } from './order-lifecycle.js';
import type { StoredOrder } from './stored-order.js';

/** One OrderAcknowledgement message of a POST_ORDER_ACKNOWLEDGEMENT_DATA feed. */
export interface AckMessage {
  messageId: number;
  amazonOrderId: string;
  merchantOrderId?: string;
  statusCode: string;
  items: { orderItemId: string; cancelReason?: string }[];
}

/** A Result line of the processing report (ResultMessageCode values are our picks, README). */
export interface AckResult {
  messageId: number;
  resultCode: 'Error' | 'Warning';
  messageCode: string;
  description: string;
  amazonOrderId?: string;
  amazonOrderItemCode?: string;
}

/** What a feed did to an order, shown by the control API next to the order. */
export interface OrderFeedAction {
  feedId: string;
  messageId: number;
  action: 'acknowledge' | 'cancel';
  at: string;
  merchantOrderId?: string;
  items?: { orderItemId: string; cancelReason: string }[];
  /** The order's status after the message. */
  status: FulfillmentStatus;
}

export const CODE_XML_ERROR = '5000';
export const CODE_ORDER_NOT_FOUND = '18028';
export const CODE_ITEM_NOT_FOUND = '18029';
export const CODE_NOT_CANCELLABLE = '18030';
export const CODE_ITEM_SHIPPED = '18031';
/** CancelReason when a Failure message lists no Item or an Item without CancelReason (our pick). */
export const DEFAULT_FEED_CANCEL_REASON = 'GeneralAdjustment';

const CANCELLABLE: readonly string[] = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED'];

const isCancelled = (item: OrderItem): boolean => item.cancellation?.cancellationExecution !== undefined;

/** Applies one message; returns its error lines (empty = successful) and the action done. */
export function applyAckMessage(
  stored: StoredOrder | undefined,
  msg: AckMessage,
  feedId: string,
  at: string,
): { errors: AckResult[]; action: OrderFeedAction | null } {
  const fail = (messageCode: string, description: string, amazonOrderItemCode?: string) => ({
    errors: [
      {
        messageId: msg.messageId,
        resultCode: 'Error' as const,
        messageCode,
        description,
        amazonOrderId: msg.amazonOrderId,
        ...(amazonOrderItemCode === undefined ? {} : { amazonOrderItemCode }),
      },
    ],
    action: null,
  });
  if (!stored) return fail(CODE_ORDER_NOT_FOUND, `The order ID ${msg.amazonOrderId} was not found in our system.`);
  const base = {
    feedId,
    messageId: msg.messageId,
    at,
    ...(msg.merchantOrderId && { merchantOrderId: msg.merchantOrderId }),
  };
  if (msg.statusCode === 'Success') {
    touchOrder(stored, at);
    return { errors: [], action: { ...base, action: 'acknowledge', status: orderStatus(stored) } };
  }
  const status = orderStatus(stored);
  if (!CANCELLABLE.includes(status) || stored.order.fulfillment?.fulfilledBy === 'AMAZON') {
    const why = stored.order.fulfillment?.fulfilledBy === 'AMAZON' ? 'fulfilled by Amazon' : status;
    return fail(CODE_NOT_CANCELLABLE, `The order ${msg.amazonOrderId} is ${why} and cannot be cancelled.`);
  }
  const items = new Map(stored.order.orderItems.map((i) => [i.orderItemId, i]));
  const wanted =
    msg.items.length > 0
      ? msg.items.map((i) => ({
          orderItemId: i.orderItemId,
          cancelReason: i.cancelReason ?? DEFAULT_FEED_CANCEL_REASON,
        }))
      : stored.order.orderItems
          .filter((i) => !isCancelled(i) && unshippedQuantity(i) > 0)
          .map((i) => ({ orderItemId: i.orderItemId, cancelReason: DEFAULT_FEED_CANCEL_REASON }));
  for (const w of wanted) {
    const item = items.get(w.orderItemId);
    if (!item)
      return fail(
        CODE_ITEM_NOT_FOUND,
        `Order item ${w.orderItemId} is not part of order ${msg.amazonOrderId}.`,
        w.orderItemId,
      );
    if (isCancelled(item))
      return fail(CODE_NOT_CANCELLABLE, `Order item ${w.orderItemId} is already cancelled.`, w.orderItemId);
    if (shippedQuantity(item) > 0)
      return fail(
        CODE_ITEM_SHIPPED,
        `Order item ${w.orderItemId} has already shipped and cannot be cancelled.`,
        w.orderItemId,
      );
  }
  if (wanted.length === 0)
    return fail(CODE_NOT_CANCELLABLE, `The order ${msg.amazonOrderId} has nothing left to cancel.`);
  cancelItems(stored, wanted, at);
  return { errors: [], action: { ...base, action: 'cancel', items: wanted, status: orderStatus(stored) } };
}

/**
 * Cancels lines. When every line ends cancelled, the order is cancelled through the lifecycle
 * (`cancelOrder`: CANCELLED, personal data withdrawn); the per-line reasons are kept.
 */
function cancelItems(stored: StoredOrder, lines: { orderItemId: string; cancelReason: string }[], at: string): void {
  const reasons = new Map(lines.map((l) => [l.orderItemId, l.cancelReason]));
  const all = stored.order.orderItems;
  if (all.every((i) => isCancelled(i) || reasons.has(i.orderItemId)) && all.every((i) => shippedQuantity(i) === 0)) {
    const previous = new Map(all.map((i) => [i.orderItemId, i.cancellation?.cancellationExecution?.cancelReason]));
    cancelOrder(stored, 'MERCHANT', lines[0]?.cancelReason ?? DEFAULT_FEED_CANCEL_REASON, at);
    for (const item of all) {
      const reason = reasons.get(item.orderItemId) ?? previous.get(item.orderItemId);
      if (reason !== undefined && item.cancellation?.cancellationExecution) {
        item.cancellation.cancellationExecution.cancelReason = reason;
      }
    }
    return;
  }
  for (const item of all) {
    const reason = reasons.get(item.orderItemId);
    if (reason === undefined) continue;
    item.cancellation = {
      ...item.cancellation,
      cancellationExecution: { cancelledBy: 'MERCHANT', cancelReason: reason },
    };
    item.fulfillment = { ...item.fulfillment, quantityFulfilled: shippedQuantity(item), quantityUnfulfilled: 0 };
  }
  if (all.every((i) => unshippedQuantity(i) === 0) && all.some((i) => shippedQuantity(i) > 0)) {
    stored.order.fulfillment = { ...stored.order.fulfillment, fulfillmentStatus: 'SHIPPED' };
  }
  touchOrder(stored, at);
}
