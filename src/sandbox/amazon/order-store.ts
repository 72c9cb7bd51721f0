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

const timeOf = (stored: StoredOrder, family: TimeFamily): string =>
  family === 'created' ? stored.order.createdTime : stored.order.lastUpdatedTime;

export function keyTime(stored: StoredOrder, family: TimeFamily): number {
  return Date.parse(timeOf(stored, family));
}

/** One order in a seller's time index: the time string it was sorted by, and its parsed value. */
interface IndexEntry extends PageKey {
  stored: StoredOrder;
  time: string;
}

/** All orders of all sellers, in memory. */
export class OrderStore {
  private readonly byId = new Map<string, StoredOrder>();
  /**
   * Per seller and time family, the orders sorted by (time, orderId), so a page is a binary search
   * and a short walk instead of a sort of every order. Orders change in place (the lifecycle moves
   * lastUpdatedTime), so an index is checked against the orders' current times before use and
   * rebuilt when one moved; adding an order drops its seller's indexes.
   */
  private readonly indexes = new Map<string, IndexEntry[]>();

  add(stored: StoredOrder): void {
    const replaced = this.byId.get(stored.order.orderId);
    if (replaced) this.dropIndexes(replaced.sellerId);
    this.dropIndexes(stored.sellerId);
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
    this.indexes.clear();
  }

  /**
   * Keyset page: matching orders sorted by (time, orderId), strictly after `startAfter`. An order that
   * changes between pages moves to a later key; the others keep theirs, so none is skipped.
   */
  search(sellerId: string, q: OrderQuery): { page: StoredOrder[]; more: boolean } {
    const index = this.index(sellerId, q.family);
    const page: StoredOrder[] = [];
    const from = q.startAfter ?? { ms: q.afterMs, orderId: '' };
    for (let i = firstAfter(index, from); i < index.length && page.length <= q.limit; i++) {
      const { stored, ms } = index[i]!;
      if (ms < q.afterMs) continue;
      if (ms > q.beforeMs) break;
      const { order } = stored;
      if (q.marketplaceIds && !q.marketplaceIds.includes(order.salesChannel.marketplaceId ?? '')) continue;
      if (q.statuses && !q.statuses.includes(order.fulfillment?.fulfillmentStatus ?? '')) continue;
      if (q.fulfilledBy && !q.fulfilledBy.includes(order.fulfillment?.fulfilledBy ?? '')) continue;
      page.push(stored);
    }
    const more = page.length > q.limit;
    return { page: more ? page.slice(0, q.limit) : page, more };
  }

  private dropIndexes(sellerId: string): void {
    this.indexes.delete(indexKey(sellerId, 'created'));
    this.indexes.delete(indexKey(sellerId, 'lastUpdated'));
  }

  private index(sellerId: string, family: TimeFamily): IndexEntry[] {
    const key = indexKey(sellerId, family);
    const known = this.indexes.get(key);
    if (known && stillSorted(known, sellerId, family)) return known;
    const index: IndexEntry[] = [];
    for (const stored of this.byId.values()) {
      if (stored.sellerId !== sellerId) continue;
      const time = timeOf(stored, family);
      index.push({ stored, time, ms: Date.parse(time), orderId: stored.order.orderId });
    }
    index.sort((a, b) => compareKey(a, b));
    this.indexes.set(key, index);
    return index;
  }
}

/** No order of the index changed its time (or seller) in place since it was built. */
function stillSorted(index: readonly IndexEntry[], sellerId: string, family: TimeFamily): boolean {
  for (const e of index) {
    if (e.stored.sellerId !== sellerId || timeOf(e.stored, family) !== e.time) return false;
  }
  return true;
}

const indexKey = (sellerId: string, family: TimeFamily): string => `${family}\n${sellerId}`;

/** Position of the first entry strictly after `key` (binary search). */
function firstAfter(index: readonly IndexEntry[], key: PageKey): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKey(index[mid]!, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareKey(a: PageKey, b: PageKey): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  return a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;
}
