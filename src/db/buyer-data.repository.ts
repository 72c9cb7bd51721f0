import { sql, type Kysely } from 'kysely';
import type { AmazonAddress, AmazonBuyer } from '../domain/amazon-order.js';
import { blankPersonalValues } from '../domain/personal-data.js';
import { newId } from '../lib/ids.js';
import { dialectOf } from './dialect.js';
import { fromJson, toJson } from './json-column.js';
import type { Database } from './schema.js';

/** Amazon statuses after which buyer data is no longer needed (shipped/delivered or cancelled). */
const ENDED_STATUSES = ['SHIPPED', 'CANCELLED'];

export interface OrderWithPersonalData {
  id: string;
  amazonOrderId: string;
  connectionId: string;
  storeId: string | null;
  buyer: AmazonBuyer | null;
  shippingAddress: AmazonAddress | null;
  raw: unknown;
  /** When OrderBridge last wrote the order: the purge skips it if it changed since it was read. */
  updatedAt: string;
}

export interface PurgedOrder {
  buyer: null;
  shippingAddress: AmazonAddress | null;
  raw: unknown;
  lines: Array<{ id: string; data: Record<string, unknown> }>;
}

/**
 * Where buyer personal data sits: the order row and its lines, and the copies of it in timeline
 * events, webhook bodies, write-back records, sync-run details and job errors. Only `db/` knows them.
 */
export class BuyerDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async accountsRetention(): Promise<Array<{ accountId: string; days: number | null }>> {
    const rows = await this.db.selectFrom('accounts').select(['id', 'buyer_data_retention_days']).execute();
    return rows.map((r) => ({ accountId: r.id, days: r.buyer_data_retention_days ?? null }));
  }

  /**
   * Orders of the account that ended (Amazon SHIPPED or CANCELLED) and did not change since `cutoff`,
   * still holding personal data (never purged, or personal data came back with a later import).
   */
  async dueForPurge(
    accountId: string,
    cutoff: string,
    limit: number,
    afterId: string | null = null,
  ): Promise<OrderWithPersonalData[]> {
    let query = this.db
      .selectFrom('orders')
      .innerJoin('connections', 'connections.id', 'orders.connection_id')
      .select([
        'orders.id',
        'orders.amazon_order_id',
        'orders.connection_id',
        'connections.store_id',
        'orders.buyer_json',
        'orders.shipping_address_json',
        'orders.raw_json',
        'orders.updated_at',
      ])
      .where('connections.account_id', '=', accountId)
      .where('orders.amazon_status', 'in', ENDED_STATUSES)
      .where('orders.last_updated_time', '<', cutoff)
      .where('orders.updated_at', '<', cutoff)
      .where((eb) => eb.or([eb('orders.personal_data_purged_at', 'is', null), eb('orders.buyer_json', 'is not', null)]))
      .orderBy('orders.id')
      .limit(limit);
    if (afterId !== null) query = query.where('orders.id', '>', afterId);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      amazonOrderId: r.amazon_order_id,
      connectionId: r.connection_id,
      storeId: r.store_id,
      buyer: fromJson<AmazonBuyer>(r.buyer_json),
      shippingAddress: fromJson<AmazonAddress>(r.shipping_address_json),
      raw: fromJson(r.raw_json),
      updatedAt: r.updated_at,
    }));
  }

  async lineData(orderId: string): Promise<Array<{ id: string; data: Record<string, unknown> }>> {
    const rows = await this.db
      .selectFrom('order_lines')
      .select(['id', 'data_json'])
      .where('order_id', '=', orderId)
      .execute();
    return rows.map((r) => ({ id: r.id, data: fromJson<Record<string, unknown>>(r.data_json) ?? {} }));
  }

  /** Notes on the order's timeline that its buyer data could not be removed (`reason`: an error code). */
  async recordPurgeFailure(order: OrderWithPersonalData, reason: string, now: string): Promise<void> {
    await this.db
      .insertInto('order_events')
      .values({
        id: newId(),
        order_id: order.id,
        connection_id: order.connectionId,
        occurred_at: now,
        direction: 'internal',
        kind: 'order.personal_data_purge_failed',
        summary: `Buyer personal data could not be removed (${reason}); the daily data retention job tries again`,
        payload_json: toJson({ reason }),
      })
      .execute();
  }

  /**
   * Writes the order without personal data and blanks `values` in every copy; one transaction.
   * False (nothing written) when an import changed the order since it was read: it is not past
   * retention any more, and its new data must not be overwritten with the old.
   */
  async purge(
    order: OrderWithPersonalData,
    purged: PurgedOrder,
    values: readonly string[],
    at: { now: string; days: number },
  ): Promise<boolean> {
    const { now } = at;
    return this.db.transaction().execute(async (trx) => {
      const written = await trx
        .updateTable('orders')
        .set({
          buyer_json: null,
          shipping_address_json: toJson(purged.shippingAddress),
          raw_json: toJson(purged.raw),
          personal_data_purged_at: now,
        })
        .where('id', '=', order.id)
        .where('updated_at', '=', order.updatedAt)
        .executeTakeFirst();
      if (Number(written.numUpdatedRows) !== 1) return false;
      for (const line of purged.lines) {
        await trx
          .updateTable('order_lines')
          .set({ data_json: toJson(line.data) })
          .where('id', '=', line.id)
          .execute();
      }
      await trx
        .insertInto('order_events')
        .values({
          id: newId(),
          order_id: order.id,
          connection_id: order.connectionId,
          occurred_at: now,
          direction: 'internal',
          kind: 'order.personal_data_purged',
          summary: `Buyer personal data removed: kept ${at.days} days after the order ended (data retention)`,
          payload_json: toJson({ retentionDays: at.days }),
        })
        .execute();
      if (values.length === 0) return true;
      await blankCopies(trx, 'orders', 'id', ['error_message'], ['id', '=', order.id], values);
      await blankCopies(trx, 'order_lines', 'id', ['data_json', 'title'], ['order_id', '=', order.id], values);
      await blankCopies(trx, 'order_events', 'id', ['summary', 'payload_json'], ['order_id', '=', order.id], values);
      await blankCopies(trx, 'shipments', 'id', ['items_json', 'last_error'], ['order_id', '=', order.id], values);
      await blankCopies(trx, 'cancellations', 'id', ['items_json', 'last_error'], ['order_id', '=', order.id], values);
      const conn = ['connection_id', '=', order.connectionId] as const;
      await blankCopies(trx, 'sync_runs', 'id', ['error_message', 'progress_json'], conn, values);
      await blankCopies(trx, 'feeds', 'id', ['document', 'report_json'], conn, values);
      await blankCopies(trx, 'jobs', 'id', ['last_error', 'payload_json'], null, values);
      if (order.storeId) {
        const store = ['store_id', '=', order.storeId] as const;
        await blankCopies(trx, 'webhook_deliveries', 'id', ['body', 'last_error'], store, values);
      }
      return true;
    });
  }
}

type Filter = readonly [string, '=', string] | null;

/**
 * In `table`'s rows matching `filter`, replaces each personal value found in `columns`. Rows are
 * found by the database (a substring match), then rewritten here, so JSON-escaped copies go too.
 */
async function blankCopies(
  trx: Kysely<Database>,
  table: keyof Database,
  key: string,
  columns: readonly string[],
  filter: Filter,
  values: readonly string[],
): Promise<void> {
  const db = trx as unknown as Kysely<Record<string, Record<string, string | null>>>;
  const contains = dialectOf(trx) === 'postgres' ? 'strpos' : 'instr';
  for (const column of columns) {
    let query = db.selectFrom(table).select([key, column]);
    if (filter) query = query.where(filter[0], '=', filter[2]);
    const needles = values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]);
    query = query.where((eb) =>
      eb.or(needles.map((n) => eb(sql`${sql.raw(contains)}(${sql.ref(column)}, ${n})`, '>', sql.lit(0)))),
    );
    for (const row of await query.execute()) {
      const text = row[column];
      if (typeof text !== 'string') continue;
      await db
        .updateTable(table)
        .set({ [column]: blankPersonalValues(text, values) })
        .where(key, '=', row[key] as string)
        .execute();
    }
  }
}
