import type { Kysely, Selectable } from 'kysely';
import type { StockLevel } from '../domain/write-back.js';
import { fromBool, toBool } from './json-column.js';
import type { Database } from './schema.js';
import type { StockLevelsTable } from './store-side.schema.js';

const toStockLevel = (r: Selectable<StockLevelsTable>): StockLevel => ({
  connectionId: r.connection_id,
  amazonSku: r.amazon_sku,
  productRef: r.product_ref,
  storeAvailable: r.store_available,
  mfn: fromBool(r.mfn),
  pushedQuantity: r.pushed_quantity,
  pushedAt: r.pushed_at,
  lastError: r.last_error,
});

/** Orders whose quantities are not in the store yet: they are held back from Amazon's stock. */
const RESERVING_STATES = ['reserved'];
const RESERVING_STATUSES = ['ready', 'held', 'cancel_requested'];

/** Stock levels per (connection, Amazon SKU) and the Stock-only adjustments made in the store. */
export class StockRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Remembers which store product sells as this Amazon SKU (learned when an order line is resolved). */
  async track(
    db: Kysely<Database>,
    connectionId: string,
    amazonSku: string,
    productRef: string,
    mfn: boolean,
    now: string,
  ): Promise<void> {
    await db
      .insertInto('stock_levels')
      .values({
        connection_id: connectionId,
        amazon_sku: amazonSku,
        product_ref: productRef,
        store_available: null,
        mfn: toBool(mfn),
        pushed_quantity: null,
        pushed_at: null,
        last_error: null,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['connection_id', 'amazon_sku']).doUpdateSet({ product_ref: productRef, updated_at: now }),
      )
      .execute();
  }

  /** Sets the store's quantity of a product on every connection of the store; returns the connections changed. */
  async setStoreAvailable(
    connectionIds: readonly string[],
    productRef: string,
    available: number,
    now: string,
  ): Promise<string[]> {
    if (connectionIds.length === 0) return [];
    const rows = await this.db
      .updateTable('stock_levels')
      .set({ store_available: available, updated_at: now })
      .where('connection_id', 'in', [...connectionIds])
      .where('product_ref', '=', productRef)
      .where((eb) => eb.or([eb('store_available', 'is', null), eb('store_available', '!=', available)]))
      .returning('connection_id')
      .execute();
    return [...new Set(rows.map((r) => r.connection_id))];
  }

  async forConnection(connectionId: string): Promise<StockLevel[]> {
    const rows = await this.db
      .selectFrom('stock_levels')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .orderBy('amazon_sku')
      .execute();
    return rows.map(toStockLevel);
  }

  async markPushed(connectionId: string, skus: ReadonlyMap<string, number>, now: string): Promise<void> {
    for (const [sku, quantity] of skus) {
      await this.db
        .updateTable('stock_levels')
        .set({ pushed_quantity: quantity, pushed_at: now, last_error: null, updated_at: now })
        .where('connection_id', '=', connectionId)
        .where('amazon_sku', '=', sku)
        .execute();
    }
  }

  /** `forget`: Amazon did not take the quantity it was sent, so the next push sends it again. */
  async markError(
    connectionId: string,
    skus: readonly string[],
    error: string,
    now: string,
    forget = false,
  ): Promise<void> {
    if (skus.length === 0) return;
    await this.db
      .updateTable('stock_levels')
      .set({ last_error: error, updated_at: now, ...(forget && { pushed_quantity: null }) })
      .where('connection_id', '=', connectionId)
      .where('amazon_sku', 'in', [...skus])
      .execute();
  }

  /** Units per Amazon SKU of orders that are not in the store yet (pending or waiting for delivery). */
  async reservedBySku(connectionId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .select(['order_lines.seller_sku as sku'])
      .select((eb) =>
        eb.fn
          .sum<number>(eb('order_lines.quantity_ordered', '-', eb.ref('order_lines.quantity_cancelled')))
          .as('units'),
      )
      .where('orders.connection_id', '=', connectionId)
      .where('order_lines.kind', '=', 'item')
      .where('orders.fulfillment_channel', '=', 'MFN')
      .where((eb) =>
        eb.or([
          eb('orders.store_state', 'in', RESERVING_STATES),
          eb.and([
            eb('orders.status', 'in', RESERVING_STATUSES),
            eb.or([eb('orders.store_state', 'is', null), eb('orders.store_state', '=', 'waiting')]),
          ]),
        ]),
      )
      .groupBy('order_lines.seller_sku')
      .execute();
    const map = new Map<string, number>();
    for (const r of rows) if (r.sku !== null) map.set(r.sku, Number(r.units));
    return map;
  }

  /** Records a Stock-only adjustment before it is sent; false when the key was recorded before. */
  async recordAdjustment(
    db: Kysely<Database>,
    a: { key: string; orderId: string; productRef: string; delta: number },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('stock_adjustments')
      .values({
        key: a.key,
        order_id: a.orderId,
        product_ref: a.productRef,
        delta: a.delta,
        state: 'pending',
        result_quantity: null,
        created_at: now,
        applied_at: null,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async markAdjustmentApplied(key: string, quantity: number, now: string): Promise<void> {
    await this.db
      .updateTable('stock_adjustments')
      .set({ state: 'applied', result_quantity: quantity, applied_at: now })
      .where('key', '=', key)
      .execute();
  }

  async adjustmentsFor(
    orderId: string,
  ): Promise<Array<{ key: string; productRef: string; delta: number; state: string }>> {
    const rows = await this.db
      .selectFrom('stock_adjustments')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ key: r.key, productRef: r.product_ref, delta: r.delta, state: r.state }));
  }
}
