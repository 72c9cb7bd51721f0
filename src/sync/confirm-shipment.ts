import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { progressAfterShipment, type AmazonProgress } from '../domain/write-back-progress.js';
import { ok, type Result } from '../lib/result.js';
import type { StoreSideDeps } from './store-side-deps.js';

export type ConfirmOutcome = 'confirmed' | 'rejected' | 'not_pending' | 'inactive';

/** Amazon's status (and ours) as the confirmed shipments make it, without waiting for the next pull. */
async function recordAmazonProgress(
  deps: StoreSideDeps,
  trx: Kysely<Database>,
  orderId: string,
  now: string,
): Promise<AmazonProgress | null> {
  const current = await deps.orders.findById(orderId, trx);
  if (!current) return null;
  const confirmed = (await deps.shipments.forOrder(orderId, trx)).filter((s) => s.state === 'confirmed');
  const progress = progressAfterShipment(current.status, await deps.orders.lines(orderId, trx), confirmed);
  if (progress) await deps.orderStore.setAmazonProgress(trx, orderId, progress, now);
  return progress;
}

/**
 * Sends one recorded shipment to Amazon (Orders v0 confirmShipment). The package reference id was
 * fixed when the shipment was recorded, so a retry after a crash edits the same package on Amazon
 * instead of adding a second one. Retryable failures come back as errors (the job retries);
 * Amazon's rejections are final and put the order in needs-attention.
 */
export async function confirmShipment(deps: StoreSideDeps, shipmentId: string): Promise<Result<ConfirmOutcome>> {
  const shipment = await deps.shipments.findById(shipmentId);
  if (shipment?.state !== 'pending') return ok('not_pending');
  const order = await deps.orders.findById(shipment.orderId);
  const connection = order ? await deps.connections.findById(order.connectionId) : null;
  if (!order || !connection) return ok('not_pending');
  if (!connection.config.active) return ok('inactive');
  await deps.shipments.markAttempt(shipment.id, deps.clock.nowIso());
  const amazon = await deps.amazonFor(connection.id);
  const sent = await amazon.confirmShipment({
    amazonOrderId: order.amazonOrderId,
    marketplaceId: order.marketplaceId,
    packageReferenceId: shipment.packageReferenceId,
    carrierCode: shipment.carrierCode,
    carrierName: shipment.carrierName,
    shippingMethod: shipment.shippingMethod,
    trackingNumber: shipment.trackingNumber ?? '',
    shipDate: shipment.shipDate,
    items: shipment.items,
  });
  if (!sent.ok && sent.error.retryable) return sent;
  const now = deps.clock.nowIso();
  const carrier = shipment.carrierCode === 'Other' ? `Other / ${shipment.carrierName ?? ''}` : shipment.carrierCode;
  await deps.db.transaction().execute(async (trx) => {
    await deps.shipments.setState(
      trx,
      shipment.id,
      sent.ok ? 'confirmed' : 'failed',
      sent.ok ? null : sent.error.message,
      now,
    );
    const progress = sent.ok ? await recordAmazonProgress(deps, trx, order.id, now) : null;
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: 'hub_to_amazon',
      kind: sent.ok ? 'amazon.shipment_confirmed' : 'amazon.shipment_rejected',
      summary: sent.ok
        ? `confirmShipment: package ${shipment.packageReferenceId}, ${carrier}, tracking ${shipment.trackingNumber ?? ''}, shipped ${shipment.shipDate}${progress ? ` — Amazon status now ${progress.amazonStatus}` : ''}`
        : `Amazon rejected package ${shipment.packageReferenceId}: ${sent.error.message}`,
      payload: {
        shipmentId: shipment.id,
        carrierCode: shipment.carrierCode,
        items: shipment.items,
        ...(sent.ok ? {} : { error: sent.error.toJSON() }),
      },
    });
  });
  if (!sent.ok)
    await deps.orderStore.recordFailure(order.id, { code: 'shipment_rejected', message: sent.error.message }, now);
  return ok(sent.ok ? 'confirmed' : 'rejected');
}
