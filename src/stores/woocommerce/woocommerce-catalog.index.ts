import { ok, type Result } from '../../lib/result.js';
import type { WooClient } from './woocommerce.client.js';
import type { WooProduct } from './woocommerce.types.js';

/** How long a full catalogue read is reused for meta/attribute lookups. */
export const CATALOG_TTL_MS = 5 * 60_000;

export interface IndexedProduct {
  product: WooProduct;
  parentId: number | undefined;
}

/**
 * WooCommerce has no meta filter, so MPN, plugin GTINs and custom attributes are found by reading
 * the whole catalogue (products, then every variable product's variations, 100 per page) and
 * keeping it for a few minutes. One read serves every lookup until it expires.
 */
export class CatalogIndex {
  private cached: { at: number; rows: IndexedProduct[] } | null = null;

  constructor(
    private readonly client: WooClient,
    private readonly nowMs: () => number,
  ) {}

  invalidate(): void {
    this.cached = null;
  }

  async products(): Promise<Result<IndexedProduct[]>> {
    const now = this.nowMs();
    if (this.cached && now - this.cached.at < CATALOG_TTL_MS) return ok(this.cached.rows);
    const parents = await this.client.getAll<WooProduct>('/wc/v3/products', { orderby: 'id', order: 'asc' });
    if (!parents.ok) return parents;
    const rows: IndexedProduct[] = [];
    for (const p of parents.value) {
      rows.push({ product: p, parentId: undefined });
      if (p.type !== 'variable' || (p.variations ?? []).length === 0) continue;
      const variations = await this.client.getAll<WooProduct>(`/wc/v3/products/${p.id}/variations`, {
        orderby: 'id',
        order: 'asc',
      });
      if (!variations.ok) return variations;
      for (const v of variations.value)
        rows.push({ product: { ...v, type: 'variation', name: v.name || p.name }, parentId: p.id });
    }
    this.cached = { at: now, rows };
    return ok(rows);
  }
}
