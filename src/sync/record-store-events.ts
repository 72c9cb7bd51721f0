import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Order, OrderLine } from '../domain/order.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import { FBA_NOT_SENT, unitsLeft } from '../domain/write-back-progress.js';
import type { Store } from '../domain/store.js';
import { newId } from '../lib/ids.js';
import type { StoreEvent, StoreShipmentItem } from '../stores/store-connector.js';
import { enqueueCancellationSubmit, enqueueStockPush, type StoreSideDeps } from './store-side-deps.js';
import { recordShipment } from './record-shipment.js';

export interface RecordedEvents {
  shipments: number;
  cancellations: number;
  stock: number;
  duplicates: number;
  ignored: Array<{ event: string; reason: string }>;
}

/** Open (not shipped, not cancelled) quantity per Amazon item of an order. */
export function openQuantities(lines: readonly OrderLine[]): Record<string, number> {
  const open: Record<string, number> = {};
  for (const l of lines) {
    if (l.kind !== 'item') continue;
    open[l.amazonOrderItemId] = Math.max(0, l.quantityOrdered - l.quantityShipped - l.quantityCancelled);
  }
  return open;
}

/** Store items → Amazon items: by orderItemId, else by the line's SKU (cropped or as sold). */
export function toAmazonItems(
  items: readonly StoreShipmentItem[] | null,
  lines: readonly OrderLine[],
  open: Readonly<Record<string, number>>,
): Array<{ orderItemId: string; quantity: number }> {
  if (items === null) {
    return Object.entries(open)
      .filter(([, q]) => q > 0)
      .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  }
  return items.map((i) => {
    const line =
      lines.find((l) => l.kind === 'item' && i.orderItemId !== null && l.amazonOrderItemId === i.orderItemId) ??
      lines.find((l) => l.kind === 'item' && i.sku !== null && (l.croppedSku === i.sku || l.sellerSku === i.sku));
    return { orderItemId: line?.amazonOrderItemId ?? i.orderItemId ?? `sku:${i.sku ?? '?'}`, quantity: i.quantity };
  });
}

/** The order an event names, if it belongs to a connection of this store (stores never see others' orders). */
async function orderOfStore(deps: StoreSideDeps, store: Store, orderId: string): Promise<Order | null> {
  const order = await deps.orders.findById(orderId);
  if (!order) return null;
  const connection = await deps.connections.findById(order.connectionId);
  return connection?.storeId === store.id ? order : null;
}

async function recordCancellation(
  deps: StoreSideDeps,
  trx: Kysely<Database>,
  order: Order,
  event: Extract<StoreEvent, { kind: 'cancellation' }>,
  store: Store,
  config: OrdersConfig | null,
): Promise<boolean> {
  const lines = await deps.orders.lines(order.id, trx);
  const open = openQuantities(lines);
  const items = toAmazonItems(event.items, lines, open).filter((i) => i.quantity > 0);
  const buyerAsked = order.status === 'cancel_requested' || order.flags?.buyerCancelRequested === true;
  const reason = buyerAsked ? 'BuyerCanceled' : (config?.cancellationReason ?? 'NoInventory');
  const alreadyDone = order.amazonStatus === 'CANCELLED';
  // Amazon fulfils FBA orders itself: the store's cancellation is kept, not sent, and is no failure.
  const fba = order.fulfillmentChannel === 'AFN' && !alreadyDone;
  const impossible = order.amazonStatus === 'SHIPPED' && !fba ? 'the order is already shipped on Amazon' : null;
  const now = deps.clock.nowIso();
  const inserted = await deps.cancellations.insert(
    trx,
    {
      id: newId(),
      orderId: order.id,
      connectionId: order.connectionId,
      storeId: store.id,
      storeRef: event.storeRef,
      items,
      reason,
      state: alreadyDone ? 'applied' : fba ? 'not_sent' : impossible ? 'failed' : 'pending',
      lastError: impossible,
      createdAt: now,
    },
    now,
  );
  if (!inserted) return false;
  const what = items.length === Object.keys(open).length ? 'the whole order' : `${items.length} line(s)`;
  await deps.orders.addEvent(trx, {
    orderId: order.id,
    connectionId: order.connectionId,
    occurredAt: now,
    direction: 'store_to_hub',
    kind: fba ? 'store.cancellation_not_sent' : 'store.cancellation_received',
    summary: fba
      ? `${store.name} cancelled ${what} — ${FBA_NOT_SENT}`
      : `${store.name} cancelled ${what}; reason for Amazon: ${reason}${alreadyDone ? ' (already cancelled on Amazon)' : ''}${impossible ? ` — cannot cancel: ${impossible}` : ''}`,
    payload: { storeRef: event.storeRef, items, reason },
  });
  // The store order is cancelled now (every open unit), whatever Amazon answers later.
  if (unitsLeft(lines, [{ items }]) === 0)
    await deps.orderStore.moveStoreState(trx, order.id, 'cancelled', ['created', 'partially_shipped'], now);
  if (!alreadyDone && !impossible && !fba) {
    const runAt = new Date(deps.clock.now().getTime() + 1_000);
    await enqueueCancellationSubmit(deps, order.connectionId, { trx, runAt });
  }
  return true;
}

/**
 * Stores what the store reported (webhook, poll or hub-api post): each shipment and cancellation
 * becomes a durable record with its job enqueued in the same transaction; stock updates the levels
 * and schedules a push. Re-reported events hit the unique (store, store ref) keys and change nothing.
 */
export async function recordStoreEvents(
  deps: StoreSideDeps,
  store: Store,
  events: readonly StoreEvent[],
): Promise<RecordedEvents> {
  const out: RecordedEvents = { shipments: 0, cancellations: 0, stock: 0, duplicates: 0, ignored: [] };
  const stockConnections = new Set<string>();
  const connectionIds = await deps.stores.connectionIds(store.id);
  for (const event of events) {
    if (event.kind === 'stock') {
      const changed = await deps.stock.setStoreAvailable(
        connectionIds,
        event.productRef,
        event.available,
        deps.clock.nowIso(),
      );
      changed.forEach((c) => stockConnections.add(c));
      out.stock += 1;
      continue;
    }
    const order = await orderOfStore(deps, store, event.orderId);
    if (!order) {
      out.ignored.push({
        event: `${event.kind} ${event.storeRef}`,
        reason: `order ${event.orderId} is not an order of this store`,
      });
      continue;
    }
    // Read before the transaction: SQLite has one connection, so a read outside `trx` inside it waits forever.
    const config = (await deps.connections.findById(order.connectionId))?.config ?? null;
    const isNew = await deps.db
      .transaction()
      .execute((trx) =>
        event.kind === 'shipment'
          ? recordShipment(deps, trx, order, event, store, config)
          : recordCancellation(deps, trx, order, event, store, config),
      );
    if (!isNew) out.duplicates += 1;
    else if (event.kind === 'shipment') out.shipments += 1;
    else out.cancellations += 1;
  }
  for (const connectionId of stockConnections) await enqueueStockPush(deps, connectionId);
  return out;
}
