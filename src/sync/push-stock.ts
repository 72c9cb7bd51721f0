import { amazonQuantity, shouldPush } from '../domain/stock-quantity.js';
import { newId } from '../lib/ids.js';
import { ok, type Result } from '../lib/result.js';
import { enqueueFeedPoll, type StoreSideDeps } from './store-side-deps.js';

/** Up to this many changed SKUs go out as single patchListingsItem calls; more become one feed. */
export const PATCH_LIMIT = 10;
export const LISTINGS_FEED_TYPE = 'JSON_LISTINGS_FEED';

export interface StockPushSummary {
  changed: number;
  patched: number;
  feedId: string | null;
}

/** Store quantity per SKU, read from the store for SKUs whose quantity OrderBridge has not seen yet. */
async function refreshUnknown(deps: StoreSideDeps, storeId: string, connectionId: string): Promise<Result<void>> {
  const levels = await deps.stock.forConnection(connectionId);
  const refs = [...new Set(levels.filter((l) => l.storeAvailable === null).map((l) => l.productRef))];
  if (refs.length === 0) return ok(undefined);
  const connector = await deps.connectorFor(storeId);
  if (!connector.ok) return connector;
  const read = await connector.value.readStock(refs);
  if (!read.ok) return read;
  for (const [ref, available] of read.value)
    await deps.stock.setStoreAvailable([connectionId], ref, available, deps.clock.nowIso());
  return ok(undefined);
}

/**
 * Pushes MFN stock to Amazon (PRODUCT.md §7): quantity = store available − reservations − buffer,
 * capped at the max; only SKUs whose quantity changed since the last push; a few SKUs one by one
 * (patchListingsItem), many in one JSON_LISTINGS_FEED. The quantity is state, not a delta, so a
 * retried push sends the same number.
 */
export async function pushStock(deps: StoreSideDeps, connectionId: string): Promise<Result<StockPushSummary>> {
  const none = { changed: 0, patched: 0, feedId: null };
  const connection = await deps.connections.findById(connectionId);
  if (!connection?.config.active || !connection.storeId) return ok(none);
  const refreshed = await refreshUnknown(deps, connection.storeId, connectionId);
  if (!refreshed.ok) return refreshed;
  const reserved = await deps.stock.reservedBySku(connectionId);
  const { stockBuffer, maxQuantity } = connection.config;
  const changed = new Map<string, number>();
  for (const level of await deps.stock.forConnection(connectionId)) {
    if (!level.mfn || level.storeAvailable === null) continue;
    const desired = amazonQuantity({
      storeAvailable: level.storeAvailable,
      reserved: reserved.get(level.amazonSku) ?? 0,
      buffer: stockBuffer,
      maxQuantity,
    });
    if (shouldPush(desired, level.pushedQuantity)) changed.set(level.amazonSku, desired);
  }
  if (changed.size === 0) return ok(none);
  const amazon = await deps.amazonFor(connectionId);
  if (changed.size > PATCH_LIMIT) return submitStockFeed(deps, connectionId, changed);
  let patched = 0;
  for (const [sku, quantity] of changed) {
    const sent = await amazon.patchListingQuantity(sku, quantity);
    if (sent.ok) {
      await deps.stock.markPushed(connectionId, new Map([[sku, quantity]]), deps.clock.nowIso());
      patched += 1;
    } else if (sent.error.retryable) return sent;
    else await deps.stock.markError(connectionId, [sku], sent.error.message, deps.clock.nowIso());
  }
  return ok({ changed: changed.size, patched, feedId: null });
}

async function submitStockFeed(
  deps: StoreSideDeps,
  connectionId: string,
  quantities: Map<string, number>,
): Promise<Result<StockPushSummary>> {
  const connection = await deps.connections.findById(connectionId);
  const amazon = await deps.amazonFor(connectionId);
  const feed = amazon.buildListingsFeed(connection?.sellerId ?? '', quantities);
  if (!feed.ok) return feed;
  const built = feed.value;
  const feedId = newId();
  const now = deps.clock.nowIso();
  const meta = { messageIds: built.messageIds, quantities: Object.fromEntries(quantities) };
  await deps.cancellations.insertFeed(
    deps.db,
    { id: feedId, connectionId, feedType: LISTINGS_FEED_TYPE, document: built.content },
    now,
  );
  await deps.cancellations.updateFeed(deps.db, feedId, { report: meta }, now);
  const submitted = await amazon.submitFeed(LISTINGS_FEED_TYPE, built.content, built.contentType);
  if (!submitted.ok) {
    await deps.cancellations.updateFeed(deps.db, feedId, { state: 'not_sent' }, deps.clock.nowIso());
    return submitted;
  }
  // Recorded as pushed now, so a push while the feed is processing does not send the same numbers again.
  await deps.stock.markPushed(connectionId, quantities, deps.clock.nowIso());
  await deps.db.transaction().execute(async (trx) => {
    await deps.cancellations.updateFeed(
      trx,
      feedId,
      { amazonFeedId: submitted.value, state: 'submitted' },
      deps.clock.nowIso(),
    );
    await enqueueFeedPoll(deps, feedId, trx);
  });
  return ok({ changed: quantities.size, patched: 0, feedId: submitted.value });
}
