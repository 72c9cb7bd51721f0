import type { OrderWrite } from '../db/order-page.repository.js';
import type { StoredOrderState } from '../db/order.repository.js';
import type { Order, OrderEvent, OrderLine } from '../domain/order.js';
import { newTimeOrderedId } from '../lib/ids.js';
import { keepAmazonStatusAhead } from './amazon-status-behind.js';
import type { BuiltOrder } from './build-order.js';
import { describeChanges } from './order-changes.js';
import { withoutPersonalData } from './without-personal-data.js';

export type SaveOutcome = 'created' | 'updated' | 'unchanged' | 'stale';

export type ExtraEvent = Pick<OrderEvent, 'kind' | 'summary' | 'payload' | 'direction'>;

/** What storing Amazon's data over the stored copy means; `write` is set when something is written. */
export interface SaveDecision {
  outcome: SaveOutcome;
  orderId: string;
  built: BuiltOrder;
  /** The full order to write (created/updated only). */
  full: Order | null;
  /** Amazon's status was behind the stored one (our own write-back came first) and was kept. */
  behind: AmazonStatusBehind | null;
}

export type AmazonStatusBehind = ReturnType<typeof keepAmazonStatusAhead>['behind'];

/**
 * Decides, from the stored state read inside the writing transaction, whether Amazon's data is
 * new, a change, unchanged or older than the stored copy. Pure.
 */
export function decideSave(
  existing: StoredOrderState | null,
  build: (currentStatus: string | null) => BuiltOrder,
  now: string,
): SaveDecision {
  // The status moves from what is stored now, read inside the transaction that writes the new one.
  const amazonData = build(existing && existing.status !== 'failed' ? existing.status : null);
  // Once purged, an order never gets its buyer's personal data back from a later pull.
  const read = existing?.personalDataPurgedAt ? withoutPersonalData(amazonData) : amazonData;
  const good = existing !== null && existing.status !== 'failed';
  // Amazon's answer may lag behind our own confirmed write-back: its status must not go backwards.
  const { built, behind } =
    existing && good ? keepAmazonStatusAhead(existing.amazonStatus, read) : { built: read, behind: null };
  const { order } = built;
  // Unchanged only when the stored copy is good: a recorded import error must be cleared by a good read.
  if (existing && good && existing.contentHash === order.contentHash && !existing.importError) {
    return { outcome: 'unchanged', orderId: existing.id, built, full: null, behind: null };
  }
  if (existing?.lastUpdatedTime && order.lastUpdatedTime && good && order.lastUpdatedTime < existing.lastUpdatedTime) {
    return { outcome: 'stale', orderId: existing.id, built, full: null, behind: null };
  }
  const id = existing?.id ?? newTimeOrderedId();
  const full: Order = { ...order, id, importedAt: existing?.importedAt ?? now, updatedAt: now };
  return { outcome: good ? 'updated' : 'created', orderId: id, built, full, behind };
}

/** The rows and timeline events a created/updated decision writes; `before` is the stored copy (updates). */
export function planWrite(
  existing: StoredOrderState | null,
  decision: SaveDecision & { full: Order },
  before: { order: Order | null; lines: OrderLine[] } | null,
  extraEvents: readonly ExtraEvent[],
  now: string,
): OrderWrite {
  const { built, full } = decision;
  const updated = decision.outcome === 'updated';
  const summary = updated
    ? before?.order
      ? describeChanges(before.order, before.lines, built.order, built.lines).join('; ')
      : 'updated'
    : importSummary(full, built);
  const base = { orderId: full.id, connectionId: full.connectionId, occurredAt: now };
  const events: Array<Omit<OrderEvent, 'id'>> = extraEvents.map((e) => ({ ...base, ...e }));
  events.push({
    ...base,
    direction: 'amazon_to_hub',
    kind: updated ? 'order.updated' : 'order.imported',
    summary,
    payload: {
      amazonStatus: full.amazonStatus,
      status: full.status,
      lastUpdatedTime: full.lastUpdatedTime,
      warnings: built.warnings,
    },
  });
  if (built.illegalTransition) {
    events.push({
      ...base,
      direction: 'internal',
      kind: 'order.transition_refused',
      summary: built.illegalTransition,
      payload: null,
    });
  }
  if (decision.behind) {
    events.push({
      ...base,
      direction: 'amazon_to_hub',
      kind: 'amazon.status_behind',
      summary: decision.behind.summary,
      payload: { read: decision.behind.read, kept: decision.behind.kept },
    });
  }
  const keep = new Set(built.lines.map((l) => l.amazonOrderItemId));
  return {
    order: full,
    lines: built.lines,
    goneLineItemIds: (before?.lines ?? []).map((l) => l.amazonOrderItemId).filter((id) => !keep.has(id)),
    clearImportError: existing?.importError ?? false,
    events,
  };
}

function importSummary(order: Order, built: BuiltOrder): string {
  const items = built.lines.filter((l) => l.kind === 'item').length;
  const total = order.totals.amazonTotal
    ? `${order.currency ?? ''} ${order.totals.amazonTotal}`.trim()
    : 'no total yet';
  const skipped = order.status === 'skipped' ? ` — skipped: ${order.skipReason ?? ''}` : '';
  return `Imported from Amazon: ${order.amazonStatus ?? '?'}, ${items} item line(s), ${total}${skipped}`;
}
