import { HubOrderRepository, type HubOrderRow, type HubOrderState } from '../db/hub-order.repository.js';
import type { Order } from '../domain/order.js';
import type { Store } from '../domain/store.js';
import type { Cancellation, Shipment } from '../domain/write-back.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { StoreOrderDraft, StoreShipmentItem } from '../stores/store-connector.js';
import { authenticateHubStore } from './hub-auth.js';
import { recordStoreEvents, type RecordedEvents } from './record-store-events.js';
import { buildStoreOrderDraft } from './store-order-draft.js';
import type { StoreSideDeps } from './store-side-deps.js';

/** An order as a hub-api store sees it: the full store order draft plus where it stands. */
export type HubOrder = StoreOrderDraft & {
  state: 'new' | 'acknowledged';
  status: string;
  storeOrderNumber: string | null;
  storeOrderRef: string | null;
  updatedAt: string;
};

export interface HubShipmentInput {
  storeRef: string;
  carrier?: string | undefined;
  carrierName?: string | undefined;
  shippingMethod?: string | undefined;
  trackingNumber: string;
  shipDate: string;
  items?: HubItemInput[] | undefined;
}
export interface HubItemInput {
  orderItemId?: string | undefined;
  sku?: string | undefined;
  quantity: number;
}

const notFound = (orderId: string): AppError =>
  new AppError('hub_order_not_found', `No order "${orderId}" for this store`, { kind: 'not_found' });

const toItems = (items: HubItemInput[] | undefined): StoreShipmentItem[] | null =>
  items?.map((i) => ({ orderItemId: i.orderItemId ?? null, sku: i.sku ?? null, quantity: i.quantity })) ?? null;

/** What a hub-api store does over REST (src/http/routes/hub.routes.ts); it only ever sees its own orders. */
export class HubOrdersService {
  private readonly repo: HubOrderRepository;

  constructor(
    private readonly deps: StoreSideDeps,
    private readonly openSecrets: (storeId: string) => Promise<Record<string, string>>,
  ) {
    this.repo = new HubOrderRepository(deps.db);
  }

  authenticate(storeId: string, authorization: string | undefined): Promise<Result<Store>> {
    return authenticateHubStore({ stores: this.deps.stores, openSecrets: this.openSecrets }, storeId, authorization);
  }

  async list(
    store: Store,
    query: { state: HubOrderState; limit: number; offset: number },
  ): Promise<{ orders: HubOrder[]; total: number }> {
    const connectionIds = await this.deps.stores.connectionIds(store.id);
    const { rows, total } = await this.repo.list(connectionIds, query.state, query);
    const orders: HubOrder[] = [];
    for (const row of rows) orders.push(await this.view(row));
    return { orders, total };
  }

  /** Idempotent for the same number; another number for an acknowledged order is a conflict. */
  async acknowledge(
    store: Store,
    orderId: string,
    ack: { storeOrderNumber: string; storeOrderRef?: string | undefined },
  ): Promise<Result<{ order: HubOrder; alreadyAcknowledged: boolean }>> {
    const row = await this.rowOfStore(store, orderId);
    if (!row) return err(notFound(orderId));
    const now = this.deps.clock.nowIso();
    const order = row.order;
    const done = await this.deps.db.transaction().execute(async (trx) => {
      const changed = await this.repo.acknowledge(
        trx,
        order.id,
        { storeOrderNumber: ack.storeOrderNumber, storeOrderRef: ack.storeOrderRef ?? null },
        now,
      );
      if (!changed) return false;
      await this.deps.orders.addEvent(trx, {
        orderId: order.id,
        connectionId: order.connectionId,
        occurredAt: now,
        direction: 'store_to_hub',
        kind: 'store.order_acknowledged',
        summary: `${store.name} picked the order up as ${ack.storeOrderNumber}`,
        payload: { storeOrderNumber: ack.storeOrderNumber, storeOrderRef: ack.storeOrderRef ?? null },
      });
      return true;
    });
    const fresh = (await this.repo.find(order.id)) ?? row;
    if (done) return ok({ order: await this.view(fresh), alreadyAcknowledged: false });
    const acknowledged = fresh.order.storeState !== 'awaiting_pickup' && fresh.storeOrderNumber !== null;
    if (acknowledged && fresh.storeOrderNumber === ack.storeOrderNumber) {
      return ok({ order: await this.view(fresh), alreadyAcknowledged: true });
    }
    const details = { storeState: fresh.order.storeState, storeOrderNumber: fresh.storeOrderNumber };
    return err(
      acknowledged
        ? new AppError(
            'hub_order_already_acknowledged',
            `Order ${orderId} was already acknowledged as ${fresh.storeOrderNumber ?? '?'}`,
            { kind: 'conflict', details },
          )
        : new AppError('hub_order_not_offered', `Order ${orderId} is not waiting for pick-up`, {
            kind: 'conflict',
            details,
          }),
    );
  }

  async recordShipment(
    store: Store,
    orderId: string,
    input: HubShipmentInput,
  ): Promise<Result<{ shipment: Shipment; duplicate: boolean }>> {
    const row = await this.rowOfStore(store, orderId);
    if (!row) return err(notFound(orderId));
    const recorded = await recordStoreEvents(this.deps, store, [
      {
        kind: 'shipment',
        storeRef: input.storeRef,
        orderId,
        carrier: input.carrier ?? null,
        carrierName: input.carrierName ?? null,
        shippingMethod: input.shippingMethod ?? null,
        trackingNumber: input.trackingNumber,
        shipDate: new Date(input.shipDate).toISOString(),
        items: toItems(input.items),
      },
    ]);
    const shipment = (await this.deps.shipments.forOrder(orderId)).find((s) => s.storeRef === input.storeRef);
    return shipment ? ok({ shipment, duplicate: recorded.shipments === 0 }) : err(refTaken('shipment', input.storeRef));
  }

  async recordCancellation(
    store: Store,
    orderId: string,
    input: { storeRef: string; items?: HubItemInput[] | undefined },
  ): Promise<Result<{ cancellation: Cancellation; duplicate: boolean }>> {
    const row = await this.rowOfStore(store, orderId);
    if (!row) return err(notFound(orderId));
    const occurredAt = this.deps.clock.nowIso();
    const event = { kind: 'cancellation' as const, storeRef: input.storeRef, orderId, items: toItems(input.items) };
    const recorded = await recordStoreEvents(this.deps, store, [{ ...event, occurredAt }]);
    const found = (await this.deps.cancellations.forOrder(orderId)).find((c) => c.storeRef === input.storeRef);
    return found
      ? ok({ cancellation: found, duplicate: recorded.cancellations === 0 })
      : err(refTaken('cancellation', input.storeRef));
  }

  recordStock(store: Store, items: ReadonlyArray<{ productRef: string; available: number }>): Promise<RecordedEvents> {
    const occurredAt = this.deps.clock.nowIso();
    return recordStoreEvents(
      this.deps,
      store,
      items.map((i) => ({ kind: 'stock', productRef: i.productRef, sku: null, available: i.available, occurredAt })),
    );
  }

  private async rowOfStore(store: Store, orderId: string): Promise<HubOrderRow | null> {
    const row = await this.repo.find(orderId);
    if (!row) return null;
    const connection = await this.deps.connections.findById(row.order.connectionId);
    return connection?.storeId === store.id ? row : null;
  }

  private async view(row: HubOrderRow): Promise<HubOrder> {
    const order: Order = row.order;
    const connection = await this.deps.connections.findById(order.connectionId);
    if (!connection) throw new Error(`connection ${order.connectionId} of order ${order.id} not found`);
    const draft = buildStoreOrderDraft(order, await this.deps.orders.lines(order.id), connection.config);
    return {
      ...draft,
      state: order.storeState !== 'awaiting_pickup' && row.storeOrderNumber !== null ? 'acknowledged' : 'new',
      status: order.status,
      storeOrderNumber: row.storeOrderNumber,
      storeOrderRef: order.storeOrderRef,
      updatedAt: order.updatedAt,
    };
  }
}

function refTaken(what: string, storeRef: string): AppError {
  return new AppError('hub_store_ref_taken', `The ${what} storeRef "${storeRef}" is already used for another order`, {
    kind: 'conflict',
  });
}
