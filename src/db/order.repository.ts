import { sql, type Kysely } from 'kysely';
import type { Order, OrderEvent, OrderLine } from '../domain/order.js';
import { newTimeOrderedId } from '../lib/ids.js';
import { dialectOf, setFromExcluded } from './dialect.js';
import { toJson } from './json-column.js';
import { fromOrder, fromOrderLine, toOrder, toOrderEvent, toOrderLine } from './order-row.mapper.js';
import type { Database } from './schema.js';
import { likeLiteral } from './like-pattern.js';

export interface OrderListFilter {
  connectionIds: string[];
  status?: string;
  amazonStatus?: string;
  search?: string;
  limit: number;
  offset: number;
}

export interface StoredOrderState {
  id: string;
  contentHash: string | null;
  lastUpdatedTime: string | null;
  status: string;
  amazonStatus: string | null;
  errorCode: string | null;
  /** The stored error was recorded by the import (a good read clears it). */
  importError: boolean;
  importedAt: string;
  /** Buyer personal data was removed (retention): a re-import must not bring it back. */
  personalDataPurgedAt: string | null;
}

const LINE_BATCH = 100;
/** Columns a re-imported line overwrites (its id and keys stay; product_ref belongs to the store side). */
export const LINE_UPDATE_COLUMNS = [
  'kind',
  'seller_sku',
  'cropped_sku',
  'asin',
  'title',
  'quantity_ordered',
  'quantity_shipped',
  'quantity_cancelled',
  'unit_net',
  'unit_gross',
  'line_net',
  'line_tax',
  'line_gross',
  'tax_rate',
  'position',
  'data_json',
] as const;

/**
 * The stored state of the given orders of a connection, keyed by Amazon order id; one query for
 * the single-order save and for an import page. Inside a transaction on PostgreSQL the rows stay
 * locked until it ends (in one order for every locker), so a concurrent write (the buyer-data
 * purge) waits for the import or is seen by it (SQLite: BEGIN IMMEDIATE does this).
 */
export async function readOrderStates(
  db: Kysely<Database>,
  connectionId: string,
  amazonOrderIds: readonly string[],
): Promise<Map<string, StoredOrderState>> {
  const query = db
    .selectFrom('orders')
    .select([
      'id',
      'amazon_order_id',
      'content_hash',
      'last_updated_time',
      'status',
      'amazon_status',
      'error_code',
      'error_source',
      'imported_at',
      'personal_data_purged_at',
    ])
    .where('connection_id', '=', connectionId)
    .where('amazon_order_id', 'in', amazonOrderIds)
    .orderBy('id');
  const locked = db.isTransaction && dialectOf(db) === 'postgres';
  const states = new Map<string, StoredOrderState>();
  for (const row of await (locked ? query.forUpdate() : query).execute()) {
    states.set(row.amazon_order_id, {
      id: row.id,
      contentHash: row.content_hash,
      lastUpdatedTime: row.last_updated_time,
      status: row.status,
      amazonStatus: row.amazon_status,
      errorCode: row.error_code,
      // Rows from before migration 0007 only ever had import errors.
      importError: row.error_code !== null && row.error_source !== 'store',
      importedAt: row.imported_at,
      personalDataPurgedAt: row.personal_data_purged_at ?? null,
    });
  }
  return states;
}

/** Orders, their lines and timeline. Writes take the caller's transaction so an import is atomic. */
export class OrderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One order's stored state (see `readOrderStates`: locked inside a PostgreSQL transaction). */
  async findState(db: Kysely<Database>, connectionId: string, amazonOrderId: string): Promise<StoredOrderState | null> {
    return (await readOrderStates(db, connectionId, [amazonOrderId])).get(amazonOrderId) ?? null;
  }

  async clearImportError(db: Kysely<Database>, orderId: string): Promise<void> {
    await db
      .updateTable('orders')
      .set({ error_code: null, error_message: null, error_source: null })
      .where('id', '=', orderId)
      .where((eb) => eb.or([eb('error_source', 'is', null), eb('error_source', '=', 'import')]))
      .execute();
  }

  /** Inserts or replaces the order row (keyed by connection + Amazon order id). */
  async upsertOrder(db: Kysely<Database>, order: Order): Promise<void> {
    const row = fromOrder(order);
    // The store side owns store_state, store_order_ref and hold_reason (src/sync/deliver-order.ts):
    // a re-import never overwrites them.
    const {
      id: _id,
      connection_id: _c,
      amazon_order_id: _a,
      imported_at: _i,
      store_state: _s,
      store_order_ref: _r,
      hold_reason: _h,
      // Errors are cleared by their owner (clearImportError, the store side), never by an upsert.
      error_code: _ec,
      error_message: _em,
      ...changes
    } = row;
    await db
      .insertInto('orders')
      .values(row)
      .onConflict((oc) => oc.columns(['connection_id', 'amazon_order_id']).doUpdateSet(changes))
      .execute();
  }

  /** Makes the stored lines equal `lines`, keeping row ids of lines that stay (keyed by Amazon item id). */
  async replaceLines(db: Kysely<Database>, orderId: string, lines: OrderLine[], fresh = false): Promise<void> {
    if (!fresh) await this.deleteLinesNotIn(db, orderId, lines);
    await this.upsertLines(db, orderId, lines);
  }

  private async deleteLinesNotIn(db: Kysely<Database>, orderId: string, lines: OrderLine[]): Promise<void> {
    const keep = lines.map((l) => l.amazonOrderItemId);
    let stale = db.deleteFrom('order_lines').where('order_id', '=', orderId);
    if (keep.length > 0 && keep.length <= 500) stale = stale.where('amazon_order_item_id', 'not in', keep);
    if (keep.length <= 500) await stale.execute();
    else {
      const existing = await db
        .selectFrom('order_lines')
        .select('amazon_order_item_id')
        .where('order_id', '=', orderId)
        .execute();
      const keepSet = new Set(keep);
      const gone = existing.map((r) => r.amazon_order_item_id).filter((id) => !keepSet.has(id));
      for (let i = 0; i < gone.length; i += LINE_BATCH) {
        await db
          .deleteFrom('order_lines')
          .where('order_id', '=', orderId)
          .where('amazon_order_item_id', 'in', gone.slice(i, i + LINE_BATCH))
          .execute();
      }
    }
  }

  private async upsertLines(db: Kysely<Database>, orderId: string, lines: OrderLine[]): Promise<void> {
    for (let i = 0; i < lines.length; i += LINE_BATCH) {
      const rows = lines.slice(i, i + LINE_BATCH).map((l) => fromOrderLine(orderId, newTimeOrderedId(), l));
      await db
        .insertInto('order_lines')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['order_id', 'amazon_order_item_id']).doUpdateSet(setFromExcluded(LINE_UPDATE_COLUMNS)),
        )
        .execute();
    }
  }

  async addEvent(db: Kysely<Database>, event: Omit<OrderEvent, 'id'>): Promise<void> {
    await db
      .insertInto('order_events')
      .values({
        id: newTimeOrderedId(),
        order_id: event.orderId,
        connection_id: event.connectionId,
        occurred_at: event.occurredAt,
        direction: event.direction,
        kind: event.kind,
        summary: event.summary,
        payload_json: toJson(event.payload),
      })
      .execute();
  }

  async findById(id: string, db: Kysely<Database> = this.db): Promise<Order | null> {
    const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toOrder(row) : null;
  }

  async findByAmazonId(connectionIds: string[], amazonOrderId: string): Promise<Order | null> {
    if (connectionIds.length === 0) return null;
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('connection_id', 'in', connectionIds)
      .where('amazon_order_id', '=', amazonOrderId)
      .executeTakeFirst();
    return row ? toOrder(row) : null;
  }

  async lines(orderId: string, db: Kysely<Database> = this.db): Promise<OrderLine[]> {
    const rows = await db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('position')
      .execute();
    return rows.map(toOrderLine);
  }

  async events(orderId: string): Promise<OrderEvent[]> {
    const rows = await this.db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    return rows.map(toOrderEvent);
  }

  async list(filter: OrderListFilter): Promise<{ orders: Order[]; total: number }> {
    if (filter.connectionIds.length === 0) return { orders: [], total: 0 };
    let q = this.db.selectFrom('orders').where('connection_id', 'in', filter.connectionIds);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.amazonStatus) q = q.where('amazon_status', '=', filter.amazonStatus);
    if (filter.search) {
      const search = filter.search;
      q = q.where((eb) =>
        eb.or([likeLiteral('amazon_order_id', search, 'contains'), likeLiteral('seller_order_id', search, 'contains')]),
      );
    }
    const countRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('created_time', 'desc')
      .orderBy('amazon_order_id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { orders: rows.map(toOrder), total: Number(countRow?.n ?? 0) };
  }

  async listFailed(connectionId: string, limit: number): Promise<Order[]> {
    const rows = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .where('error_code', 'is not', null)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map(toOrder);
  }

  /**
   * Orders per UTC day of Amazon's purchase date (`created_time`, ISO …Z, so its first 10
   * characters are the UTC day) from `fromDay` to `toDay` inclusive; days without orders are absent.
   */
  async ordersPerDay(
    connectionIds: readonly string[],
    fromDay: string,
    toDay: string,
  ): Promise<Array<{ date: string; orders: number }>> {
    if (connectionIds.length === 0) return [];
    const day = sql<string>`substr(created_time, 1, 10)`;
    const rows = await this.db
      .selectFrom('orders')
      .select([day.as('day'), (eb) => eb.fn.countAll().as('n')])
      .where('connection_id', 'in', [...connectionIds])
      .where('created_time', '>=', `${fromDay}T00:00:00`)
      .where('created_time', '<', `${nextDay(toDay)}T00:00:00`)
      .groupBy(day)
      .execute();
    return rows.map((r) => ({ date: String(r.day), orders: Number(r.n) }));
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
