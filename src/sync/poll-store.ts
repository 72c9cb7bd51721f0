import { ok, type Result } from '../lib/result.js';
import { PLAN_QUOTA_HOLD } from './deliver-order.js';
import { recordStoreEvents, type RecordedEvents } from './record-store-events.js';
import {
  enqueueCancellationSubmit,
  enqueueDelivery,
  enqueueShipmentConfirm,
  enqueueStockPush,
  type StoreSideDeps,
} from './store-side-deps.js';

const MAX_PAGES = 20;
const SWEEP_LIMIT = 500;

/**
 * The store poll (connectors without webhooks, and the safety net for those with): reads the
 * store's events since the saved cursor and records them; the cursor is saved only after the
 * events are stored, so a crash re-reads a page (harmless: store refs de-duplicate) instead of
 * skipping one. Then re-queues every store-side step that should be running but is not.
 */
export async function pollStore(deps: StoreSideDeps, storeId: string): Promise<Result<RecordedEvents>> {
  const store = await deps.stores.findById(storeId);
  const total: RecordedEvents = { shipments: 0, cancellations: 0, stock: 0, duplicates: 0, ignored: [] };
  if (!store) return ok(total);
  const connector = await deps.connectorFor(storeId);
  if (!connector.ok) return connector;
  let cursor = store.eventCursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const polled = await connector.value.pollEvents(cursor);
    if (!polled.ok) return polled;
    const recorded = await recordStoreEvents(deps, store, polled.value.events);
    total.shipments += recorded.shipments;
    total.cancellations += recorded.cancellations;
    total.stock += recorded.stock;
    total.duplicates += recorded.duplicates;
    total.ignored.push(...recorded.ignored);
    const moved = polled.value.cursor !== cursor;
    cursor = polled.value.cursor;
    await deps.stores.setEventCursor(storeId, cursor, deps.clock.nowIso());
    if (!moved || polled.value.events.length === 0) break;
  }
  await sweepStore(deps, storeId);
  return ok(total);
}

/** Re-queues what may have been missed (a job that was de-duplicated while running, a change during a restart). */
export async function sweepStore(deps: StoreSideDeps, storeId: string): Promise<void> {
  for (const connectionId of await deps.stores.connectionIds(storeId)) {
    const connection = await deps.connections.findById(connectionId);
    if (!connection?.config.active) continue;
    const quotaHeld = await deps.orderStore.heldWith(connectionId, PLAN_QUOTA_HOLD, SWEEP_LIMIT);
    for (const orderId of [...(await deps.orderStore.needingDelivery(connectionId, SWEEP_LIMIT)), ...quotaHeld]) {
      await enqueueDelivery(deps, orderId, storeId);
    }
    for (const s of await deps.shipments.list([connectionId], 'pending', SWEEP_LIMIT)) {
      await enqueueShipmentConfirm(deps, s);
    }
    if ((await deps.cancellations.pending(connectionId, 1)).length > 0) {
      await enqueueCancellationSubmit(deps, connectionId);
    }
    await enqueueStockPush(deps, connectionId);
  }
}
