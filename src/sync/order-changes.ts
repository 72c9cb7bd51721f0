import type { Order, OrderLine } from '../domain/order.js';

/** Human summary of what changed between the stored copy and Amazon's new data (for the timeline). */
export function describeChanges(
  before: Order,
  beforeLines: OrderLine[],
  after: Omit<Order, 'id' | 'importedAt' | 'updatedAt'>,
  afterLines: OrderLine[],
): string[] {
  const changes: string[] = [];
  if (before.amazonStatus !== after.amazonStatus)
    changes.push(`Amazon status ${before.amazonStatus ?? '—'} → ${after.amazonStatus ?? '—'}`);
  if (before.status !== after.status) changes.push(`status ${before.status} → ${after.status}`);
  if (before.totals.amazonTotal !== after.totals.amazonTotal) {
    changes.push(`Amazon total ${before.totals.amazonTotal ?? '—'} → ${after.totals.amazonTotal ?? '—'}`);
  }
  if (before.totals.tax !== after.totals.tax)
    changes.push(`tax ${before.totals.tax ?? '—'} → ${after.totals.tax ?? '—'}`);
  if (JSON.stringify(before.shippingAddress) !== JSON.stringify(after.shippingAddress))
    changes.push('delivery address changed');
  if (JSON.stringify(before.buyer) !== JSON.stringify(after.buyer)) changes.push('buyer details changed');
  const lineKey = (l: OrderLine): string =>
    `${l.amazonOrderItemId}|${l.quantityOrdered}|${l.quantityShipped}|${l.quantityCancelled}|${l.lineGross}`;
  const beforeKeys = new Set(beforeLines.map(lineKey));
  const changedLines = afterLines.filter((l) => !beforeKeys.has(lineKey(l)));
  if (changedLines.length > 0 || beforeLines.length !== afterLines.length) {
    const shipped = afterLines.filter((l) => l.kind === 'item').reduce((n, l) => n + l.quantityShipped, 0);
    changes.push(`lines changed (${afterLines.length} lines, ${shipped} unit(s) shipped)`);
  }
  if (before.flags?.buyerCancelRequested !== after.flags?.buyerCancelRequested && after.flags?.buyerCancelRequested) {
    changes.push('buyer requested cancellation');
  }
  return changes.length > 0 ? changes : ['Amazon data changed (no field OrderBridge tracks)'];
}
