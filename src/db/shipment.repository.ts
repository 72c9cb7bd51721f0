import type { Kysely, Selectable } from 'kysely';
import type { Shipment, ShipmentItemQuantity, ShipmentState } from '../domain/write-back.js';
import { fromJson } from './json-column.js';
import type { Database } from './schema.js';
import type { ShipmentsTable } from './store-side.schema.js';

function toShipment(r: Selectable<ShipmentsTable>): Shipment {
  return {
    id: r.id,
    orderId: r.order_id,
    connectionId: r.connection_id,
    storeId: r.store_id,
    storeRef: r.store_ref,
    carrierCode: r.carrier_code,
    carrierName: r.carrier_name,
    shippingMethod: r.shipping_method,
    trackingNumber: r.tracking_number,
    shipDate: r.ship_date,
    items: fromJson<ShipmentItemQuantity[]>(r.items_json) ?? [],
    packageReferenceId: r.package_reference_id,
    state: r.state as ShipmentState,
    attempts: r.attempts,
    lastError: r.last_error,
    confirmedAt: r.confirmed_at,
    createdAt: r.created_at,
  };
}

/** Store shipments and their confirmation state; unique per (store, store shipment ref). */
export class ShipmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts unless the store shipment is already recorded; returns whether it was new. */
  async insert(db: Kysely<Database>, s: Omit<Shipment, 'attempts' | 'confirmedAt'>, now: string): Promise<boolean> {
    const result = await db
      .insertInto('shipments')
      .values({
        id: s.id,
        order_id: s.orderId,
        connection_id: s.connectionId,
        store_id: s.storeId,
        store_ref: s.storeRef,
        carrier_code: s.carrierCode,
        carrier_name: s.carrierName,
        shipping_method: s.shippingMethod,
        tracking_number: s.trackingNumber,
        ship_date: s.shipDate,
        items_json: JSON.stringify(s.items),
        package_reference_id: s.packageReferenceId,
        state: s.state,
        last_error: s.lastError,
        confirmed_at: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['store_id', 'store_ref']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async findById(id: string): Promise<Shipment | null> {
    const row = await this.db.selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toShipment(row) : null;
  }

  async forOrder(orderId: string, db: Kysely<Database> = this.db): Promise<Shipment[]> {
    const rows = await db
      .selectFrom('shipments')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .execute();
    return rows.map(toShipment);
  }

  async list(connectionIds: readonly string[], state: string | null, limit: number): Promise<Shipment[]> {
    if (connectionIds.length === 0) return [];
    let q = this.db
      .selectFrom('shipments')
      .selectAll()
      .where('connection_id', 'in', [...connectionIds]);
    if (state) q = q.where('state', '=', state);
    const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toShipment);
  }

  async markAttempt(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('shipments')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .execute();
  }

  async setState(
    db: Kysely<Database>,
    id: string,
    state: ShipmentState,
    error: string | null,
    now: string,
  ): Promise<void> {
    await db
      .updateTable('shipments')
      .set({ state, last_error: error, updated_at: now, ...(state === 'confirmed' && { confirmed_at: now }) })
      .where('id', '=', id)
      .execute();
  }
}
