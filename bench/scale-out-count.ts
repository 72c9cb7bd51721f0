// Counts of the scale-out benchmark: pulls and calls from the sandbox's own searchOrders log, orders
// from OrderBridge's orders table (duplicates, lost, lag).
import type { App } from '../src/app/app-context.js';
import type { SearchOrdersCall } from '../src/sandbox/amazon/sandbox-stats.js';
import type { BenchSeller, CreatedOrder } from './support/scale-out-sandbox.js';

/** Every searchOrders call the sandbox logged since position `since`. */
export async function readSearchLog(
  sandboxUrl: string,
  since: number,
): Promise<{ calls: SearchOrdersCall[]; next: number }> {
  const res = await fetch(`${sandboxUrl}/_sandbox/stats/search-orders?since=${since}`);
  if (!res.ok) throw new Error(`sandbox search log: HTTP ${res.status}`);
  return (await res.json()) as { calls: SearchOrdersCall[]; next: number };
}

/** Completed pull reads (a window's last page answered 200) between two wall-clock instants. */
export function pullsBetween(
  calls: readonly SearchOrdersCall[],
  aheadMs: number,
  fromMs: number,
  toMs: number,
): number {
  return calls.filter((c) => c.lastPage && c.atMs - aheadMs >= fromMs && c.atMs - aheadMs < toMs).length;
}

/**
 * searchOrders calls per seller poll, over pulls that read one page: a call for k of a seller's n
 * marketplaces polls k/n of the seller. One call for all of them → 1.0; one call per marketplace
 * (a pull per connection) → the seller's marketplace count.
 */
export function searchOrdersPerSellerPoll(calls: readonly SearchOrdersCall[], sellers: readonly BenchSeller[]): number {
  const marketplaces = new Map(sellers.map((s) => [s.sellerId, new Set(s.marketplaceIds)]));
  let onePageCalls = 0;
  let sellerPolls = 0;
  for (const c of calls) {
    if (!(c.firstPage && c.lastPage)) continue;
    const own = marketplaces.get(c.sellerId);
    if (!own) continue;
    onePageCalls += 1;
    sellerPolls += c.marketplaceIds.filter((id) => own.has(id)).length / own.size;
  }
  return sellerPolls === 0 ? 0 : onePageCalls / sellerPolls;
}

export interface StoredOrder {
  copies: number;
  connectionId: string;
  storedMs: number;
}

/** Orders OrderBridge stored, by Amazon order id (copies > 1 = a duplicate). */
export async function storedOrders(app: App): Promise<Map<string, StoredOrder>> {
  const rows = await app.db.selectFrom('orders').select(['amazon_order_id', 'connection_id', 'imported_at']).execute();
  const byId = new Map<string, StoredOrder>();
  for (const r of rows) {
    const seen = byId.get(r.amazon_order_id);
    const storedMs = Date.parse(r.imported_at);
    if (seen) {
      seen.copies += 1;
      seen.storedMs = Math.min(seen.storedMs, storedMs);
    } else byId.set(r.amazon_order_id, { copies: 1, connectionId: r.connection_id, storedMs });
  }
  return byId;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Seconds from creation in the sandbox to storage in OrderBridge; an order not stored yet counts
 * with its age at `nowMs` (a lower bound), so a slow phase cannot look fast by leaving orders out.
 */
export function lagsSeconds(
  orders: readonly CreatedOrder[],
  stored: Map<string, StoredOrder>,
  nowMs: number,
): number[] {
  return orders.map((o) => ((stored.get(o.orderId)?.storedMs ?? nowMs) - o.createdMs) / 1000);
}
