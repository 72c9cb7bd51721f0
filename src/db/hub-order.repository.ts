import type { Kysely } from 'kysely';
import type { Order } from '../domain/order.js';
import { toOrder } from './order-row.mapper.js';
import type { Database } from './schema.js';

/**
 * Store states a hub-api store sees: offered (new) and acknowledged — also once the store shipped or
 * cancelled it (an acknowledged order always has the store's number).
 */
const ACKNOWLEDGED = ['created', 'partially_shipped', 'shipped', 'cancelled'];
export const HUB_STATES = {
  new: ['awaiting_pickup'],
  acknowledged: ACKNOWLEDGED,
  all: ['awaiting_pickup', ...ACKNOWLEDGED],
};
export type HubOrderState = keyof typeof HUB_STATES;

export interface HubOrderRow {
  order: Order;
  storeOrderNumber: string | null;
}

/** The orders a hub-api store pulls; always limited to the connections of that store. */
export class HubOrderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Oldest first (a queue to work through). */
  async list(
    connectionIds: readonly string[],
    state: HubOrderState,
    page: { limit: number; offset: number },
  ): Promise<{ rows: HubOrderRow[]; total: number }> {
    if (connectionIds.length === 0) return { rows: [], total: 0 };
    const base = this.db
      .selectFrom('orders')
      .where('connection_id', 'in', [...connectionIds])
      .where('store_state', 'in', HUB_STATES[state])
      // Cancelled before pick-up: never acknowledged, so never the store's order.
      .where((eb) => eb.or([eb('store_state', '=', 'awaiting_pickup'), eb('store_order_number', 'is not', null)]));
    const count = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    const rows = await base
      .selectAll()
      .orderBy('imported_at')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      rows: rows.map((r) => ({ order: toOrder(r), storeOrderNumber: r.store_order_number })),
      total: Number(count?.n ?? 0),
    };
  }

  async find(orderId: string, db: Kysely<Database> = this.db): Promise<HubOrderRow | null> {
    const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    return row ? { order: toOrder(row), storeOrderNumber: row.store_order_number } : null;
  }

  /** awaiting_pickup → created with the store's number; false when the order was not awaiting pick-up. */
  async acknowledge(
    db: Kysely<Database>,
    orderId: string,
    ack: { storeOrderNumber: string; storeOrderRef: string | null },
    now: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('orders')
      .set({
        store_state: 'created',
        store_order_number: ack.storeOrderNumber,
        ...(ack.storeOrderRef !== null && { store_order_ref: ack.storeOrderRef }),
        error_code: null,
        error_message: null,
        error_source: null,
        updated_at: now,
      })
      .where('id', '=', orderId)
      .where('store_state', '=', 'awaiting_pickup')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
