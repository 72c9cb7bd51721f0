import type { JobHandlers } from '../jobs/job-queue.js';
import type { AppError } from '../lib/errors.js';
import type { Result } from '../lib/result.js';
import { confirmShipment } from '../sync/confirm-shipment.js';
import { deliverOrder } from '../sync/deliver-order.js';
import { deliverWebhook } from '../sync/deliver-webhook.js';
import { pollFeed } from '../sync/poll-feed.js';
import { pollStore } from '../sync/poll-store.js';
import { pushStock } from '../sync/push-stock.js';
import { JOBS, type StoreSideDeps } from '../sync/store-side-deps.js';
import { submitCancellations } from '../sync/submit-cancellations.js';

/** Retryable failures are thrown so the job runner retries with backoff; final ones are handled. */
async function settle<T>(
  result: Promise<Result<T>>,
  onFinal: (error: AppError) => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const r = await result;
  if (r.ok) return;
  if (r.error.retryable) throw r.error;
  await onFinal(r.error);
}

/** The store-side jobs (ARCHITECTURE.md "Jobs"); payloads carry ids only. */
export function storeSideHandlers(deps: StoreSideDeps): JobHandlers {
  const id = (payload: Record<string, unknown>, key: string): string => String(payload[key]);
  return {
    [JOBS.deliver]: ({ job, signal }) =>
      settle(deliverOrder(deps, id(job.payload, 'orderId'), signal), async (error) => {
        const orderId = id(job.payload, 'orderId');
        const order = await deps.orders.findById(orderId);
        if (!order) return;
        const now = deps.clock.nowIso();
        await deps.orderStore.recordFailure(orderId, { code: error.code, message: error.message }, now);
        await deps.orders.addEvent(deps.db, {
          orderId,
          connectionId: order.connectionId,
          occurredAt: now,
          direction: 'hub_to_store',
          kind: 'store.delivery_failed',
          summary: `Store delivery failed: ${error.message} (fix it, then retry the order)`,
          payload: error.toJSON(),
        });
      }),
    [JOBS.confirmShipment]: ({ job }) => settle(confirmShipment(deps, id(job.payload, 'shipmentId'))),
    [JOBS.submitCancellations]: ({ job }) => settle(submitCancellations(deps, id(job.payload, 'connectionId'))),
    [JOBS.pollFeed]: ({ job }) => settle(pollFeed(deps, id(job.payload, 'feedId'))),
    [JOBS.pushStock]: ({ job }) => settle(pushStock(deps, id(job.payload, 'connectionId'))),
    [JOBS.pollStore]: ({ job }) => settle(pollStore(deps, id(job.payload, 'storeId'))),
    [JOBS.deliverWebhook]: ({ job }) => settle(deliverWebhook(deps, id(job.payload, 'deliveryId'))),
  };
}
