import type { Kysely } from 'kysely';
import { fromJson } from './json-column.js';
import type { Database } from './schema.js';

/** A stock feed as the Stock page needs it: what it carried and how far Amazon got with it. */
export interface StockFeedSummary {
  amazonFeedId: string | null;
  /** 'submitted' | 'done' | 'fatal' | 'not_sent' */
  state: string;
  processingStatus: string | null;
  quantities: Record<string, number>;
  createdAt: string;
}

/** Recent JSON_LISTINGS_FEED stock feeds of a connection (the feeds table also holds cancellations). */
export class StockFeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async recent(connectionId: string, feedType: string, limit: number): Promise<StockFeedSummary[]> {
    const rows = await this.db
      .selectFrom('feeds')
      .select(['amazon_feed_id', 'state', 'processing_status', 'report_json', 'created_at'])
      .where('connection_id', '=', connectionId)
      .where('feed_type', '=', feedType)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      amazonFeedId: r.amazon_feed_id,
      state: r.state,
      processingStatus: r.processing_status,
      quantities: fromJson<{ quantities?: Record<string, number> }>(r.report_json)?.quantities ?? {},
      createdAt: r.created_at,
    }));
  }
}
