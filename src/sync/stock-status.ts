import { StockFeedRepository, type StockFeedSummary } from '../db/stock-feed.repository.js';
import { cropSku } from '../domain/sku-crop.js';
import {
  explainStockQuantity,
  productsSharedBySkus,
  type SharedProduct,
  type StockPushStatus,
} from '../domain/stock-explanation.js';
import type { StockLevel } from '../domain/write-back.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { LISTINGS_FEED_TYPE } from './push-stock.js';
import type { StoreSideDeps } from './store-side-deps.js';

export interface SkuStockStatus {
  amazonSku: string;
  productRef: string;
  mfn: boolean;
  storeAvailable: number | null;
  reserved: number;
  /** What a push would send now; null for FBA SKUs and while the store's stock is unknown. */
  quantity: number | null;
  reason: string;
  pushedQuantity: number | null;
  pushedAt: string | null;
  status: StockPushStatus;
  /** Amazon's message when it rejected the quantity. */
  amazonMessage: string | null;
  /** Amazon's feed id when the quantity went out in a feed. */
  amazonFeedId: string | null;
  /** The quantity differs from the last one sent: the next push sends it. */
  changed: boolean;
}

export interface StockStatus {
  connectionId: string;
  stockBuffer: number;
  maxQuantity: number | null;
  skus: SkuStockStatus[];
  sharedProducts: SharedProduct[];
}

const RECENT_FEEDS = 20;
const RECENT_SKUS = 200;
/** A feed's quantities are recorded as pushed right after the feed is stored. */
const FEED_PUSH_WINDOW_MS = 60_000;

/** The feed that carried the SKU's last pushed quantity, if it went out in one. */
function feedOf(level: StockLevel, feeds: readonly StockFeedSummary[]): StockFeedSummary | null {
  if (level.pushedAt === null) return null;
  const pushedAt = Date.parse(level.pushedAt);
  return (
    feeds.find((f) => {
      const gap = pushedAt - Date.parse(f.createdAt);
      return level.amazonSku in f.quantities && gap >= 0 && gap <= FEED_PUSH_WINDOW_MS;
    }) ?? null
  );
}

function pushStatus(
  level: StockLevel,
  feed: StockFeedSummary | null,
): Pick<SkuStockStatus, 'status' | 'amazonMessage'> {
  if (!level.mfn) return { status: 'fba', amazonMessage: null };
  if (level.lastError !== null) return { status: 'rejected', amazonMessage: level.lastError };
  if (level.pushedAt === null) return { status: 'not_sent', amazonMessage: null };
  if (feed?.state === 'submitted') return { status: 'sent', amazonMessage: null };
  if (feed?.state === 'fatal' || feed?.state === 'not_sent') {
    const why = feed.state === 'fatal' ? `processing status ${feed.processingStatus ?? 'FATAL'}` : 'not sent';
    return { status: 'rejected', amazonMessage: `Amazon could not process the stock feed (${why})` };
  }
  return { status: 'accepted', amazonMessage: null };
}

/**
 * The Stock page of a connection: per Amazon SKU what was sent, when, why that number and how
 * Amazon took it; plus the store products several SKUs sell as (each gets the full stock).
 */
export async function stockStatus(deps: StoreSideDeps, accountId: string, ref: string): Promise<Result<StockStatus>> {
  const connection = await deps.connections.findByRef(accountId, ref);
  if (!connection)
    return err(new AppError('connection_not_found', `No connection "${ref}" in this account`, { kind: 'not_found' }));
  const { stockBuffer, maxQuantity, skuCrop } = connection.config;
  const levels = await deps.stock.forConnection(connection.id);
  const reservedBySku = await deps.stock.reservedBySku(connection.id);
  const feeds = await new StockFeedRepository(deps.db).recent(connection.id, LISTINGS_FEED_TYPE, RECENT_FEEDS);
  const skus = levels.map((level): SkuStockStatus => {
    const reserved = reservedBySku.get(level.amazonSku) ?? 0;
    const explained =
      level.mfn && level.storeAvailable !== null
        ? explainStockQuantity({ storeAvailable: level.storeAvailable, reserved, buffer: stockBuffer, maxQuantity })
        : null;
    const feed = feedOf(level, feeds);
    return {
      amazonSku: level.amazonSku,
      productRef: level.productRef,
      mfn: level.mfn,
      storeAvailable: level.storeAvailable,
      reserved,
      quantity: explained?.quantity ?? null,
      reason: level.mfn
        ? (explained?.reason ?? `the store has not reported the stock of product ${level.productRef} yet`)
        : 'fulfilled by Amazon: Amazon counts this stock, OrderBridge does not send it',
      pushedQuantity: level.pushedQuantity,
      pushedAt: level.pushedAt,
      ...pushStatus(level, feed),
      amazonFeedId: feed?.amazonFeedId ?? null,
      changed: explained !== null && explained.quantity !== level.pushedQuantity,
    };
  });
  return ok({
    connectionId: connection.id,
    stockBuffer,
    maxQuantity,
    skus,
    sharedProducts: await sharedProducts(deps, connection.id, skuCrop, levels),
  });
}

/** Recent order SKUs, linked SKUs and tracked MFN SKUs, each with the product it sells as (if known). */
async function sharedProducts(
  deps: StoreSideDeps,
  connectionId: string,
  rules: Parameters<typeof cropSku>[1],
  levels: readonly StockLevel[],
): Promise<SharedProduct[]> {
  const known = new Map<string, string>(levels.map((l) => [l.amazonSku, l.productRef]));
  for (const link of await deps.skuLinks.list(connectionId)) known.set(link.amazonSku, link.productRef);
  const recent = await deps.skuLinks.recentSkus(connectionId, RECENT_SKUS);
  // FBA listings get no stock from OrderBridge: they cannot oversell the store's product.
  const fba = new Set(levels.filter((l) => !l.mfn).map((l) => l.amazonSku));
  const all = [...new Set([...recent, ...known.keys()])].filter((sku) => !fba.has(sku));
  return productsSharedBySkus(
    all.map((sku) => ({ amazonSku: sku, productRef: known.get(sku) ?? null, lookedUpAs: cropSku(sku, rules) })),
  );
}
