import { AMAZON_ORDER_STATUSES, type AmazonOrderStatus } from '../domain/amazon-order.js';
import { amazonStatusAfterRead } from '../domain/order-status.js';
import type { BuiltOrder } from './build-order.js';

const asAmazonStatus = (value: string | null): AmazonOrderStatus | null =>
  AMAZON_ORDER_STATUSES.find((s) => s === value) ?? null;

/**
 * A read of an order whose Amazon status is behind the stored one (OrderBridge's own confirmed
 * shipment or applied cancellation came first) keeps the stored Amazon status; `behind` then says
 * so on the timeline, in place of the refused status move. Everything else Amazon sent is kept.
 */
export function keepAmazonStatusAhead(
  storedAmazonStatus: string | null,
  built: BuiltOrder,
): { built: BuiltOrder; behind: { summary: string; read: AmazonOrderStatus; kept: AmazonOrderStatus } | null } {
  const read = built.order.amazonStatus;
  if (read === null) return { built, behind: null };
  const after = amazonStatusAfterRead(asAmazonStatus(storedAmazonStatus), read, built.illegalTransition === null);
  if (!after.behind) return { built, behind: null };
  const kept = after.amazonStatus;
  return {
    built: { ...built, order: { ...built.order, amazonStatus: kept }, illegalTransition: null },
    behind: {
      summary: `Amazon still answered ${read}, behind the ${kept} OrderBridge already recorded (e.g. its confirmed shipment); kept Amazon status ${kept} and status ${built.order.status}`,
      read,
      kept,
    },
  };
}
