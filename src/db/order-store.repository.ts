import type { Kysely } from 'kysely';
import type { Order } from '../domain/order.js';
import type { StoreState } from '../domain/store.js';
import { toOrder } from './order-row.mapper.js';
import type { Database } from './schema.js';
import { likeLiteral } from './like-pattern.js';

export interface StoreStatePatch {
  storeState: StoreState;
  status?: string;
  storeOrderRef?: string | null;
  storeOrderNumber?: string | null;
  holdReason?: string | null;
  skipReason?: string | null;
  error?: { code: string; message: string } | null;
}

/** Store-side writes and queries on orders (the import owns everything else of the row). */
export class OrderStoreRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async setStoreState(db: Kysely<Database>, orderId: string, patch: StoreStatePatch, now: string): Promise<void> {
    await db
      .updateTable('orders')
      .set({
        store_state: patch.storeState,
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.storeOrderRef !== undefined && { store_order_ref: patch.storeOrderRef }),
        ...(patch.storeOrderNumber !== undefined && { store_order_number: patch.storeOrderNumber }),
        ...(patch.holdReason !== undefined && { hold_reason: patch.holdReason }),
        ...(patch.skipReason !== undefined && { skip_reason: patch.skipReason }),
        ...(patch.error !== undefined && {
          error_code: patch.error?.code ?? null,
          error_message: patch.error?.message ?? null,
          error_source: patch.error ? 'store' : null,
        }),
        updated_at: now,
      })
      .where('id', '=', orderId)
      .execute();
  }

  /**
   * What a successful write-back told us about Amazon's side (a confirmed shipment, an applied
   * cancellation) before the next pull reads it; the caller has checked the status move is legal.
   */
  async setAmazonProgress(
    db: Kysely<Database>,
    orderId: string,
    progress: { amazonStatus: string; status: string },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('orders')
      .set({ amazon_status: progress.amazonStatus, status: progress.status, updated_at: now })
      .where('id', '=', orderId)
      .execute();
  }

  /** The store side moved on (a store shipment or cancellation was recorded); only from the given states. */
  async moveStoreState(
    db: Kysely<Database>,
    orderId: string,
    to: StoreState,
    from: readonly StoreState[],
    now: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('orders')
      .set({ store_state: to, updated_at: now })
      .where('id', '=', orderId)
      .where('store_state', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async clearError(db: Kysely<Database>, orderId: string, now: string): Promise<void> {
    await db
      .updateTable('orders')
      .set({ error_code: null, error_message: null, error_source: null, updated_at: now })
      .where('id', '=', orderId)
      .execute();
  }

  /** A store-side problem the merchant must see in needs-attention (e.g. a shipment Amazon would refuse). */
  async setError(
    db: Kysely<Database>,
    orderId: string,
    error: { code: string; message: string },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('orders')
      .set({ error_code: error.code, error_message: error.message, error_source: 'store', updated_at: now })
      .where('id', '=', orderId)
      .execute();
  }

  async setHold(db: Kysely<Database>, orderId: string, reason: string, now: string): Promise<void> {
    await db
      .updateTable('orders')
      .set({ status: 'held', hold_reason: reason, updated_at: now })
      .where('id', '=', orderId)
      .execute();
  }

  /** Records a failed delivery attempt; the order waits in needs-attention until retried. */
  async recordFailure(orderId: string, error: { code: string; message: string }, now: string): Promise<void> {
    await this.db
      .updateTable('orders')
      .set((eb) => ({
        error_code: error.code,
        error_message: error.message,
        error_source: 'store',
        store_attempts: eb('store_attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', orderId)
      .execute();
  }

  async setLineProducts(db: Kysely<Database>, orderId: string, refs: ReadonlyMap<string, string>): Promise<void> {
    for (const [orderItemId, productRef] of refs) {
      await db
        .updateTable('order_lines')
        .set({ product_ref: productRef })
        .where('order_id', '=', orderId)
        .where('amazon_order_item_id', '=', orderItemId)
        .execute();
    }
  }

  async storeOrderNumber(orderId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('orders')
      .select('store_order_number')
      .where('id', '=', orderId)
      .executeTakeFirst();
    return row?.store_order_number ?? null;
  }

  /** Orders of a connection held for a reason that starts with `prefix` (e.g. 'plan_quota'). */
  /** How many orders of these connections are held with a reason starting with `prefix`. */
  async countHeldWith(connectionIds: readonly string[], prefix: string): Promise<number> {
    if (connectionIds.length === 0) return 0;
    const row = await this.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('connection_id', 'in', [...connectionIds])
      .where('status', '=', 'held')
      .where(likeLiteral('hold_reason', prefix, 'startsWith'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async heldWith(connectionId: string, prefix: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select('id')
      .where('connection_id', '=', connectionId)
      .where('status', '=', 'held')
      .where(likeLiteral('hold_reason', prefix, 'startsWith'))
      .orderBy('created_time')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Orders of a connection that are held for one of these SKUs (cropped or as sold). */
  async heldForSkus(connectionId: string, skus: readonly string[]): Promise<string[]> {
    if (skus.length === 0) return [];
    const rows = await this.db
      .selectFrom('orders')
      .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
      .select('orders.id')
      .distinct()
      .where('orders.connection_id', '=', connectionId)
      .where('orders.status', '=', 'held')
      .where('order_lines.product_ref', 'is', null)
      .where((eb) =>
        eb.or([eb('order_lines.seller_sku', 'in', [...skus]), eb('order_lines.cropped_sku', 'in', [...skus])]),
      )
      .execute();
    return rows.map((r) => r.id);
  }

  /** Orders whose store side may be behind (the periodic sweep re-checks them). */
  async needingDelivery(connectionId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select('id')
      .where('connection_id', '=', connectionId)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('status', 'in', ['pending', 'ready', 'cancel_requested']),
            eb.or([eb('store_state', 'is', null), eb('store_state', 'in', ['waiting', 'reserved'])]),
          ]),
          eb.and([
            eb('status', '=', 'cancelled'),
            eb('store_state', 'in', ['created', 'partially_shipped', 'reserved', 'stock_taken']),
          ]),
          eb.and([eb('status', 'in', ['shipped', 'skipped']), eb('store_state', '=', 'reserved')]),
        ]),
      )
      .where('error_code', 'is', null)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** The needs-attention list: held orders and orders whose last store or Amazon step failed. */
  async needsAttention(connectionIds: readonly string[], limit: number): Promise<Order[]> {
    if (connectionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('connection_id', 'in', [...connectionIds])
      .where((eb) => eb.or([eb('status', '=', 'held'), eb('error_code', 'is not', null)]))
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toOrder);
  }
}
