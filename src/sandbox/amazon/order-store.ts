import type { StoredOrder } from './stored-order.js';

export type TimeFamily = 'created' | 'lastUpdated';

/** Position after which the next page starts: orders are sorted by (time, orderId). */
export interface PageKey {
  ms: number;
  orderId: string;
}

export interface OrderQuery {
  family: TimeFamily;
  /** Inclusive bounds ("at or after", "at or before" in Amazon's parameter descriptions). */
  afterMs: number;
  beforeMs: number;
  marketplaceIds: readonly string[] | null;
  statuses: readonly string[] | null;
  fulfilledBy: readonly string[] | null;
  startAfter: PageKey | null;
  limit: number;
}

export function keyTime(stored: StoredOrder, family: TimeFamily): number {
  return Date.parse(family === 'created' ? stored.order.createdTime : stored.order.lastUpdatedTime);
}

/** All orders of all sellers, in memory. */
export class OrderStore {
  private readonly byId = new Map<string, StoredOrder>();

  add(stored: StoredOrder): void {
    this.byId.set(stored.order.orderId, stored);
  }

  get(orderId: string): StoredOrder | undefined {
    return this.byId.get(orderId);
  }

  has(orderId: string): boolean {
    return this.byId.has(orderId);
  }

  values(): IterableIterator<StoredOrder> {
    return this.byId.values();
  }

  clear(): void {
    this.byId.clear();
  }

  /**
   * Keyset page: matching orders sorted by (time, orderId), strictly after `startAfter`. An order that
   * changes between pages moves to a later key; the others keep theirs, so none is skipped.
   */
  search(sellerId: string, q: OrderQuery): { page: StoredOrder[]; more: boolean } {
    const matches: { stored: StoredOrder; ms: number }[] = [];
    for (const stored of this.byId.values()) {
      if (stored.sellerId !== sellerId) continue;
      const ms = keyTime(stored, q.family);
      if (ms < q.afterMs || ms > q.beforeMs) continue;
      if (q.startAfter && compareKey(ms, stored.order.orderId, q.startAfter) <= 0) continue;
      const { order } = stored;
      if (q.marketplaceIds && !q.marketplaceIds.includes(order.salesChannel.marketplaceId ?? '')) continue;
      if (q.statuses && !q.statuses.includes(order.fulfillment?.fulfillmentStatus ?? '')) continue;
      if (q.fulfilledBy && !q.fulfilledBy.includes(order.fulfillment?.fulfilledBy ?? '')) continue;
      matches.push({ stored, ms });
    }
    matches.sort((a, b) => a.ms - b.ms || (a.stored.order.orderId < b.stored.order.orderId ? -1 : 1));
    return { page: matches.slice(0, q.limit).map((m) => m.stored), more: matches.length > q.limit };
  }
}

function compareKey(ms: number, orderId: string, key: PageKey): number {
  if (ms !== key.ms) return ms - key.ms;
  return orderId < key.orderId ? -1 : orderId > key.orderId ? 1 : 0;
}
