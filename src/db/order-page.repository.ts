import type { Kysely } from 'kysely';
import type { Order, OrderEvent, OrderLine } from '../domain/order.js';
import { newTimeOrderedId } from '../lib/ids.js';
import { insertRows } from './bulk-insert.js';
import { toJson } from './json-column.js';
import { fromOrder, fromOrderLine, toOrder, toOrderLine } from './order-row.mapper.js';
import { LINE_UPDATE_COLUMNS, readOrderStates, type StoredOrderState } from './order.repository.js';
import type { Database } from './schema.js';

/** One order's rows as an import writes them. */
export interface OrderWrite {
  order: Order;
  lines: OrderLine[];
  /** Amazon item ids of stored lines the order no longer has. */
  goneLineItemIds: string[];
  /** The stored error came from the import and a good read clears it. */
  clearImportError: boolean;
  events: Array<Omit<OrderEvent, 'id'>>;
}

/** Ids per statement: far below SQLite's and PostgreSQL's bind-parameter limits. */
const IDS_PER_QUERY = 500;
const ORDERS_PER_INSERT = 100;
const LINES_PER_INSERT = 400;
const EVENTS_PER_INSERT = 500;

/** Columns a re-import overwrites; the store side's and the error columns belong to their owners. */
const ORDER_UPDATE_COLUMNS = [
  'seller_order_id',
  'marketplace_id',
  'amazon_status',
  'status',
  'fulfillment_channel',
  'created_time',
  'last_updated_time',
  'currency',
  'amazon_total',
  'total_net',
  'total_tax',
  'total_gross',
  'excluded_tax',
  'adjustment',
  'buyer_json',
  'shipping_address_json',
  'flags_json',
  'raw_json',
  'content_hash',
  'skipped',
  'skip_reason',
  'updated_at',
] as const;

/**
 * A page of orders read and written with a few statements (src/sync/store-order-page.ts): the
 * import's cost per order is mostly round trips, so each statement covers the whole page.
 */
export class OrderPageRepository {
  /**
   * The stored state of each order of a page, keyed by Amazon order id. Inside a PostgreSQL
   * transaction the rows stay locked until it ends (the buyer-data purge waits for the page).
   */
  async findStates(
    db: Kysely<Database>,
    connectionId: string,
    amazonOrderIds: readonly string[],
  ): Promise<Map<string, StoredOrderState>> {
    const states = new Map<string, StoredOrderState>();
    const unique = [...new Set(amazonOrderIds)];
    for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
      const chunk = await readOrderStates(db, connectionId, unique.slice(i, i + IDS_PER_QUERY));
      for (const [amazonOrderId, state] of chunk) states.set(amazonOrderId, state);
    }
    return states;
  }

  /** The stored orders and their lines (ordered by position), keyed by order id. */
  async findWithLines(
    db: Kysely<Database>,
    orderIds: readonly string[],
  ): Promise<Map<string, { order: Order | null; lines: OrderLine[] }>> {
    const found = new Map<string, { order: Order | null; lines: OrderLine[] }>();
    if (orderIds.length === 0) return found;
    for (const id of orderIds) found.set(id, { order: null, lines: [] });
    for (let i = 0; i < orderIds.length; i += IDS_PER_QUERY) {
      const ids = orderIds.slice(i, i + IDS_PER_QUERY);
      const orders = await db.selectFrom('orders').selectAll().where('id', 'in', ids).execute();
      for (const row of orders) found.get(row.id)!.order = toOrder(row);
      const lines = await db
        .selectFrom('order_lines')
        .selectAll()
        .where('order_id', 'in', ids)
        .orderBy('order_id')
        .orderBy('position')
        .execute();
      for (const row of lines) found.get(row.order_id)?.lines.push(toOrderLine(row));
    }
    return found;
  }

  /** Writes orders (upserted by connection + Amazon order id), their lines and timeline events. */
  async write(db: Kysely<Database>, writes: readonly OrderWrite[]): Promise<void> {
    for (let i = 0; i < writes.length; i += ORDERS_PER_INSERT) {
      // The store side's columns, the errors and the purge mark are never in the update set.
      const rows = writes.slice(i, i + ORDERS_PER_INSERT).map((w) => fromOrder(w.order));
      await insertRows(db, 'orders', rows, { on: ['connection_id', 'amazon_order_id'], update: ORDER_UPDATE_COLUMNS });
    }
    const clear = writes.filter((w) => w.clearImportError).map((w) => w.order.id);
    for (let i = 0; i < clear.length; i += IDS_PER_QUERY) {
      await db
        .updateTable('orders')
        .set({ error_code: null, error_message: null, error_source: null })
        .where('id', 'in', clear.slice(i, i + IDS_PER_QUERY))
        .where((eb) => eb.or([eb('error_source', 'is', null), eb('error_source', '=', 'import')]))
        .execute();
    }
    for (const w of writes) await this.deleteLines(db, w.order.id, w.goneLineItemIds);
    const lines = writes.flatMap((w) => w.lines.map((l) => fromOrderLine(w.order.id, newTimeOrderedId(), l)));
    for (let i = 0; i < lines.length; i += LINES_PER_INSERT) {
      await insertRows(db, 'order_lines', lines.slice(i, i + LINES_PER_INSERT), {
        on: ['order_id', 'amazon_order_item_id'],
        update: LINE_UPDATE_COLUMNS,
      });
    }
    const events = writes.flatMap((w) => w.events).map(toEventRow);
    for (let i = 0; i < events.length; i += EVENTS_PER_INSERT) {
      await insertRows(db, 'order_events', events.slice(i, i + EVENTS_PER_INSERT));
    }
  }

  private async deleteLines(db: Kysely<Database>, orderId: string, itemIds: readonly string[]): Promise<void> {
    for (let i = 0; i < itemIds.length; i += IDS_PER_QUERY) {
      await db
        .deleteFrom('order_lines')
        .where('order_id', '=', orderId)
        .where('amazon_order_item_id', 'in', itemIds.slice(i, i + IDS_PER_QUERY))
        .execute();
    }
  }
}

function toEventRow(event: Omit<OrderEvent, 'id'>) {
  return {
    id: newTimeOrderedId(),
    order_id: event.orderId,
    connection_id: event.connectionId,
    occurred_at: event.occurredAt,
    direction: event.direction,
    kind: event.kind,
    summary: event.summary,
    payload_json: toJson(event.payload),
  };
}
