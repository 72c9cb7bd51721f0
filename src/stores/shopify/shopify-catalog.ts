import { err, ok, type Result } from '../../lib/result.js';
import type { StoreProduct } from '../store-connector.js';
import type { ShopifyContext } from './shopify.context.js';
import { invalid } from './shopify.errors.js';
import { orQuery, quoteSearch } from './shopify-search.js';
import type { ShopifyVariant } from './shopify.types.js';

const BATCH = 25;
const MAX_PAGES = 10;

interface VariantPage {
  nodes: ShopifyVariant[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
/** Variants per search: 100 keeps the query under Shopify’s 1000-point single-query limit. */
const PAGE = 100;

export const variantGid = (ref: string): string | null => {
  const v = ref.trim();
  if (/^\d+$/.test(v)) return `gid://shopify/ProductVariant/${v}`;
  return /^gid:\/\/shopify\/ProductVariant\/\d+$/.test(v) ? v : null;
};

/** Sellable quantity at the location; null when Shopify does not track the variant's stock. */
export function availableOf(v: ShopifyVariant): number | null {
  if (!v.inventoryItem.tracked) return null;
  return v.inventoryItem.inventoryLevel?.quantities.find((q) => q.name === 'available')?.quantity ?? 0;
}

export function toStoreProduct(v: ShopifyVariant): StoreProduct {
  const title = v.title && v.title !== 'Default Title' ? `${v.product.title} – ${v.title}` : v.product.title;
  return { ref: v.id, sku: v.sku || null, name: title, available: availableOf(v) };
}

type Lookup = { field: 'sku' | 'barcode' } | { field: 'metafield'; namespace: string; key: string };

/** sku; ean/gtin/barcode → barcode; mpn/metafield → settings.identifierMetafield; `ns.key` → that variant metafield. */
function lookupFor(attribute: string, identifierMetafield: string | undefined): Result<Lookup> {
  const a = attribute.trim().replace(/^(custom|metafield):/, '');
  const lower = a.toLowerCase();
  if (lower === 'sku') return ok({ field: 'sku' });
  if (lower === 'ean' || lower === 'gtin' || lower === 'barcode' || lower === 'upc') return ok({ field: 'barcode' });
  const code = lower === 'mpn' || lower === 'metafield' ? identifierMetafield : a;
  const match = code === undefined ? null : /^([\w-]+)\.([\w-]+)$/.exec(code);
  if (!match) {
    return err(
      invalid(
        'shopify_attribute_invalid',
        `"${attribute}" is no Shopify variant attribute: use sku, barcode (ean/gtin) or a variant metafield "namespace.key" (settings.identifierMetafield for mpn).`,
      ),
    );
  }
  return ok({ field: 'metafield', namespace: match[1] as string, key: match[2] as string });
}

/**
 * Variants whose attribute equals one of `values` exactly (case and spaces count): Shopify's search
 * (`sku:"a" OR sku:"b"`, token-based and a little behind) narrows, the exact value decides.
 */
export async function findProducts(
  ctx: ShopifyContext,
  attribute: string,
  values: readonly string[],
): Promise<Result<Map<string, StoreProduct>>> {
  const lookup = lookupFor(attribute, ctx.settings.identifierMetafield);
  if (!lookup.ok) return lookup;
  const location = await ctx.locationId();
  if (!location.ok) return location;
  const found = new Map<string, StoreProduct>();
  const wanted = [...new Set(values.filter((v) => v.trim() !== ''))];
  const l = lookup.value;
  if (l.field === 'metafield') return byMetafield(ctx, l, wanted, location.value);
  for (let i = 0; i < wanted.length; i += BATCH) {
    const chunk = wanted.slice(i, i + BATCH);
    // A small page keeps the requested cost low (Shopify charges `first` up front); more pages only
    // while token matches crowd out a value still missing.
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res: Result<{ productVariants: VariantPage }> = await ctx.client.request('variantsByQuery', {
        query: orQuery(l.field, chunk),
        first: Math.min(PAGE, chunk.length * 2 + 8),
        after,
        locationId: location.value,
      });
      if (!res.ok) return res;
      for (const v of res.value.productVariants.nodes) {
        const value = v[l.field];
        if (value !== null && chunk.includes(value) && !found.has(value)) found.set(value, toStoreProduct(v));
      }
      const info: VariantPage['pageInfo'] = res.value.productVariants.pageInfo;
      if (!info.hasNextPage || info.endCursor === null || chunk.every((v) => found.has(v))) break;
      after = info.endCursor;
    }
  }
  return ok(found);
}

/**
 * A variant metafield is looked up exactly with productVariantByIdentifier (Shopify's custom ids:
 * the metafield needs an `id`-type definition, whose values are unique), one value per call.
 */
async function byMetafield(
  ctx: ShopifyContext,
  l: { namespace: string; key: string },
  values: readonly string[],
  locationId: string,
): Promise<Result<Map<string, StoreProduct>>> {
  const found = new Map<string, StoreProduct>();
  for (const value of values) {
    const res = await ctx.client.request<{ productVariantByIdentifier: ShopifyVariant | null }>('variantByIdentifier', {
      identifier: { customId: { namespace: l.namespace, key: l.key, value } },
      locationId,
    });
    if (!res.ok) return res;
    const v = res.value.productVariantByIdentifier;
    if (v) found.set(value, toStoreProduct(v));
  }
  return ok(found);
}

/** Variants by GID (or number), in one `nodes` call per 100. */
export async function variantsByRefs(
  ctx: ShopifyContext,
  refs: readonly string[],
): Promise<Result<Map<string, ShopifyVariant>>> {
  const location = await ctx.locationId();
  if (!location.ok) return location;
  const out = new Map<string, ShopifyVariant>();
  const ids = [...new Set(refs.map(variantGid).filter((id): id is string => id !== null))];
  for (let i = 0; i < ids.length; i += 100) {
    const res = await ctx.client.request<{ nodes: (ShopifyVariant | Record<string, never> | null)[] }>(
      'variantsByIds',
      { ids: ids.slice(i, i + 100), locationId: location.value },
    );
    if (!res.ok) return res;
    for (const n of res.value.nodes) if (n && 'id' in n) out.set(n.id, n as ShopifyVariant);
  }
  return ok(out);
}

export async function findProductByRef(ctx: ShopifyContext, ref: string): Promise<Result<StoreProduct | null>> {
  const id = variantGid(ref);
  if (id === null) return ok(null);
  const res = await variantsByRefs(ctx, [id]);
  if (!res.ok) return res;
  const v = res.value.get(id);
  return ok(v ? toStoreProduct(v) : null);
}

/** Variants whose title or SKU contains `query` (Shopify's search, then checked here). */
export async function searchProducts(
  ctx: ShopifyContext,
  query: string,
  limit: number,
): Promise<Result<StoreProduct[]>> {
  const q = query.trim();
  const location = await ctx.locationId();
  if (!location.ok) return location;
  const search = q === '' ? '' : `${quoteSearch(q)} OR sku:${quoteSearch(q)}`;
  const res = await ctx.client.request<{ productVariants: VariantPage }>('variantsByQuery', {
    query: search,
    first: Math.min(PAGE, Math.max(limit * 2, 10)),
    after: null,
    locationId: location.value,
  });
  if (!res.ok) return res;
  const lower = q.toLowerCase();
  const hits = res.value.productVariants.nodes
    .map(toStoreProduct)
    .filter((p) => lower === '' || p.name.toLowerCase().includes(lower) || (p.sku ?? '').toLowerCase().includes(lower));
  return ok(hits.slice(0, limit));
}

export async function readStock(ctx: ShopifyContext, refs: readonly string[]): Promise<Result<Map<string, number>>> {
  const res = await variantsByRefs(ctx, refs);
  if (!res.ok) return res;
  const out = new Map<string, number>();
  for (const ref of refs) {
    const id = variantGid(ref);
    const v = id === null ? undefined : res.value.get(id);
    const available = v ? availableOf(v) : null;
    if (available !== null) out.set(ref, available);
  }
  return ok(out);
}
