import { ok, type Result } from '../../lib/result.js';
import type { StoreEvent } from '../store-connector.js';
import { SELLABLE_TYPES } from './magento2-catalog.js';
import type { MagentoContext } from './magento2.context.js';
import type { Version } from './magento2-events.poller.js';
import { fromMagentoTime, MAX_PAGE_SIZE, toMagentoTime, type SearchFilter } from './magento2-search.js';
import type { MagentoProduct, MagentoSourceItem } from './magento2.types.js';

const BATCH = 50;
/** Same overlap as orders and shipments (magento2-events.poller.ts). */
const OVERLAP_MS = 120_000;

type StockStream = Result<{ versions: Version[]; cursor: string }>;

const stockEvent = (i: MagentoSourceItem, occurredAt: string): StoreEvent => ({
  kind: 'stock',
  productRef: i.sku,
  sku: i.sku,
  available: Number(i.status) === 0 ? 0 : Math.max(0, Math.floor(Number(i.quantity))),
  occurredAt,
});

const sourceGroup = (ctx: MagentoContext): SearchFilter[] => [{ field: 'source_code', value: ctx.settings.sourceCode }];

/**
 * Products updated since `from` (an admin save of the quantity, a stock write) → their quantity in
 * the configured source. A product version already reported (same `updated_at`) is not read again.
 */
export async function changedStock(ctx: MagentoContext, from: string, seen: ReadonlySet<string>): Promise<StockStream> {
  const since = toMagentoTime(new Date(Date.parse(from) - OVERLAP_MS).toISOString());
  const res = await ctx.client.searchAll<MagentoProduct & { updated_at?: string }>(
    'productsSearch',
    {
      groups: [
        [{ field: 'updated_at', value: since, conditionType: 'gteq' }],
        [{ field: 'type_id', value: SELLABLE_TYPES.join(','), conditionType: 'in' }],
      ],
      sort: [{ field: 'updated_at', direction: 'ASC' }],
      pageSize: MAX_PAGE_SIZE,
    },
    20,
  );
  if (!res.ok) return res;
  let cursor = from;
  const changed = new Map<string, string>();
  for (const p of res.value) {
    const at = fromMagentoTime(p.updated_at) ?? from;
    if (Date.parse(at) > Date.parse(cursor)) cursor = at;
    if (!seen.has(`stock:${p.sku}@${at}`)) changed.set(p.sku, at);
  }
  const versions: Version[] = [];
  const skus = [...changed.keys()];
  for (let i = 0; i < skus.length; i += BATCH) {
    const chunk = skus.slice(i, i + BATCH);
    const items = await ctx.client.searchAll<MagentoSourceItem>('sourceItemsSearch', {
      groups: [chunk.map((value) => ({ field: 'sku', value })), sourceGroup(ctx)],
      pageSize: MAX_PAGE_SIZE,
    });
    if (!items.ok) return items;
    for (const item of items.value) {
      const at = changed.get(item.sku);
      if (at !== undefined) versions.push({ ref: `stock:${item.sku}`, at, event: stockEvent(item, at) });
    }
  }
  return ok({ versions, cursor });
}

/**
 * The reconciliation: every source item of the configured source (300 a page). The changed products
 * are read first so the product cursor moves on (their versions are remembered, not reported twice).
 */
export async function sourceStock(ctx: MagentoContext, nowIso: string, from: string): Promise<StockStream> {
  const changed = await changedStock(ctx, from, new Set());
  if (!changed.ok) return changed;
  const res = await ctx.client.searchAll<MagentoSourceItem>(
    'sourceItemsSearch',
    { groups: [sourceGroup(ctx)], pageSize: MAX_PAGE_SIZE },
    200,
  );
  if (!res.ok) return res;
  const remembered = changed.value.versions.map((v) => ({ ...v, event: null }));
  const all = res.value.map((i) => ({ ref: `stock-all:${i.sku}`, at: nowIso, event: stockEvent(i, nowIso) }));
  return ok({ versions: [...remembered, ...all], cursor: changed.value.cursor });
}
