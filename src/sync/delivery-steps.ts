import type { DeliveryAction } from '../domain/delivery-plan.js';
import type { Order } from '../domain/order.js';
import type { OrderStatus } from '../domain/order-status.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import type { StoreState } from '../domain/store.js';
import { ok, type Result } from '../lib/result.js';
import type { StoreConnector } from '../stores/store-connector.js';
import type { StoreStatePatch } from '../db/order-store.repository.js';
import { buildStoreOrderDraft } from './store-order-draft.js';
import { enqueueStockPush, type StoreSideDeps } from './store-side-deps.js';

/** Saves the new store state and its timeline event together; clears a recorded delivery error. */
async function settle(
  deps: StoreSideDeps,
  order: Order,
  patch: StoreStatePatch,
  event: { kind: string; summary: string; payload?: unknown },
): Promise<void> {
  const now = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.orderStore.setStoreState(trx, order.id, { holdReason: null, error: null, ...patch }, now);
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: 'hub_to_store',
      payload: event.payload ?? null,
      kind: event.kind,
      summary: event.summary,
    });
  });
}

async function createInStore(
  deps: StoreSideDeps,
  order: Order,
  status: OrderStatus,
  config: OrdersConfig,
  connector: StoreConnector,
): Promise<Result<void>> {
  const lines = await deps.orders.lines(order.id);
  const draft = buildStoreOrderDraft(order, lines, config);
  const created = await connector.createOrder(draft);
  if (!created.ok) return created;
  const { ref, number, acknowledged } = created.value;
  const pickup = acknowledged === false;
  await settle(
    deps,
    order,
    {
      storeState: pickup ? 'awaiting_pickup' : 'created',
      status: status === 'cancel_requested' ? 'cancel_requested' : 'in_store',
      storeOrderRef: ref,
      storeOrderNumber: number || null,
    },
    {
      kind: pickup ? 'store.order_offered' : 'store.order_created',
      summary: pickup
        ? `Offered to the store for pick-up (${draft.items.length} item line(s), ${draft.currency} ${draft.totals.gross})`
        : `Created in the store as ${number || ref} (${draft.items.length} item line(s), ${draft.currency} ${draft.totals.gross})`,
      payload: {
        ref,
        number,
        totals: draft.totals,
        unlinked: draft.items.filter((i) => !i.productRef).map((i) => i.sku),
      },
    },
  );
  await enqueueStockPush(deps, order.connectionId);
  return ok(undefined);
}

/** Stock only: lowers (or gives back) the store's stock once per line, keyed so a retry changes nothing. */
async function adjustLines(
  deps: StoreSideDeps,
  order: Order,
  connector: StoreConnector,
  direction: 'take' | 'return',
): Promise<Result<string[]>> {
  const lines = (await deps.orders.lines(order.id)).filter((l) => l.kind === 'item' && l.productRef);
  const done: string[] = [];
  for (const line of lines) {
    const quantity = direction === 'take' ? line.quantityOrdered : line.quantityOrdered - line.quantityShipped;
    if (quantity <= 0 || !line.productRef) continue;
    const key = `${order.id}:${line.amazonOrderItemId}:${direction}`;
    const delta = direction === 'take' ? -quantity : quantity;
    await deps.stock.recordAdjustment(
      deps.db,
      { key, orderId: order.id, productRef: line.productRef, delta },
      deps.clock.nowIso(),
    );
    const adjusted = await connector.adjustStock(line.productRef, delta, key);
    if (!adjusted.ok) return adjusted;
    await deps.stock.markAdjustmentApplied(key, adjusted.value, deps.clock.nowIso());
    done.push(`${line.sellerSku ?? line.productRef} ${delta > 0 ? '+' : ''}${delta} → ${adjusted.value}`);
  }
  return ok(done);
}

const SIMPLE: Partial<Record<DeliveryAction, { state: StoreState; kind: string; summary: string }>> = {
  reserve: {
    state: 'reserved',
    kind: 'store.stock_reserved',
    summary:
      'Pending on Amazon: its quantities are reserved (held back from Amazon stock); the store order follows when Amazon releases it',
  },
  wait: {
    state: 'waiting',
    kind: 'store.waiting',
    summary: 'Pending on Amazon: the store order follows when Amazon releases it',
  },
  release: {
    state: 'released',
    kind: 'store.reservation_released',
    summary: 'Reservation released: the order ended without a store order',
  },
  not_needed: {
    state: 'not_needed',
    kind: 'store.not_needed',
    summary: 'Nothing to do in the store: the order was already shipped, cancelled or skipped when first seen',
  },
};

/** Carries out one planned step (see src/domain/delivery-plan.ts). */
export async function carryOut(
  deps: StoreSideDeps,
  action: DeliveryAction,
  order: Order,
  status: OrderStatus,
  config: OrdersConfig,
  connector: StoreConnector,
): Promise<Result<void>> {
  const simple = SIMPLE[action];
  if (simple) {
    const back = order.status === 'held' ? { status } : {};
    await settle(deps, order, { storeState: simple.state, ...back }, simple);
    if (action === 'reserve' || action === 'release') await enqueueStockPush(deps, order.connectionId);
    return ok(undefined);
  }
  const ref = { ref: order.storeOrderRef ?? '', number: '' };
  switch (action) {
    case 'create':
      return createInStore(deps, order, status, config, connector);
    case 'note_cancel_request': {
      const noted = await connector.addOrderNote(
        ref,
        'The buyer asked Amazon to cancel this order. Cancel it in the store to confirm (Amazon gets BuyerCanceled), or ship it.',
      );
      if (!noted.ok) return noted;
      await settle(
        deps,
        order,
        { storeState: order.storeState as StoreState },
        { kind: 'store.cancel_request_noted', summary: 'Buyer cancel request flagged on the store order' },
      );
      return ok(undefined);
    }
    case 'cancel_store_order': {
      const cancelled = await connector.cancelOrder(ref, `Amazon cancelled order ${order.amazonOrderId}`);
      if (!cancelled.ok) return cancelled;
      await settle(
        deps,
        order,
        { storeState: 'cancelled' },
        { kind: 'store.order_cancelled', summary: 'Store order cancelled because Amazon cancelled the order' },
      );
      return ok(undefined);
    }
    case 'take_stock':
    case 'return_stock': {
      const take = action === 'take_stock';
      const adjusted = await adjustLines(deps, order, connector, take ? 'take' : 'return');
      if (!adjusted.ok) return adjusted;
      await settle(
        deps,
        order,
        { storeState: take ? 'stock_taken' : 'stock_returned', ...(order.status === 'held' ? { status } : {}) },
        {
          kind: take ? 'store.stock_lowered' : 'store.stock_returned',
          summary: `${take ? 'Stock only: store stock lowered' : 'Cancelled before shipping: store stock given back'} (${adjusted.value.join('; ') || 'no linked lines'})`,
        },
      );
      return ok(undefined);
    }
    default:
      return ok(undefined);
  }
}
