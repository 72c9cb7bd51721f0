import type { Kysely, Selectable } from 'kysely';
import type { Cancellation, CancellationState, ShipmentItemQuantity } from '../domain/write-back.js';
import { fromJson, toJson } from './json-column.js';
import type { Database } from './schema.js';
import type { CancellationsTable, FeedsTable } from './store-side.schema.js';

type CancellationRow = Selectable<CancellationsTable> & { amazon_feed_id: string | null };

function toCancellation(r: CancellationRow): Cancellation {
  return {
    id: r.id,
    orderId: r.order_id,
    connectionId: r.connection_id,
    storeId: r.store_id,
    storeRef: r.store_ref,
    items: fromJson<ShipmentItemQuantity[]>(r.items_json) ?? [],
    reason: r.reason,
    state: r.state as CancellationState,
    feedId: r.feed_id,
    amazonFeedId: r.amazon_feed_id,
    lastError: r.last_error,
    createdAt: r.created_at,
  };
}

export interface FeedRecord {
  id: string;
  connectionId: string;
  feedType: string;
  amazonFeedId: string | null;
  state: string;
  processingStatus: string | null;
  document: string;
  report: unknown;
  createdAt: string;
}

const toFeed = (r: Selectable<FeedsTable>): FeedRecord => ({
  id: r.id,
  connectionId: r.connection_id,
  feedType: r.feed_type,
  amazonFeedId: r.amazon_feed_id,
  state: r.state,
  processingStatus: r.processing_status,
  document: r.document,
  report: fromJson(r.report_json),
  createdAt: r.created_at,
});

/** Store cancellations and the Amazon feeds that carry them. */
export class CancellationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Cancellations with the feed id Amazon returned for the feed that carried them. */
  private withAmazonFeedId(db: Kysely<Database> = this.db) {
    return db
      .selectFrom('cancellations')
      .leftJoin('feeds', 'feeds.id', 'cancellations.feed_id')
      .selectAll('cancellations')
      .select('feeds.amazon_feed_id');
  }

  async insert(db: Kysely<Database>, c: Omit<Cancellation, 'feedId' | 'amazonFeedId'>, now: string): Promise<boolean> {
    const result = await db
      .insertInto('cancellations')
      .values({
        id: c.id,
        order_id: c.orderId,
        connection_id: c.connectionId,
        store_id: c.storeId,
        store_ref: c.storeRef,
        items_json: JSON.stringify(c.items),
        reason: c.reason,
        state: c.state,
        feed_id: null,
        last_error: c.lastError,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['store_id', 'store_ref']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async forOrder(orderId: string, db: Kysely<Database> = this.db): Promise<Cancellation[]> {
    const rows = await this.withAmazonFeedId(db)
      .where('cancellations.order_id', '=', orderId)
      .orderBy('cancellations.created_at')
      .execute();
    return rows.map(toCancellation);
  }

  async pending(connectionId: string, limit: number): Promise<Cancellation[]> {
    const rows = await this.withAmazonFeedId()
      .where('cancellations.connection_id', '=', connectionId)
      .where('cancellations.state', '=', 'pending')
      .orderBy('cancellations.created_at')
      .limit(limit)
      .execute();
    return rows.map(toCancellation);
  }

  async forFeed(feedId: string): Promise<Cancellation[]> {
    const rows = await this.withAmazonFeedId().where('cancellations.feed_id', '=', feedId).execute();
    return rows.map(toCancellation);
  }

  async list(connectionIds: readonly string[], limit: number): Promise<Cancellation[]> {
    if (connectionIds.length === 0) return [];
    const rows = await this.withAmazonFeedId()
      .where('cancellations.connection_id', 'in', [...connectionIds])
      .orderBy('cancellations.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toCancellation);
  }

  async setState(
    db: Kysely<Database>,
    ids: readonly string[],
    state: CancellationState,
    patch: { feedId?: string; error?: string | null },
    now: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    await db
      .updateTable('cancellations')
      .set({
        state,
        updated_at: now,
        ...(patch.feedId !== undefined && { feed_id: patch.feedId }),
        ...(patch.error !== undefined && { last_error: patch.error }),
      })
      .where('id', 'in', [...ids])
      .execute();
  }

  async insertFeed(
    db: Kysely<Database>,
    f: { id: string; connectionId: string; feedType: string; document: string },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('feeds')
      .values({
        id: f.id,
        connection_id: f.connectionId,
        feed_type: f.feedType,
        amazon_feed_id: null,
        state: 'preparing',
        processing_status: null,
        document: f.document,
        report_json: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async updateFeed(
    db: Kysely<Database>,
    id: string,
    patch: { amazonFeedId?: string; state?: string; processingStatus?: string; report?: unknown },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('feeds')
      .set({
        updated_at: now,
        ...(patch.amazonFeedId !== undefined && { amazon_feed_id: patch.amazonFeedId }),
        ...(patch.state !== undefined && { state: patch.state }),
        ...(patch.processingStatus !== undefined && { processing_status: patch.processingStatus }),
        ...(patch.report !== undefined && { report_json: toJson(patch.report) }),
      })
      .where('id', '=', id)
      .execute();
  }

  async findFeed(id: string): Promise<FeedRecord | null> {
    const row = await this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFeed(row) : null;
  }
}
