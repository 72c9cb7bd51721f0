import { ok, type Result } from '../../lib/result.js';
import type { StoreEvent } from '../store-connector.js';
import { salableQuantity, SELLABLE_TYPES } from './magento2-catalog.js';
import type { MagentoContext } from './magento2.context.js';
import type { Version } from './magento2-events.poller.js';
import { fromMagentoTime, MAX_PAGE_SIZE, toMagentoTime, type SearchFilter } from './magento2-search.js';
import type { MagentoProduct, MagentoSourceItem } from './magento2.types.js';

/** Salable quantities read at once (one request per SKU: Magento has no bulk read in Open Source). */
const PARALLEL = 8;
/** Same overlap as orders and shipments (magento2-events.poller.ts). */
const OVERLAP_MS = 120_000;

type StockStream = Result<{ versions: Version[]; cursor: string }>;

const sourceGroup = (ctx: MagentoContext): SearchFilter[] => [{ field: 'source_code', value: ctx.settings.sourceCode }];

/**
 * The salable quantity of `stockId` per SKU (what Amazon may sell: source quantities minus the
 * reservations of open orders — cart-placed and storefront ones); SKUs Magento cannot tell about are
 * left out.
 */
async function salableVersions(
  ctx: MagentoContext,
  skus: [sku: string, at: string][],
  refPrefix: string,
): Promise<Result<Version[]>> {
  const versions: Version[] = [];
  const catalog = { client: ctx.client, stockId: ctx.settings.stockId };
  for (let i = 0; i < skus.length; i += PARALLEL) {
    const chunk = skus.slice(i, i + PARALLEL);
    const read = await Promise.all(chunk.map(([sku]) => salableQuantity(catalog, sku)));
    for (const [n, res] of read.entries()) {
      if (!res.ok) return res;
      const [sku, at] = chunk[n] as [string, string];
      if (res.value === null) continue;
      const event: StoreEvent = {
        kind: 'stock',
        productRef: sku,
        sku,
        available: Math.max(0, res.value),
        occurredAt: at,
      };
      versions.push({ ref: `${refPrefix}${sku}`, at, event });
    }
  }
  return ok(versions);
}

/**
 * Products updated since `from` (an admin save of the quantity, a stock write) → their salable
 * quantity. A product version already reported (same `updated_at`) is not read again.
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
  const versions = await salableVersions(ctx, [...changed], 'stock:');
  if (!versions.ok) return versions;
  return ok({ versions: versions.value, cursor });
}

/**
 * The reconciliation: the salable quantity of every SKU with a source item in the configured source. The changed products
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
  const all = await salableVersions(
    ctx,
    [...new Set(res.value.map((i) => i.sku))].map((sku) => [sku, nowIso]),
    'stock-all:',
  );
  if (!all.ok) return all;
  return ok({ versions: [...remembered, ...all.value], cursor: changed.value.cursor });
}
