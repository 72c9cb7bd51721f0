import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import type { ShopifyContext } from './shopify.context.js';
import { invalid } from './shopify.errors.js';
import { ORDER_ID_ATTRIBUTE, orderEvents } from './shopify-event.mapper.js';
import { sinceQuery } from './shopify-search.js';
import type { ShopifyChangedOrder, ShopifyPolledOrder } from './shopify.types.js';

/** First poll (null cursor) looks this far back. */
export const INITIAL_LOOKBACK_MS = 24 * 3_600_000;
/**
 * Shopify's search index lags behind writes (seconds, sometimes more): every poll re-reads this
 * window before the cursor; events de-duplicate by storeRef downstream.
 */
export const OVERLAP_MS = 5 * 60_000;
const MAX_PAGES = 20;
/**
 * Stock is reconciled at most this often: listing a location's levels costs query points for every
 * level Shopify returns (its `updated_at` filter is a hint), and `inventory_levels/update` webhooks
 * bring stock changes at once. Orders are read on every poll.
 */
export const STOCK_RECONCILE_MS = 5 * 60_000;

const cursorSchema = z.strictObject({
  orders: z.iso.datetime(),
  stock: z.iso.datetime(),
  stockReadAt: z.iso.datetime().optional(),
});
type Cursor = z.output<typeof cursorSchema>;

function parseCursor(cursor: string | null, nowMs: number): Result<Cursor> {
  if (cursor === null) {
    const start = new Date(nowMs - INITIAL_LOOKBACK_MS).toISOString();
    return ok({ orders: start, stock: start });
  }
  try {
    return ok(cursorSchema.parse(JSON.parse(cursor)));
  } catch {
    return err(invalid('shopify_cursor_invalid', 'The Shopify event cursor is not valid.'));
  }
}

const since = (iso: string): string => new Date(Date.parse(iso) - OVERLAP_MS).toISOString();
const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? new Date(b).toISOString() : a);

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

type Stream = Result<{ events: StoreEvent[]; cursor: string }>;

/** Worth reading in detail: OrderBridge's order with a shipped fulfilment or cancelled. */
const hasEvents = (o: ShopifyChangedOrder): boolean =>
  o.customAttributes.some((a) => a.key === ORDER_ID_ATTRIBUTE && a.value) &&
  (o.cancelledAt !== null || o.fulfillments.some((f) => f.status.toUpperCase() === 'SUCCESS'));

async function orderEventsSince(ctx: ShopifyContext, from: string): Promise<Stream> {
  const events: StoreEvent[] = [];
  let cursor = from;
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res: Result<{ orders: Page<ShopifyChangedOrder> }> = await ctx.client.request('ordersUpdatedSince', {
      query: sinceQuery('updated_at', since(from)),
      after,
    });
    if (!res.ok) return res;
    for (const o of res.value.orders.nodes) {
      if (hasEvents(o)) {
        const detail = await ctx.client.request<{ order: ShopifyPolledOrder | null }>('orderEvents', { id: o.id });
        if (!detail.ok) return detail;
        if (detail.value.order) events.push(...orderEvents(detail.value.order));
      }
      cursor = later(cursor, o.updatedAt);
    }
    const info: PageInfo = res.value.orders.pageInfo;
    if (!info.hasNextPage || info.endCursor === null) break;
    after = info.endCursor;
  }
  return ok({ events, cursor });
}

interface LevelNode {
  updatedAt: string;
  quantities: { name: string; quantity: number }[];
  item: { id: string; tracked: boolean; variant: { id: string; sku: string | null } | null } | null;
}

/** Stock levels at the location changed since `from` (filtered here too: the query is only a hint). */
async function stockEventsSince(ctx: ShopifyContext, from: string): Promise<Stream> {
  const location = await ctx.locationId();
  if (!location.ok) return location;
  const events: StoreEvent[] = [];
  let cursor = from;
  let after: string | null = null;
  const threshold = Date.parse(since(from));
  for (let page = 0; page < MAX_PAGES; page++) {
    const res: Result<{ location: { inventoryLevels: Page<LevelNode> } | null }> = await ctx.client.request(
      'inventoryLevelsSince',
      { locationId: location.value, query: sinceQuery('updated_at', since(from)), after },
    );
    if (!res.ok) return res;
    const levels: Page<LevelNode> | undefined = res.value.location?.inventoryLevels;
    for (const l of levels?.nodes ?? []) {
      const variant = l.item?.variant;
      const available = l.quantities.find((q) => q.name === 'available')?.quantity;
      if (!variant || !l.item?.tracked || available === undefined || Date.parse(l.updatedAt) < threshold) continue;
      const occurredAt = new Date(l.updatedAt).toISOString();
      events.push({ kind: 'stock', productRef: variant.id, sku: variant.sku || null, available, occurredAt });
      cursor = later(cursor, occurredAt);
    }
    if (!levels?.pageInfo.hasNextPage || levels.pageInfo.endCursor === null) break;
    after = levels.pageInfo.endCursor;
  }
  return ok({ events, cursor });
}

/**
 * The reconciliation poll: orders updated since the cursor (UPDATED_AT, with an overlap window for
 * the search index lag) → shipment/cancellation events; stock levels at the location updated
 * since → stock events. Webhooks bring the same events sooner. Cursor `{"orders": iso, "stock": iso}`.
 */
export async function pollEvents(
  ctx: ShopifyContext,
  cursor: string | null,
  nowMs: number,
): Promise<Result<StoreEventPage>> {
  const parsed = parseCursor(cursor, nowMs);
  if (!parsed.ok) return parsed;
  const orders = await orderEventsSince(ctx, parsed.value.orders);
  if (!orders.ok) return orders;
  const c = parsed.value;
  const due = c.stockReadAt === undefined || nowMs - Date.parse(c.stockReadAt) >= STOCK_RECONCILE_MS;
  let stock: Stream = ok({ events: [], cursor: c.stock });
  if (due) stock = await stockEventsSince(ctx, c.stock);
  // A shop (or API version) that cannot list levels by location still gets its orders' events;
  // stock then arrives by the inventory_levels/update webhook only.
  if (!stock.ok && stock.error.code === 'shopify_graphql_error') stock = ok({ events: [], cursor: c.stock });
  if (!stock.ok) return stock;
  const next: Cursor = {
    orders: orders.value.cursor,
    stock: stock.value.cursor,
    stockReadAt: due || c.stockReadAt === undefined ? new Date(nowMs).toISOString() : c.stockReadAt,
  };
  return ok({ events: [...orders.value.events, ...stock.value.events], cursor: JSON.stringify(next) });
}
