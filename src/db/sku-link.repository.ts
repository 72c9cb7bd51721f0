import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

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
}
