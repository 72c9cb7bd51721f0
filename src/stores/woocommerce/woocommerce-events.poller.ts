import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import { orderEvents, stockEvent } from './woocommerce-event.mapper.js';
import type { WooClient } from './woocommerce.client.js';
import { META, gmtToIso, type WooOrder, type WooProduct } from './woocommerce.types.js';

/** First poll (null cursor) looks this far back. */
export const INITIAL_LOOKBACK_MS = 24 * 3_600_000;
/** `modified_after` is exclusive and per second: re-read a few seconds (duplicates are fine downstream). */
export const OVERLAP_MS = 5_000;
const MAX_PAGES = 20;

const cursorSchema = z.strictObject({ orders: z.iso.datetime(), products: z.iso.datetime() });
type Cursor = z.output<typeof cursorSchema>;

function parseCursor(cursor: string | null, nowMs: number): Result<Cursor> {
  if (cursor === null) {
    const start = new Date(nowMs - INITIAL_LOOKBACK_MS).toISOString();
    return ok({ orders: start, products: start });
  }
  try {
    return ok(cursorSchema.parse(JSON.parse(cursor)));
  } catch {
    return err(
      new AppError('woocommerce_invalid_cursor', 'The WooCommerce event cursor is not valid.', {
        kind: 'invalid',
        retryable: false,
      }),
    );
  }
}

const since = (iso: string): string => new Date(Date.parse(iso) - OVERLAP_MS).toISOString().slice(0, 19);
const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * Orders modified since the cursor (orderby=modified asc, GMT) → shipment/cancellation events;
 * products modified since the cursor (+ their variations) → stock events. The cursor is
 * `{"orders": iso, "products": iso}`: the latest `date_modified_gmt` seen in each stream.
 */
export async function pollEvents(
  client: WooClient,
  cursor: string | null,
  nowMs: number,
): Promise<Result<StoreEventPage>> {
  const parsed = parseCursor(cursor, nowMs);
  if (!parsed.ok) return parsed;
  const orders = await orderEventsSince(client, parsed.value.orders);
  if (!orders.ok) return orders;
  const stock = await stockEventsSince(client, parsed.value.products);
  if (!stock.ok) return stock;
  const next: Cursor = { orders: orders.value.cursor, products: stock.value.cursor };
  return ok({ events: [...orders.value.events, ...stock.value.events], cursor: JSON.stringify(next) });
}

type Stream = Result<{ events: StoreEvent[]; cursor: string }>;
const COMMON = { dates_are_gmt: true, orderby: 'modified', order: 'asc' };

async function orderEventsSince(client: WooClient, from: string): Promise<Stream> {
  const params = { ...COMMON, modified_after: since(from), include_meta: `${META.orderId},${META.tracking}` };
  const orders = await client.getAll<WooOrder>('/wc/v3/orders', params, MAX_PAGES);
  if (!orders.ok) return orders;
  let cursor = from;
  const events: StoreEvent[] = [];
  for (const o of orders.value) {
    events.push(...orderEvents(o));
    cursor = later(cursor, gmtToIso(o.date_modified_gmt));
  }
  return ok({ events, cursor });
}

/** Saving a variation also saves its parent, so modified variable products lead to their variations. */
async function stockEventsSince(client: WooClient, from: string): Promise<Stream> {
  const params = { ...COMMON, modified_after: since(from) };
  const products = await client.getAll<WooProduct>('/wc/v3/products', params, MAX_PAGES);
  if (!products.ok) return products;
  let cursor = from;
  const events: StoreEvent[] = [];
  for (const p of products.value) {
    cursor = later(cursor, gmtToIso(p.date_modified_gmt));
    if (p.type !== 'variable') {
      const e = stockEvent(p);
      if (e) events.push(e);
      continue;
    }
    const variations = await client.getAll<WooProduct>(`/wc/v3/products/${p.id}/variations`, params, MAX_PAGES);
    if (!variations.ok) return variations;
    for (const v of variations.value) {
      const e = stockEvent({ ...v, type: 'variation' }, p.id);
      if (e) events.push(e);
    }
  }
  return ok({ events, cursor });
}
