import type { Kysely } from 'kysely';
import { OrderPageRepository } from '../db/order-page.repository.js';
import type { OrderRepository } from '../db/order.repository.js';
import type { Database } from '../db/schema.js';
import type { BuiltOrder } from './build-order.js';
import { decideSave, planWrite, type ExtraEvent, type SaveOutcome } from './order-write-plan.js';

export type { SaveOutcome } from './order-write-plan.js';

export interface SaveContext {
  db: Kysely<Database>;
  orders: OrderRepository;
  now: string;
  /** Extra timeline events that belong to this import (e.g. a getOrder call), written in the same transaction. */
  extraEvents: ExtraEvent[];
  /** Runs inside the order's transaction after a change (the outbox: e.g. enqueue its delivery). */
  afterChange?: ((trx: Kysely<Database>, orderId: string) => Promise<void>) | undefined;
}

const pageRepository = new OrderPageRepository();

/**
 * Stores one order atomically: order row, lines and timeline events in one transaction, keyed by
 * (connection, Amazon order id), so re-reading the same window after a crash changes nothing.
 * An order pull stores whole pages instead (store-order-page.ts), with the same decisions.
 */
export async function saveOrder(
  ctx: SaveContext,
  key: { connectionId: string; amazonOrderId: string },
  build: (currentStatus: string | null) => BuiltOrder,
): Promise<{ outcome: SaveOutcome; orderId: string; built: BuiltOrder }> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await ctx.orders.findState(trx, key.connectionId, key.amazonOrderId);
    const decision = decideSave(existing, build, ctx.now);
    const { outcome, orderId, built, full } = decision;
    if (!full) return { outcome, orderId, built };
    const before = existing
      ? {
          order: existing.status !== 'failed' ? await ctx.orders.findById(orderId, trx) : null,
          lines: await ctx.orders.lines(orderId, trx),
        }
      : null;
    await pageRepository.write(trx, [planWrite(existing, { ...decision, full }, before, ctx.extraEvents, ctx.now)]);
    await ctx.afterChange?.(trx, orderId);
    return { outcome, orderId, built };
  });
}
