import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreProduct } from '../store-connector.js';
import type { VendureClient } from './vendure.client.js';
import { Q } from './vendure.queries.js';
import type { VendureVariant } from './vendure.types.js';

const CHUNK = 100;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Σ (stockOnHand − stockAllocated) over the variant's locations; null when stock is not tracked. */
export function saleable(v: VendureVariant): number | null {
  if (v.trackInventory === 'FALSE') return null;
  return v.stockLevels.reduce((s, l) => s + l.stockOnHand - l.stockAllocated, 0);
}

const toStoreProduct = (v: VendureVariant): StoreProduct => ({
  ref: v.id,
  sku: v.sku || null,
  name: v.name,
  available: saleable(v),
});

async function variants(
  client: VendureClient,
  filter: Record<string, unknown>,
  extra = '',
  take = 1000,
): Promise<Result<VendureVariant[]>> {
  const res = await client.request<{ productVariants: { items: VendureVariant[] } }>(
    'productVariants',
    Q.variants(extra),
    {
      filter,
      take,
    },
  );
  return res.ok ? ok(res.value.productVariants.items) : res;
}

/**
 * `sku` matches ProductVariant.sku exactly; any other attribute (ean, gtin, mpn, asin, …) must be
 * a scalar ProductVariant custom field of that name, which Vendure makes filterable. Values are
 * compared exactly (case and spaces count) after Vendure's `in` filter.
 */
export async function findProducts(
  client: VendureClient,
  attribute: string,
  values: readonly string[],
): Promise<Result<Map<string, StoreProduct>>> {
  if (!FIELD_NAME.test(attribute)) {
    return err(
      new AppError('vendure_attribute_invalid', `"${attribute}" is not a ProductVariant field name.`, {
        kind: 'invalid',
        retryable: false,
      }),
    );
  }
  const isSku = attribute === 'sku';
  const found = new Map<string, StoreProduct>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const res = await variants(client, { [attribute]: { in: chunk } }, isSku ? '' : `customFields { ${attribute} }`);
    if (!res.ok) return res;
    for (const v of res.value) {
      const raw = isSku ? v.sku : v.customFields?.[attribute];
      const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null;
      if (value === null || !chunk.includes(value) || found.has(value)) continue;
      found.set(value, toStoreProduct(v));
    }
  }
  return ok(found);
}

/** The variant with id `ref`; Vendure ids are opaque, so any text is asked for. */
export async function findProductByRef(client: VendureClient, ref: string): Promise<Result<StoreProduct | null>> {
  const res = await variants(client, { id: { eq: ref.trim() } }, '', 1);
  if (!res.ok) return res;
  const v = res.value.find((x) => x.id === ref.trim());
  return ok(v ? toStoreProduct(v) : null);
}

/** Variants whose name or SKU contains `query` (Vendure's `contains` is case-insensitive). */
export async function searchProducts(
  client: VendureClient,
  query: string,
  limit: number,
): Promise<Result<StoreProduct[]>> {
  const q = query.trim();
  const res = await variants(client, { _or: [{ name: { contains: q } }, { sku: { contains: q } }] }, '', limit);
  return res.ok ? ok(res.value.map(toStoreProduct)) : res;
}

export async function readStock(
  client: VendureClient,
  productRefs: readonly string[],
): Promise<Result<Map<string, number>>> {
  const out = new Map<string, number>();
  const refs = [...new Set(productRefs)];
  for (let i = 0; i < refs.length; i += CHUNK) {
    const res = await variants(client, { id: { in: refs.slice(i, i + CHUNK) } });
    if (!res.ok) return res;
    for (const v of res.value) {
      const n = saleable(v);
      if (n !== null) out.set(v.id, n);
    }
  }
  return ok(out);
}

/** The plugin's idempotent orderBridgeAdjustStock; returns the saleable quantity afterwards. */
export async function adjustStock(
  client: VendureClient,
  productRef: string,
  delta: number,
  key: string,
): Promise<Result<number>> {
  const res = await client.request<{ orderBridgeAdjustStock: { saleable: number } }>(
    'orderBridgeAdjustStock',
    Q.adjustStock,
    { variantId: productRef, delta, key },
  );
  return res.ok ? ok(res.value.orderBridgeAdjustStock.saleable) : res;
}
