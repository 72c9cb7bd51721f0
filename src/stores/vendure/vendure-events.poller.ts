import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import type { VendureClient } from './vendure.client.js';
import { orderEvents } from './vendure-event.mapper.js';
import { Q } from './vendure.queries.js';
import type { VendurePolledOrder } from './vendure.types.js';

const PAGE = 100;
const MAX_PAGES = 20;
/** Re-read this much before the cursor: orders saved in the same instant are not missed (events de-duplicate). */
const OVERLAP_MS = 2_000;

interface Cursor {
  v: 1;
  updatedAfter: string;
}

function readCursor(cursor: string | null): Result<Cursor | null> {
  if (cursor === null) return ok(null);
  try {
    const parsed = JSON.parse(cursor) as Partial<Cursor>;
    if (parsed.v === 1 && typeof parsed.updatedAfter === 'string' && Number.isFinite(Date.parse(parsed.updatedAfter))) {
      return ok({ v: 1, updatedAfter: parsed.updatedAfter });
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

/**
 * Orders carrying an orderBridgeOrderId, updated since the cursor (ascending updatedAt, with a
 * small overlap), mapped to shipment/cancellation events. Fulfilment state changes move the
 * order's state (Shipped, PartiallyShipped, Delivered …), which saves the order and bumps
 * updatedAt; the plugin's webhooks cover the rest in real time.
 */
export async function pollEvents(client: VendureClient, cursor: string | null): Promise<Result<StoreEventPage>> {
  const parsed = readCursor(cursor);
  if (!parsed.ok) return parsed;
  const filter: Record<string, unknown> = { orderBridgeOrderId: { isNull: false } };
  if (parsed.value !== null) {
    const after = new Date(Date.parse(parsed.value.updatedAfter) - OVERLAP_MS).toISOString();
    filter.updatedAt = { after };
  }
  const events: StoreEvent[] = [];
  let latest = parsed.value?.updatedAfter ?? null;
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
      if (latest === null || at > latest) latest = at;
    }
    if (items.length < PAGE) break;
  }
  return ok({ events, cursor: latest === null ? cursor : JSON.stringify({ v: 1, updatedAfter: latest }) });
}
