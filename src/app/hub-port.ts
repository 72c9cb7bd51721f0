import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { StockRepository } from '../db/stock.repository.js';
import type { StoreRepository } from '../db/store.repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import type { HubPort } from '../stores/store-connector.js';
import { JOBS } from '../sync/store-side-deps.js';

/** OrderBridge's side of the hub-api platform: webhooks go out through the durable job queue. */
export function createHubPort(deps: {
  db: Kysely<Database>;
  jobs: JobQueue;
  stock: StockRepository;
  storeRepo: StoreRepository;
  clock: Clock;
}): HubPort {
  return {
    async sendWebhook(storeId, topic, data) {
      const id = newId();
      const now = deps.clock.nowIso();
      const body = JSON.stringify({ id, topic, createdAt: now, data });
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhook_deliveries')
          .values({
            id,
            store_id: storeId,
            topic,
            body,
            state: 'pending',
            last_status: null,
            last_error: null,
            created_at: now,
            delivered_at: null,
          })
          .execute();
        await deps.jobs.enqueue(
          JOBS.deliverWebhook,
          { deliveryId: id },
          { key: `webhook:${id}`, queue: `webhooks:${storeId}`, maxAttempts: 15, trx },
        );
      });
    },
    async postedStock(storeId, productRefs) {
      const connectionIds = await deps.storeRepo.connectionIds(storeId);
      const result = new Map<string, number>();
      if (connectionIds.length === 0 || productRefs.length === 0) return result;
      const rows = await deps.db
        .selectFrom('stock_levels')
        .select(['product_ref', 'store_available'])
        .where('connection_id', 'in', connectionIds)
        .where('product_ref', 'in', [...productRefs])
        .execute();
      for (const r of rows) if (r.store_available !== null) result.set(r.product_ref, r.store_available);
      return result;
    },
  };
}
