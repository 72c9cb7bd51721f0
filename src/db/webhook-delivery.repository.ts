import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { WebhookDeliveriesTable } from './store-side.schema.js';

/** 'skipped': the store has no webhookUrl (any more), so nothing was sent. */
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed' | 'skipped';

export interface WebhookDelivery {
  id: string;
  storeId: string;
  topic: string;
  /** The exact JSON text that is signed and sent: `{ id, topic, createdAt, data }`. */
  body: string;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

function toDelivery(r: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: r.id,
    storeId: r.store_id,
    topic: r.topic,
    body: r.body,
    state: r.state as WebhookDeliveryState,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  };
}

export interface DeliveryAttempt {
  state: WebhookDeliveryState;
  status: number | null;
  error: string | null;
  deliveredAt: string | null;
}

/** Webhooks to hub-api stores (rows are inserted by the hub port with their delivery job). */
export class WebhookDeliveryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<WebhookDelivery | null> {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  /** Oldest first. */
  async forStore(storeId: string, limit = 100): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('store_id', '=', storeId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** Records one attempt (counted) and its outcome; returns the attempts so far. */
  async recordAttempt(id: string, attempt: DeliveryAttempt): Promise<number> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        state: attempt.state,
        attempts: eb('attempts', '+', 1),
        last_status: attempt.status,
        last_error: attempt.error,
        delivered_at: attempt.deliveredAt,
      }))
      .where('id', '=', id)
      .execute();
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select('attempts')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.attempts ?? 0;
  }

  /** Not sent (no webhookUrl); attempts are not counted. */
  async markSkipped(id: string, reason: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ state: 'skipped', last_error: reason })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ state: 'failed', last_error: reason })
      .where('id', '=', id)
      .execute();
  }
}
