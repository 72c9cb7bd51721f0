import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrderRepository, StoredOrderState } from '../db/order.repository.js';
import type { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';

/**
 * Keeps an order that could not be imported visible with its error and Amazon's raw data, without
 * touching a good copy stored earlier: the stored data stays, only the error is recorded on it.
 */
export async function saveFailedOrder(
  db: Kysely<Database>,
  orders: OrderRepository,
  input: FailedOrderInput,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await orders.findState(trx, input.connectionId, input.amazonOrderId);
    return writeFailedOrder(trx, orders, existing, input);
  });
}

export interface FailedOrderInput {
  connectionId: string;
  amazonOrderId: string;
  marketplaceId: string;
  raw: unknown;
  error: AppError;
  now: string;
}

/** The writes of saveFailedOrder inside the caller's transaction, over the state it read there. */
export async function writeFailedOrder(
  trx: Kysely<Database>,
  orders: OrderRepository,
  existing: StoredOrderState | null,
  input: FailedOrderInput,
): Promise<string> {
  const id = existing?.id ?? newId();
  if (existing) {
    await trx
      .updateTable('orders')
      .set({
        error_code: input.error.code,
        error_message: input.error.message,
        error_source: 'import',
        updated_at: input.now,
      })
      .where('id', '=', id)
      .execute();
  } else {
    await trx
      .insertInto('orders')
      .values({
        id,
        connection_id: input.connectionId,
        amazon_order_id: input.amazonOrderId,
        seller_order_id: null,
        marketplace_id: input.marketplaceId,
        amazon_status: null,
        status: 'failed',
        fulfillment_channel: null,
        created_time: null,
        last_updated_time: null,
        currency: null,
        amazon_total: null,
        total_net: null,
        total_tax: null,
        total_gross: null,
        excluded_tax: null,
        adjustment: null,
        buyer_json: null,
        shipping_address_json: null,
        flags_json: null,
        raw_json: JSON.stringify(input.raw ?? null),
        content_hash: null,
        skipped: 0,
        skip_reason: null,
        hold_reason: null,
        error_code: input.error.code,
        error_message: input.error.message,
        error_source: 'import',
        store_state: null,
        store_order_ref: null,
        imported_at: input.now,
        updated_at: input.now,
      })
      .execute();
  }
  await orders.addEvent(trx, {
    orderId: id,
    connectionId: input.connectionId,
    occurredAt: input.now,
    direction: 'amazon_to_hub',
    kind: 'order.import_failed',
    summary: `Import failed: ${input.error.message}`,
    payload: { code: input.error.code, details: input.error.details },
  });
  return id;
}
