import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import type { VendureClient } from './vendure.client.js';
import { orderEvents } from './vendure-event.mapper.js';
import { stockEventsSince } from './vendure-stock.events.js';
import { Q } from './vendure.queries.js';
import type { VendurePolledOrder } from './vendure.types.js';

const PAGE = 100;
const MAX_PAGES = 20;
/** Re-read this much before the cursor: orders saved in the same instant are not missed (events de-duplicate). */
const OVERLAP_MS = 2_000;
/** The first poll (no cursor) reports stock of variants changed this far back. */
export const INITIAL_STOCK_LOOKBACK_MS = 24 * 3_600_000;

/** `updatedAfter`: orders (absent = none seen yet); `variantsAfter`: variants (absent in cursors of older versions). */
interface Cursor {
  v: 1;
  updatedAfter?: string;
  variantsAfter?: string;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));
const optionalDate = (v: unknown): boolean => v === undefined || isDate(v);

function readCursor(cursor: string | null): Result<Cursor | null> {
  if (cursor === null) return ok(null);
  try {
    const parsed = JSON.parse(cursor) as Partial<Cursor>;
    if (parsed.v === 1 && optionalDate(parsed.updatedAfter) && optionalDate(parsed.variantsAfter)) {
      return ok({
        v: 1,
        ...(parsed.updatedAfter !== undefined && { updatedAfter: parsed.updatedAfter }),
        ...(parsed.variantsAfter !== undefined && { variantsAfter: parsed.variantsAfter }),
      });
    }
  } catch {
    // falls through
  }
  return err(
    new AppError('vendure_cursor_invalid', 'The Vendure poll cursor is not valid.', {
      kind: 'invalid',
      retryable: false,
    }),
  );
}

const minus = (iso: string, ms: number): string => new Date(Date.parse(iso) - ms).toISOString();

/**
 * Orders carrying an orderBridgeOrderId, updated since the cursor (ascending updatedAt, with a
 * small overlap), mapped to shipment/cancellation events. Fulfilment state changes move the
 * order's state (Shipped, PartiallyShipped, Delivered …), which saves the order and bumps
 * updatedAt; the plugin's webhooks cover the rest in real time.
 */
async function orderEventsSince(
  client: VendureClient,
  updatedAfter: string | undefined,
): Promise<Result<{ events: StoreEvent[]; latest: string | undefined }>> {
  const filter: Record<string, unknown> = { orderBridgeOrderId: { isNull: false } };
  if (updatedAfter !== undefined) filter.updatedAt = { after: minus(updatedAfter, OVERLAP_MS) };
  const events: StoreEvent[] = [];
  let latest = updatedAfter;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.request<{ orders: { items: VendurePolledOrder[]; totalItems: number } }>(
      'orders',
      Q.pollOrders,
      { filter, skip: page * PAGE, take: PAGE },
    );
    if (!res.ok) return res;
    const items = res.value.orders.items;
    for (const order of items) {
      events.push(...orderEvents(order));
      const at = new Date(order.updatedAt).toISOString();
      if (latest === undefined || at > latest) latest = at;
    }
    if (items.length < PAGE) break;
  }
  return ok({ events, latest });
}

/**
 * Shipment/cancellation events of OrderBridge's orders and stock events of variants updated since
 * the cursor (vendure-stock.events.ts). Cursor `{"v":1,"updatedAfter"?: ISO,"variantsAfter"?: ISO}`.
 */
export async function pollEvents(
  client: VendureClient,
  cursor: string | null,
  nowMs: number,
): Promise<Result<StoreEventPage>> {
  const parsed = readCursor(cursor);
  if (!parsed.ok) return parsed;
  const orders = await orderEventsSince(client, parsed.value?.updatedAfter);
  if (!orders.ok) return orders;
  const variantsFrom =
    parsed.value === null
      ? new Date(nowMs - INITIAL_STOCK_LOOKBACK_MS).toISOString()
      : (parsed.value.variantsAfter ?? parsed.value.updatedAfter ?? new Date(nowMs).toISOString());
  const stock = await stockEventsSince(client, minus(variantsFrom, OVERLAP_MS));
  if (!stock.ok) return stock;
  const next: Cursor = {
    v: 1,
    ...(orders.value.latest !== undefined && { updatedAfter: orders.value.latest }),
    variantsAfter: stock.value.latest > variantsFrom ? stock.value.latest : variantsFrom,
  };
  return ok({ events: [...orders.value.events, ...stock.value.events], cursor: JSON.stringify(next) });
}
