import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { invalid } from './magento2.errors.js';
import { cancellationEvent, shipmentEvent } from './magento2-event.mapper.js';
import { orderById } from './magento2-order.lookup.js';
import { fromMagentoTime, MAX_PAGE_SIZE, toMagentoTime } from './magento2-search.js';
import type { MagentoOrder, MagentoShipment, MagentoSourceItem } from './magento2.types.js';

/** First poll (null cursor) looks this far back. */
export const INITIAL_LOOKBACK_MS = 24 * 3_600_000;
/** Every poll re-reads this window before the cursor (second-precision times, late commits); storeRefs de-duplicate. */
export const OVERLAP_MS = 120_000;
/** Source quantities are reconciled at most this often (and on the first poll). */
export const STOCK_RECONCILE_MS = 5 * 60_000;
const MAX_PAGES = 20;

const cursorSchema = z.strictObject({
  orders: z.iso.datetime(),
  shipments: z.iso.datetime(),
  stockReadAt: z.iso.datetime().optional(),
  /** storeRefs already reported whose entity changed inside the overlap window: not reported again. */
  seen: z.array(z.strictObject({ ref: z.string(), at: z.iso.datetime() })).optional(),
});
type Cursor = z.output<typeof cursorSchema>;
interface Timed {
  event: StoreEvent & { storeRef: string };
  at: string;
}
type Stream = Result<{ events: Timed[]; cursor: string }>;

function parseCursor(cursor: string | null, nowMs: number): Result<Cursor> {
  if (cursor === null) {
    const start = new Date(nowMs - INITIAL_LOOKBACK_MS).toISOString();
    return ok({ orders: start, shipments: start });
  }
  try {
    return ok(cursorSchema.parse(JSON.parse(cursor)));
  } catch {
    return err(invalid('magento2_cursor_invalid', 'The Magento event cursor is not valid.'));
  }
}

const since = (iso: string): string => toMagentoTime(new Date(Date.parse(iso) - OVERLAP_MS).toISOString());
const later = (a: string, b: string | null): string => (b !== null && Date.parse(b) > Date.parse(a) ? b : a);

const updatedSince = (from: string) => ({
  groups: [[{ field: 'updated_at', value: since(from), conditionType: 'gteq' as const }]],
  sort: [{ field: 'updated_at', direction: 'ASC' as const }],
  pageSize: MAX_PAGE_SIZE,
});

async function shipmentEvents(
  ctx: MagentoContext,
  from: string,
  orders: Map<number, MagentoOrder | null>,
): Promise<Stream> {
  const res = await ctx.client.searchAll<MagentoShipment>('shipmentsSearch', updatedSince(from), MAX_PAGES);
  if (!res.ok) return res;
  const events: Timed[] = [];
  let cursor = from;
  for (const s of res.value) {
    if (!orders.has(s.order_id)) {
      const order = await orderById(ctx, s.order_id);
      if (!order.ok) return order;
      orders.set(s.order_id, order.value);
    }
    const order = orders.get(s.order_id);
    const event = order ? shipmentEvent(s, order) : null;
    const at = fromMagentoTime(s.updated_at) ?? from;
    if (event?.kind === 'shipment') events.push({ event, at });
    cursor = later(cursor, at);
  }
  return ok({ events, cursor });
}

async function orderEvents(ctx: MagentoContext, from: string): Promise<Stream> {
  const res = await ctx.client.searchAll<MagentoOrder>('ordersSearch', updatedSince(from), MAX_PAGES);
  if (!res.ok) return res;
  const events: Timed[] = [];
  let cursor = from;
  for (const o of res.value) {
    const event = cancellationEvent(o);
    const at = fromMagentoTime(o.updated_at) ?? from;
    if (event?.kind === 'cancellation') events.push({ event, at });
    cursor = later(cursor, at);
  }
  return ok({ events, cursor });
}

/** Every source item of the configured source → a 'stock' event (status 0 = out of stock → 0). */
async function stockEvents(ctx: MagentoContext, nowIso: string): Promise<Result<StoreEvent[]>> {
  const res = await ctx.client.searchAll<MagentoSourceItem>(
    'sourceItemsSearch',
    { groups: [[{ field: 'source_code', value: ctx.settings.sourceCode }]], pageSize: MAX_PAGE_SIZE },
    200,
  );
  if (!res.ok) return res;
  return ok(
    res.value.map((i) => ({
      kind: 'stock' as const,
      productRef: i.sku,
      sku: i.sku,
      available: Number(i.status) === 0 ? 0 : Math.max(0, Math.floor(Number(i.quantity))),
      occurredAt: nowIso,
    })),
  );
}

/**
 * Magento Open Source sends no webhooks: shipments and orders updated since the cursor (minus a
 * 120 s overlap, ascending, every page) → shipment and cancellation events; every 5 minutes the
 * configured source's quantities → stock events. Cursor `{"orders", "shipments", "stockReadAt"}`.
 */
export async function pollEvents(ctx: MagentoContext, cursor: string | null): Promise<Result<StoreEventPage>> {
  const nowMs = ctx.nowMs();
  const parsed = parseCursor(cursor, nowMs);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const orders = new Map<number, MagentoOrder | null>();
  const shipments = await shipmentEvents(ctx, c.shipments, orders);
  if (!shipments.ok) return shipments;
  const cancellations = await orderEvents(ctx, c.orders);
  if (!cancellations.ok) return cancellations;
  const nowIso = new Date(nowMs).toISOString();
  const due = c.stockReadAt === undefined || nowMs - Date.parse(c.stockReadAt) >= STOCK_RECONCILE_MS;
  const stock = due ? await stockEvents(ctx, nowIso) : ok([]);
  if (!stock.ok) return stock;
  const timed = [...shipments.value.events, ...cancellations.value.events];
  const seen = new Set((c.seen ?? []).map((e) => e.ref));
  const fresh = timed.filter((t) => !seen.has(t.event.storeRef)).map((t) => t.event);
  const oldest = Math.min(Date.parse(shipments.value.cursor), Date.parse(cancellations.value.cursor)) - OVERLAP_MS;
  const keep = [...timed.map((t) => ({ ref: t.event.storeRef, at: t.at })), ...(c.seen ?? [])].filter(
    (e, i, all) => Date.parse(e.at) >= oldest && all.findIndex((x) => x.ref === e.ref) === i,
  );
  const next: Cursor = {
    orders: cancellations.value.cursor,
    shipments: shipments.value.cursor,
    stockReadAt: due ? nowIso : c.stockReadAt,
    seen: keep,
  };
  return ok({ events: [...fresh, ...stock.value], cursor: JSON.stringify(next) });
}
