import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrderRepository } from '../db/order.repository.js';
import type { Order } from '../domain/order.js';
import { newId } from '../lib/ids.js';
import { keepAmazonStatusAhead } from './amazon-status-behind.js';
import type { BuiltOrder } from './build-order.js';
import { describeChanges } from './order-changes.js';
import { withoutPersonalData } from './without-personal-data.js';

export type SaveOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

export interface SaveContext {
  db: Kysely<Database>;
  orders: OrderRepository;
  now: string;
  /** Extra timeline events that belong to this import (e.g. a getOrder call), written in the same transaction. */
  extraEvents: Array<{
    kind: string;
    summary: string;
    payload: unknown;
    direction: 'amazon_to_hub' | 'hub_to_amazon' | 'internal';
  }>;
  /** Runs inside the order's transaction after a change (the outbox: e.g. enqueue its delivery). */
  afterChange?: ((trx: Kysely<Database>, orderId: string) => Promise<void>) | undefined;
}

/**
 * Stores one order atomically: order row, lines and timeline events in one transaction, keyed by
 * (connection, Amazon order id), so re-reading the same window after a crash changes nothing.
 */
export async function saveOrder(
  ctx: SaveContext,
  key: { connectionId: string; amazonOrderId: string },
  build: (currentStatus: string | null) => BuiltOrder,
): Promise<{ outcome: SaveOutcome; orderId: string; built: BuiltOrder }> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await ctx.orders.findState(trx, key.connectionId, key.amazonOrderId);
    // The status moves from what is stored now, read inside the transaction that writes the new one.
    const amazonData = build(existing && existing.status !== 'failed' ? existing.status : null);
    // Once purged, an order never gets its buyer's personal data back from a later pull.
    const read = existing?.personalDataPurgedAt ? withoutPersonalData(amazonData) : amazonData;
    // Amazon's answer may lag behind our own confirmed write-back: its status must not go backwards.
    const { built, behind } =
      existing && existing.status !== 'failed'
        ? keepAmazonStatusAhead(existing.amazonStatus, read)
        : { built: read, behind: null };
    const { order } = built;
    // Unchanged only when the stored copy is good: a recorded import error must be cleared by a good read.
    if (
      existing &&
      existing.contentHash === order.contentHash &&
      existing.status !== 'failed' &&
      !existing.importError
    ) {
      return { outcome: 'unchanged', orderId: existing.id, built };
    }
    if (
      existing?.lastUpdatedTime &&
      order.lastUpdatedTime &&
      existing.status !== 'failed' &&
      order.lastUpdatedTime < existing.lastUpdatedTime
    ) {
      return { outcome: 'stale', orderId: existing.id, built };
    }
    const id = existing?.id ?? newId();
    const full: Order = { ...order, id, importedAt: existing?.importedAt ?? ctx.now, updatedAt: ctx.now };
    let summary: string;
    let kind: string;
    if (existing && existing.status !== 'failed') {
      const before = await ctx.orders.findById(id, trx);
      const beforeLines = await ctx.orders.lines(id, trx);
      summary = before ? describeChanges(before, beforeLines, order, built.lines).join('; ') : 'updated';
      kind = 'order.updated';
    } else {
      summary = importSummary(full, built);
      kind = 'order.imported';
    }
    await ctx.orders.upsertOrder(trx, full);
    if (existing?.importError) await ctx.orders.clearImportError(trx, id);
    await ctx.orders.replaceLines(trx, id, built.lines, existing === null);
    const base = { orderId: id, connectionId: order.connectionId, occurredAt: ctx.now };
    for (const e of ctx.extraEvents) await ctx.orders.addEvent(trx, { ...base, ...e });
    await ctx.orders.addEvent(trx, {
      ...base,
      direction: 'amazon_to_hub',
      kind,
      summary,
      payload: {
        amazonStatus: order.amazonStatus,
        status: order.status,
        lastUpdatedTime: order.lastUpdatedTime,
        warnings: built.warnings,
      },
    });
    if (built.illegalTransition) {
      await ctx.orders.addEvent(trx, {
        ...base,
        direction: 'internal',
        kind: 'order.transition_refused',
        summary: built.illegalTransition,
        payload: null,
      });
    }
    if (behind) {
      await ctx.orders.addEvent(trx, {
        ...base,
        direction: 'amazon_to_hub',
        kind: 'amazon.status_behind',
        summary: behind.summary,
        payload: { read: behind.read, kept: behind.kept },
      });
    }
    await ctx.afterChange?.(trx, id);
    return { outcome: existing && existing.status !== 'failed' ? 'updated' : 'created', orderId: id, built };
  });
}

function importSummary(order: Order, built: BuiltOrder): string {
  const items = built.lines.filter((l) => l.kind === 'item').length;
  const total = order.totals.amazonTotal
    ? `${order.currency ?? ''} ${order.totals.amazonTotal}`.trim()
    : 'no total yet';
  const skipped = order.status === 'skipped' ? ` — skipped: ${order.skipReason ?? ''}` : '';
  return `Imported from Amazon: ${order.amazonStatus ?? '?'}, ${items} item line(s), ${total}${skipped}`;
}
