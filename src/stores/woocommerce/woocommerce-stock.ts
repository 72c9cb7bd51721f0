import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import { availableOf, parseRef, refOf } from './woocommerce-product.mapper.js';
import type { WooClient } from './woocommerce.client.js';
import { META, metaValue, type WooProduct } from './woocommerce.types.js';

/** Adjustment keys remembered per product (meta `_orderbridge_stock_adjustments`). */
export const MAX_ADJUSTMENT_KEYS = 200;

const pathOf = (productId: number, variationId: number): string =>
  variationId > 0 ? `/wc/v3/products/${productId}/variations/${variationId}` : `/wc/v3/products/${productId}`;

/** Stock per ref: products via `?include=` (100 a call), variations per parent the same way. */
export async function readStock(client: WooClient, refs: readonly string[]): Promise<Result<Map<string, number>>> {
  const byParent = new Map<number, number[]>();
  for (const ref of refs) {
    const r = parseRef(ref);
    if (r === null) continue;
    const key = r.variationId > 0 ? r.productId : 0;
    byParent.set(key, [...(byParent.get(key) ?? []), r.variationId > 0 ? r.variationId : r.productId]);
  }
  const out = new Map<string, number>();
  for (const [parent, ids] of byParent) {
    const path = parent > 0 ? `/wc/v3/products/${parent}/variations` : '/wc/v3/products';
    for (let i = 0; i < ids.length; i += 100) {
      const res = await client.getAll<WooProduct>(path, { include: ids.slice(i, i + 100).join(',') });
      if (!res.ok) return res;
      for (const p of res.value) {
        const available = availableOf(p);
        const ref = parent > 0 ? `${parent}:${p.id}` : refOf(p);
        if (available !== null && refs.includes(ref)) out.set(ref, available);
      }
    }
  }
  return ok(out);
}

function appliedKeys(p: WooProduct): string[] {
  let value = metaValue(p.meta_data, META.stockAdjustments);
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      value = [];
    }
  }
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}

/**
 * WooCommerce only has an absolute `stock_quantity`. Read the product; if its meta already lists
 * `key`, the adjustment was applied; else write the new absolute quantity and the key in ONE PUT.
 * (Read-then-write: a checkout between the two is overwritten — WooCommerce offers no compare-and-set.)
 */
export async function adjustStock(client: WooClient, ref: string, delta: number, key: string): Promise<Result<number>> {
  const r = parseRef(ref);
  if (r === null) {
    return err(
      new AppError('woocommerce_invalid_product_ref', `"${ref}" is not a WooCommerce product ref.`, {
        kind: 'invalid',
      }),
    );
  }
  const path = pathOf(r.productId, r.variationId);
  const read = await client.get<WooProduct>(path);
  if (!read.ok) return read;
  const product = read.value.data;
  const current = availableOf(product);
  if (current === null) {
    return err(
      new AppError(
        'woocommerce_stock_not_managed',
        `WooCommerce does not manage stock for product ${ref}; enable "Manage stock".`,
        {
          kind: 'invalid',
          details: { productRef: ref },
        },
      ),
    );
  }
  const keys = appliedKeys(product);
  if (keys.includes(key)) return ok(current);
  const next = current + delta;
  const put = await client.put<WooProduct>(path, {
    stock_quantity: next,
    meta_data: [{ key: META.stockAdjustments, value: [...keys, key].slice(-MAX_ADJUSTMENT_KEYS) }],
  });
  if (!put.ok) return put;
  return ok(availableOf(put.value.data) ?? next);
}
