import { isZero as isZeroAmount } from '../domain/money.js';
import type { Order, OrderLine } from '../domain/order.js';

type After = Omit<Order, 'id' | 'importedAt' | 'updatedAt'>;

const isZero = (amount: string | null): boolean => amount === null || isZeroAmount(amount);
const show = (value: string | null): string => value ?? '—';

/** Human summary of what changed between the stored copy and Amazon's new data (for the timeline). */
export function describeChanges(
  before: Order,
  beforeLines: OrderLine[],
  after: After,
  afterLines: OrderLine[],
): string[] {
  const changes = [...headerChanges(before, after), ...moneyChanges(before, after)];
  if (JSON.stringify(before.shippingAddress) !== JSON.stringify(after.shippingAddress))
    changes.push('delivery address changed');
  if (JSON.stringify(before.buyer) !== JSON.stringify(after.buyer)) changes.push('buyer details changed');
  const lineChange = linesChange(beforeLines, afterLines);
  if (lineChange) changes.push(lineChange);
  if (after.flags?.buyerCancelRequested && !before.flags?.buyerCancelRequested)
    changes.push('buyer requested cancellation');
  return changes.length > 0 ? changes : ['Amazon data changed (no field OrderBridge tracks)'];
}

function headerChanges(before: Order, after: After): string[] {
  const changes: string[] = [];
  if (before.amazonStatus !== after.amazonStatus)
    changes.push(`Amazon status ${show(before.amazonStatus)} → ${show(after.amazonStatus)}`);
  if (before.status !== after.status) changes.push(`status ${before.status} → ${after.status}`);
  return changes;
}

function moneyChanges(before: Order, after: After): string[] {
  const changes: string[] = [];
  if (before.totals.amazonTotal !== after.totals.amazonTotal) {
    changes.push(`Amazon total ${show(before.totals.amazonTotal)} → ${show(after.totals.amazonTotal)}`);
  }
  if (before.totals.tax !== after.totals.tax) {
    changes.push(`tax ${show(before.totals.tax)} → ${show(after.totals.tax)}`);
    // Amazon can zero the VAT of a business order after import (reverse charge): say so, loudly.
    if (after.flags?.business && isZero(after.totals.tax) && !isZero(before.totals.tax)) {
      changes.push('VAT removed on a business order — reverse charge applied by Amazon? Check the invoice');
    }
  }
  return changes;
}

function linesChange(beforeLines: OrderLine[], afterLines: OrderLine[]): string | null {
  const key = (l: OrderLine): string =>
    `${l.amazonOrderItemId}|${l.quantityOrdered}|${l.quantityShipped}|${l.quantityCancelled}|${l.lineGross}`;
  const beforeKeys = new Set(beforeLines.map(key));
  const changed = afterLines.some((l) => !beforeKeys.has(key(l))) || beforeLines.length !== afterLines.length;
  if (!changed) return null;
  const shipped = afterLines.filter((l) => l.kind === 'item').reduce((n, l) => n + l.quantityShipped, 0);
  return `lines changed (${afterLines.length} lines, ${shipped} unit(s) shipped)`;
}
