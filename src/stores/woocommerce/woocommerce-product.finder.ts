import { ok, type Result } from '../../lib/result.js';
import type { StoreProduct } from '../store-connector.js';
import type { CatalogIndex } from './woocommerce-catalog.index.js';
import { identifierValues, parseRef, toStoreProduct } from './woocommerce-product.mapper.js';
import type { WooClient } from './woocommerce.client.js';
import type { WooProduct } from './woocommerce.types.js';

const CHUNK = 40;

/** 'custom:_gtin' and '_gtin' mean the same custom code; built-ins are case-insensitive. */
export function normaliseAttribute(attribute: string): string {
  const lower = attribute.toLowerCase();
  if (['sku', 'ean', 'gtin', 'mpn'].includes(lower)) return lower;
  return attribute.replace(/^custom:/, '');
}

function chunks(values: readonly string[]): string[][] {
  const out: string[][] = [];
  // A SKU containing a comma cannot ride in the comma list: WooCommerce also tries the raw
  // parameter as one SKU, so it goes alone.
  for (const v of values.filter((x) => x.includes(','))) out.push([v]);
  const plain = values.filter((x) => !x.includes(','));
  for (let i = 0; i < plain.length; i += CHUNK) out.push(plain.slice(i, i + CHUNK));
  return out;
}

/** One server-side filter (`sku` includes variations; `global_unique_id` parents only), exact match. */
async function viaFilter(
  client: WooClient,
  param: 'sku' | 'global_unique_id',
  values: readonly string[],
  found: Map<string, StoreProduct>,
): Promise<Result<void>> {
  for (const chunk of chunks(values)) {
    const res = await client.getAll<WooProduct>('/wc/v3/products', {
      [param]: chunk.join(','),
      orderby: 'id',
      order: 'asc',
    });
    if (!res.ok) return res;
    for (const p of res.value) {
      const value = param === 'sku' ? p.sku : (p.global_unique_id ?? '');
      if (chunk.includes(value) && !found.has(value)) found.set(value, toStoreProduct(p));
    }
  }
  return ok(undefined);
}

/**
 * sku → `GET /products?sku=a,b` (chunked); gtin/ean → `?global_unique_id=`, then the catalogue
 * index for what is left (variations' GTINs, GTIN plugins' meta); mpn and custom codes → the index.
 */
export async function findProducts(
  client: WooClient,
  index: CatalogIndex,
  attribute: string,
  values: readonly string[],
): Promise<Result<Map<string, StoreProduct>>> {
  const attr = normaliseAttribute(attribute);
  const wanted = [...new Set(values.filter((v) => v.trim() !== ''))];
  const found = new Map<string, StoreProduct>();
  if (wanted.length === 0) return ok(found);
  if (attr === 'sku' || attr === 'gtin' || attr === 'ean') {
    const res = await viaFilter(client, attr === 'sku' ? 'sku' : 'global_unique_id', wanted, found);
    if (!res.ok) return res;
    if (attr === 'sku') return ok(found);
  }
  const left = new Set(wanted.filter((v) => !found.has(v)));
  if (left.size === 0) return ok(found);
  const catalog = await index.products();
  if (!catalog.ok) return catalog;
  // Variations first: a variable product lists all its variations' attribute values ("Size: S, M, L").
  const rows = [...catalog.value].sort((a, b) => Number(b.parentId !== undefined) - Number(a.parentId !== undefined));
  for (const { product, parentId } of rows) {
    for (const value of identifierValues(product, attr)) {
      if (left.has(value) && !found.has(value)) found.set(value, toStoreProduct(product, parentId));
    }
  }
  return ok(found);
}

/**
 * A ref is `"<productId>"` or `"<parentId>:<variationId>"` (woocommerce-product.mapper.ts); anything
 * else (a SKU, a name) is no WooCommerce product id, so it is not asked for.
 */
export async function findProductByRef(client: WooClient, ref: string): Promise<Result<StoreProduct | null>> {
  const parsed = parseRef(ref.trim());
  if (parsed === null) return ok(null);
  const path =
    parsed.variationId > 0
      ? `/wc/v3/products/${parsed.productId}/variations/${parsed.variationId}`
      : `/wc/v3/products/${parsed.productId}`;
  const res = await client.get<WooProduct>(path);
  if (!res.ok) return res.error.code === 'woocommerce_not_found' ? ok(null) : res;
  const p = res.value.data;
  return ok(parsed.variationId > 0 ? toStoreProduct({ ...p, type: 'variation' }, parsed.productId) : toStoreProduct(p));
}

/**
 * Name search (`search`, parents) plus SKU search (`search_sku`, variations too). Rows are kept only
 * when their name or SKU really contains the query: a store that ignores `search_sku` lists everything.
 */
export async function searchProducts(client: WooClient, query: string, limit: number): Promise<Result<StoreProduct[]>> {
  const q = query.trim().toLowerCase();
  const found = new Map<string, StoreProduct>();
  for (const param of ['search_sku', 'search'] as const) {
    const res = await client.get<WooProduct[]>('/wc/v3/products', {
      [param]: query.trim(),
      per_page: Math.min(limit, 100),
      orderby: 'title',
      order: 'asc',
    });
    if (!res.ok) return res;
    for (const p of res.value.data) {
      const product = toStoreProduct(p);
      if (!p.name.toLowerCase().includes(q) && !p.sku.toLowerCase().includes(q)) continue;
      if (!found.has(product.ref)) found.set(product.ref, product);
    }
  }
  return ok([...found.values()].slice(0, limit));
}
