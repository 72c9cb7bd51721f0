import { err, ok, type Result } from '../../lib/result.js';
import type { StoreProduct } from '../store-connector.js';
import type { MagentoClient } from './magento2.client.js';
import { invalid } from './magento2.errors.js';
import { searchParams, type SearchFilter } from './magento2-search.js';
import { customAttribute, type MagentoProduct } from './magento2.types.js';

/** Product types OrderBridge sells: a configurable's simple children have their own SKU. */
export const SELLABLE_TYPES = ['simple', 'virtual'] as const;
const BATCH = 25;

const sellable = (p: MagentoProduct): boolean => SELLABLE_TYPES.includes(p.type_id as 'simple');
const typeGroup: SearchFilter[] = [{ field: 'type_id', value: SELLABLE_TYPES.join(','), conditionType: 'in' }];

export interface CatalogContext {
  client: MagentoClient;
  stockId: number;
}

/** Salable quantity (source quantities in the stock − reservations); null when Magento cannot tell. */
export async function salableQuantity(ctx: CatalogContext, sku: string): Promise<Result<number | null>> {
  const res = await ctx.client.request<number>('salableQuantity', { params: { sku, stockId: ctx.stockId } });
  if (res.ok) return ok(typeof res.value === 'number' ? Math.floor(res.value) : Number(res.value));
  // Stock not managed / SKU not in the stock: Magento answers 4xx; a retryable failure stays one.
  return res.error.retryable ? res : ok(null);
}

async function toStoreProduct(ctx: CatalogContext, p: MagentoProduct): Promise<Result<StoreProduct>> {
  const available = await salableQuantity(ctx, p.sku);
  if (!available.ok) return available;
  return ok({ ref: p.sku, sku: p.sku, name: p.name ?? p.sku, available: available.value });
}

/** `sku`, or a product attribute code (ean, gtin, mpn, `custom:<code>`, …) searched in custom_attributes. */
function fieldFor(attribute: string): Result<string> {
  const a = attribute
    .trim()
    .replace(/^(custom|attribute):/i, '')
    .toLowerCase();
  if (/^[a-z][a-z0-9_]{0,59}$/.test(a)) return ok(a);
  return err(
    invalid(
      'magento2_attribute_invalid',
      `"${attribute}" is no Magento product attribute code: use sku or an attribute code such as ean or gtin.`,
    ),
  );
}

const valueOf = (p: MagentoProduct, field: string): string | null => {
  const v = field === 'sku' ? p.sku : customAttribute(p, field);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
};

/** Sellable products whose attribute equals one of `values` (SKUs compare case-insensitively, as Magento's). */
export async function findProducts(
  ctx: CatalogContext,
  attribute: string,
  values: readonly string[],
): Promise<Result<Map<string, StoreProduct>>> {
  const field = fieldFor(attribute);
  if (!field.ok) return field;
  const wanted = [...new Set(values.filter((v) => v.trim() !== ''))];
  const found = new Map<string, StoreProduct>();
  const norm = (v: string): string => (field.value === 'sku' ? v.toLowerCase() : v);
  for (let i = 0; i < wanted.length; i += BATCH) {
    const chunk = wanted.slice(i, i + BATCH);
    const res = await ctx.client.searchAll<MagentoProduct>('productsSearch', {
      groups: [chunk.map((value) => ({ field: field.value, value, conditionType: 'eq' })), typeGroup],
      pageSize: 100,
    });
    if (!res.ok) return res;
    for (const value of chunk) {
      const hits = res.value.filter((p) => sellable(p) && valueOf(p, field.value) !== null);
      const hit =
        hits.find((p) => valueOf(p, field.value) === value) ??
        hits.find((p) => norm(valueOf(p, field.value) as string) === norm(value));
      if (!hit) continue;
      const product = await toStoreProduct(ctx, hit);
      if (!product.ok) return product;
      found.set(value, product.value);
    }
  }
  return ok(found);
}

export async function productBySku(ctx: CatalogContext, sku: string): Promise<Result<MagentoProduct | null>> {
  const res = await ctx.client.request<MagentoProduct>('productGet', { params: { sku } });
  if (res.ok) return ok(res.value);
  return res.error.code === 'magento2_not_found' ? ok(null) : res;
}

export async function findProductByRef(ctx: CatalogContext, ref: string): Promise<Result<StoreProduct | null>> {
  if (ref.trim() === '') return ok(null);
  const p = await productBySku(ctx, ref);
  if (!p.ok) return p;
  if (p.value === null || !sellable(p.value)) return ok(null);
  return toStoreProduct(ctx, p.value);
}

/** Name or SKU contains `query` (Magento's `like`), sellable types only. */
export async function searchProducts(
  ctx: CatalogContext,
  query: string,
  limit: number,
): Promise<Result<StoreProduct[]>> {
  const like = `%${query.trim()}%`;
  const nameOrSku: SearchFilter[] = [
    { field: 'name', value: like, conditionType: 'like' },
    { field: 'sku', value: like, conditionType: 'like' },
  ];
  const res = await ctx.client.request<{ items?: MagentoProduct[] }>('productsSearch', {
    query: searchParams({ groups: [nameOrSku, typeGroup], pageSize: Math.max(1, Math.min(limit, 50)) }),
  });
  if (!res.ok) return res;
  const out: StoreProduct[] = [];
  for (const p of (res.value?.items ?? []).filter(sellable).slice(0, limit)) {
    const product = await toStoreProduct(ctx, p);
    if (!product.ok) return product;
    out.push(product.value);
  }
  return ok(out);
}
