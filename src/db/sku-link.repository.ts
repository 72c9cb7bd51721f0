import type { Kysely } from 'kysely';
import { newId } from '../lib/ids.js';
import type { Database } from './schema.js';

export interface SkuLink {
  amazonSku: string;
  productRef: string;
  createdAt: string;
}

/** Manual Amazon SKU → store product links; they win over the attribute lookup. */
export class SkuLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async linksFor(connectionId: string, amazonSkus: string[]): Promise<Map<string, string>> {
    const links = new Map<string, string>();
    const unique = [...new Set(amazonSkus)];
    for (let i = 0; i < unique.length; i += 200) {
      const rows = await this.db
        .selectFrom('sku_links')
        .select(['amazon_sku', 'product_ref'])
        .where('connection_id', '=', connectionId)
        .where('amazon_sku', 'in', unique.slice(i, i + 200))
        .execute();
      for (const r of rows) links.set(r.amazon_sku, r.product_ref);
    }
    return links;
  }

  async recentSkus(connectionId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .select('order_lines.seller_sku')
      .distinct()
      .where('orders.connection_id', '=', connectionId)
      .where('order_lines.kind', '=', 'item')
      .where('order_lines.seller_sku', 'is not', null)
      .orderBy('order_lines.seller_sku')
      .limit(limit)
      .execute();
    return rows.map((r) => r.seller_sku).filter((s): s is string => s !== null);
  }

  /** Creates or replaces the link of an Amazon SKU. */
  async link(connectionId: string, amazonSku: string, productRef: string, now: string): Promise<void> {
    await this.db
      .insertInto('sku_links')
      .values({
        id: newId(),
        connection_id: connectionId,
        amazon_sku: amazonSku,
        product_ref: productRef,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['connection_id', 'amazon_sku']).doUpdateSet({ product_ref: productRef, created_at: now }),
      )
      .execute();
  }

  async unlink(connectionId: string, amazonSku: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('sku_links')
      .where('connection_id', '=', connectionId)
      .where('amazon_sku', '=', amazonSku)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async list(connectionId: string): Promise<SkuLink[]> {
    const rows = await this.db
      .selectFrom('sku_links')
      .select(['amazon_sku', 'product_ref', 'created_at'])
      .where('connection_id', '=', connectionId)
      .orderBy('amazon_sku')
      .execute();
    return rows.map((r) => ({ amazonSku: r.amazon_sku, productRef: r.product_ref, createdAt: r.created_at }));
  }
}
