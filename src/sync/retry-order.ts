import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import {
  enqueueCancellationSubmit,
  enqueueDelivery,
  enqueueShipmentConfirm,
  type StoreSideDeps,
} from './store-side-deps.js';

export interface RetrySummary {
  delivery: boolean;
  shipments: number;
  cancellations: number;
}

/**
 * Needs-attention → retry: clears the order's recorded store-side error and queues every step that
 * failed again (delivery, rejected shipments, failed cancellations). Invalid shipments stay invalid:
 * they need a corrected shipment from the store.
 */
export async function retryOrder(deps: StoreSideDeps, orderId: string): Promise<Result<RetrySummary>> {
  const order = await deps.orders.findById(orderId);
  if (!order) return err(new AppError('order_not_found', `No order ${orderId}`, { kind: 'not_found' }));
  const connection = await deps.connections.findById(order.connectionId);
  if (!connection?.storeId) {
    return err(
      new AppError('connection_has_no_store', 'The order’s connection has no store: link a store first', {
        kind: 'conflict',
      }),
    );
  }
  const now = deps.clock.nowIso();
  const shipments = (await deps.shipments.forOrder(orderId)).filter((s) => s.state === 'failed');
  const cancellations = (await deps.cancellations.forOrder(orderId)).filter((c) => c.state === 'failed');
  await deps.db.transaction().execute(async (trx) => {
    if (order.status !== 'failed') {
      await deps.orderStore.clearError(trx, orderId, now);
    }
    for (const s of shipments) await deps.shipments.setState(trx, s.id, 'pending', null, now);
    await deps.cancellations.setState(
      trx,
      cancellations.map((c) => c.id),
      'pending',
      { error: null },
      now,
    );
    await deps.orders.addEvent(trx, {
      orderId,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: 'internal',
      kind: 'order.retry_requested',
      summary: `Retry requested: delivery${shipments.length ? `, ${shipments.length} shipment(s)` : ''}${cancellations.length ? `, ${cancellations.length} cancellation(s)` : ''}`,
      payload: null,
    });
    await enqueueDelivery(deps, orderId, connection.storeId as string, trx);
    for (const s of shipments) {
      await enqueueShipmentConfirm(deps, s, trx);
    }
    if (cancellations.length > 0) {
      await enqueueCancellationSubmit(deps, order.connectionId, { trx });
    }
  });
  return ok({ delivery: true, shipments: shipments.length, cancellations: cancellations.length });
}
