import { z } from 'zod';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import type { MagentoContext } from './magento2.context.js';
import { invalid } from './magento2.errors.js';
import {
  cancellationEvent,
  cancellationRef,
  needsEarlierShipped,
  shipmentEvent,
  shipmentRef,
} from './magento2-event.mapper.js';
import { orderById } from './magento2-order.lookup.js';
import { fromMagentoTime, MAX_PAGE_SIZE, toMagentoTime } from './magento2-search.js';
import { changedStock, sourceStock } from './magento2-stock.events.js';
import type { MagentoOrder, MagentoShipment } from './magento2.types.js';

/** First poll (null cursor) looks this far back. */
export const INITIAL_LOOKBACK_MS = 24 * 3_600_000;
/** Every poll re-reads this window before the cursor (second-precision times, late commits). */
export const OVERLAP_MS = 120_000;
/** Every source quantity is reconciled at most this often (and on the first poll). */
export const STOCK_RECONCILE_MS = 5 * 60_000;
const MAX_PAGES = 20;
const MAX_SEEN = 2000;

const iso = z.iso.datetime();
const cursorSchema = z.strictObject({
  orders: iso,
  shipments: iso,
  /** Latest product `updated_at` seen (changed stock between reconciliations). */
  stock: iso.optional(),
  stockReadAt: iso.optional(),
  /** What was reported inside the overlap window, with its `updated_at`: not reported again unchanged. */
  seen: z.array(z.strictObject({ ref: z.string(), at: iso })).optional(),
});
type Cursor = z.output<typeof cursorSchema>;

/** One entity version read in a stream: its event (null = nothing to report) and its `updated_at`. */
export interface Version {
  ref: string;
  at: string;
  event: StoreEvent | null;
}
type Stream = Result<{ versions: Version[]; cursor: string }>;

function parseCursor(cursor: string | null, nowMs: number): Result<Cursor> {
  if (cursor === null) {
    const start = new Date(nowMs - INITIAL_LOOKBACK_MS).toISOString();
    return ok({ orders: start, shipments: start, stock: start });
  }
  try {
    return ok(cursorSchema.parse(JSON.parse(cursor)));
  } catch {
    return err(invalid('magento2_cursor_invalid', 'The Magento event cursor is not valid.'));
  }
}

const later = (a: string, b: string | null): string => (b !== null && Date.parse(b) > Date.parse(a) ? b : a);

/** `updated_at gteq (from − overlap)`, oldest first, 300 a page. */
export const updatedSince = (from: string) => ({
  groups: [
    [
      {
        field: 'updated_at',
        value: toMagentoTime(new Date(Date.parse(from) - OVERLAP_MS).toISOString()),
        conditionType: 'gteq' as const,
      },
    ],
  ],
  sort: [{ field: 'updated_at', direction: 'ASC' as const }],
  pageSize: MAX_PAGE_SIZE,
});

/** Shipments changed since `from`; an unchanged one already reported is not read again. */
async function shipmentVersions(ctx: MagentoContext, from: string, seen: Set<string>): Promise<Stream> {
  const res = await ctx.client.searchAll<MagentoShipment>('shipmentsSearch', updatedSince(from), MAX_PAGES);
  if (!res.ok) return res;
  const orders = new Map<number, MagentoOrder | null>();
  const versions: Version[] = [];
  let cursor = from;
  for (const s of res.value) {
    const at = fromMagentoTime(s.updated_at) ?? from;
    cursor = later(cursor, at);
    const ref = shipmentRef(s);
    if (seen.has(`${ref}@${at}`)) {
      versions.push({ ref, at, event: null });
      continue;
    }
    if (!orders.has(s.order_id)) {
      const order = await orderById(ctx, s.order_id);
      if (!order.ok) return order;
      orders.set(s.order_id, order.value);
    }
    const order = orders.get(s.order_id);
    let earlier: Map<number, number> = new Map();
    if (order && needsEarlierShipped(s, order)) {
      const res = await earlierShipped(ctx, s);
      if (!res.ok) return res;
      earlier = res.value;
    }
    versions.push({ ref, at, event: order ? shipmentEvent(s, order, earlier) : null });
  }
  return ok({ versions, cursor });
}

/** Units per order item shipped by the order's shipments before `s` (merged cart items). */
async function earlierShipped(ctx: MagentoContext, s: MagentoShipment): Promise<Result<Map<number, number>>> {
  const res = await ctx.client.searchAll<MagentoShipment>('shipmentsSearch', {
    groups: [[{ field: 'order_id', value: String(s.order_id) }]],
    pageSize: MAX_PAGE_SIZE,
  });
  if (!res.ok) return res;
  const out = new Map<number, number>();
  for (const other of res.value.filter((x) => x.entity_id < s.entity_id)) {
    for (const l of other.items ?? []) out.set(l.order_item_id, (out.get(l.order_item_id) ?? 0) + Number(l.qty));
  }
  return ok(out);
}

async function orderVersions(ctx: MagentoContext, from: string): Promise<Stream> {
  const res = await ctx.client.searchAll<MagentoOrder>('ordersSearch', updatedSince(from), MAX_PAGES);
  if (!res.ok) return res;
  let cursor = from;
  const versions = res.value.map((o) => {
    const at = fromMagentoTime(o.updated_at) ?? from;
    cursor = later(cursor, at);
    return { ref: cancellationRef(o), at, event: cancellationEvent(o) };
  });
  return ok({ versions, cursor });
}

/**
 * Magento Open Source sends no webhooks: shipments and orders updated since the cursor (minus a
 * 120 s overlap, ascending, every page) → shipment and cancellation events; products updated since
 * → their source quantities; every 5 minutes every source quantity. An entity version reported once
 * (same ref, same updated_at) is not reported again from the overlap.
 */
export async function pollEvents(ctx: MagentoContext, cursor: string | null): Promise<Result<StoreEventPage>> {
  const nowMs = ctx.nowMs();
  const parsed = parseCursor(cursor, nowMs);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const seen = new Set((c.seen ?? []).map((e) => `${e.ref}@${e.at}`));
  const shipments = await shipmentVersions(ctx, c.shipments, seen);
  if (!shipments.ok) return shipments;
  const orders = await orderVersions(ctx, c.orders);
  if (!orders.ok) return orders;
  const nowIso = new Date(nowMs).toISOString();
  const stockFrom = c.stock ?? c.orders;
  const due = c.stockReadAt === undefined || nowMs - Date.parse(c.stockReadAt) >= STOCK_RECONCILE_MS;
  const stock = due ? await sourceStock(ctx, nowIso, stockFrom) : await changedStock(ctx, stockFrom, seen);
  if (!stock.ok) return stock;
  const versions = [...shipments.value.versions, ...orders.value.versions, ...stock.value.versions];
  const events = versions
    .filter((v) => v.event !== null && !seen.has(`${v.ref}@${v.at}`))
    .map((v) => v.event as StoreEvent);
  const next: Cursor = {
    orders: orders.value.cursor,
    shipments: shipments.value.cursor,
    stock: stock.value.cursor,
    stockReadAt: due ? nowIso : (c.stockReadAt ?? nowIso),
  };
  next.seen = nextSeen(versions, c, next);
  return ok({ events, cursor: JSON.stringify(next) });
}

/** Versions inside the overlap window of their own stream's cursor, newest first, at most 2000. */
function nextSeen(versions: Version[], c: Cursor, next: Cursor): { ref: string; at: string }[] {
  const windowStart = (ref: string): number => {
    const cursor = ref.startsWith('shipment:') ? next.shipments : ref.startsWith('cancel:') ? next.orders : next.stock;
    return Date.parse(cursor ?? next.orders) - OVERLAP_MS;
  };
  // Cancellation-less orders are cheap to re-read; the full reconciliation's versions are never repeated.
  const kept = versions.filter(
    (v) => !v.ref.startsWith('stock-all:') && (v.event !== null || !v.ref.startsWith('cancel:')),
  );
  const unique = new Map<string, { ref: string; at: string }>();
  for (const v of [...kept, ...(c.seen ?? [])]) {
    const key = `${v.ref}@${v.at}`;
    if (Date.parse(v.at) >= windowStart(v.ref) && !unique.has(key)) unique.set(key, { ref: v.ref, at: v.at });
  }
  return [...unique.values()].slice(0, MAX_SEEN);
}
