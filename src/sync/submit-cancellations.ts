import {
  buildOrderAcknowledgementFeed,
  ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
  ORDER_FEED_CONTENT_TYPE,
} from '../amazon/feeds/order-acknowledgement-feed.js';
import { newId } from '../lib/ids.js';
import { ok, type Result } from '../lib/result.js';
import { enqueueFeedPoll, type StoreSideDeps } from './store-side-deps.js';

/** Amazon's feed guidance: batch, but keep a feed small enough to process quickly. */
const MAX_CANCELLATIONS_PER_FEED = 500;

/**
 * Sends every pending cancellation of a connection to Amazon in one POST_ORDER_ACKNOWLEDGEMENT_DATA
 * feed (StatusCode=Failure, a CancelReason per cancelled line), validated against the XSD before the
 * upload. The feed row is written first: a crash after the upload re-sends the same cancellations,
 * which Amazon treats as a no-op for lines already cancelled.
 */
export async function submitCancellations(deps: StoreSideDeps, connectionId: string): Promise<Result<number>> {
  const connection = await deps.connections.findById(connectionId);
  if (!connection?.config.active) return ok(0);
  const pending = await deps.cancellations.pending(connectionId, MAX_CANCELLATIONS_PER_FEED);
  if (pending.length === 0) return ok(0);
  const orders = new Map<string, string>();
  for (const c of pending) {
    const order = await deps.orders.findById(c.orderId);
    if (order) orders.set(c.orderId, order.amazonOrderId);
  }
  const feed = buildOrderAcknowledgementFeed({
    sellerId: connection.sellerId,
    cancellations: pending
      .filter((c) => orders.has(c.orderId) && c.items.length > 0)
      .map((c) => ({
        amazonOrderId: orders.get(c.orderId) ?? '',
        items: c.items.map((i) => ({ orderItemId: i.orderItemId, reason: c.reason })),
      })),
  });
  const now = deps.clock.nowIso();
  if (!feed.ok) {
    // Our own input is wrong (e.g. an unknown reason): nothing to retry, the orders need a person.
    await deps.cancellations.setState(
      deps.db,
      pending.map((c) => c.id),
      'failed',
      { error: feed.error.message },
      now,
    );
    return ok(0);
  }
  const feedId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await deps.cancellations.insertFeed(
      trx,
      { id: feedId, connectionId, feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE, document: feed.value.xml },
      now,
    );
    await deps.cancellations.updateFeed(trx, feedId, { report: { messageIds: feed.value.messageIds } }, now);
  });
  const amazon = await deps.amazonFor(connectionId);
  const submitted = await amazon.submitFeed(ORDER_ACKNOWLEDGEMENT_FEED_TYPE, feed.value.xml, ORDER_FEED_CONTENT_TYPE);
  if (!submitted.ok) {
    await deps.cancellations.updateFeed(deps.db, feedId, { state: 'not_sent' }, deps.clock.nowIso());
    return submitted;
  }
  const at = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.cancellations.updateFeed(trx, feedId, { amazonFeedId: submitted.value, state: 'submitted' }, at);
    await deps.cancellations.setState(
      trx,
      pending.map((c) => c.id),
      'submitted',
      { feedId },
      at,
    );
    for (const c of pending) {
      await deps.orders.addEvent(trx, {
        orderId: c.orderId,
        connectionId,
        occurredAt: at,
        direction: 'hub_to_amazon',
        kind: 'amazon.cancellation_submitted',
        summary: `Cancellation sent in feed ${submitted.value} (POST_ORDER_ACKNOWLEDGEMENT_DATA, ${c.items.length} line(s), reason ${c.reason})`,
        payload: { feedId: submitted.value, items: c.items, reason: c.reason },
      });
    }
    await enqueueFeedPoll(deps, feedId, trx);
  });
  return ok(pending.length);
}
