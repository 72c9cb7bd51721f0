import type { WooProductSeed, WooVariationSeed } from './woo-catalog.js';
import { applyMetaInput, type WooContext } from './woo-context.js';
import { WooHttpError, invalidParam } from './woo-errors.js';
import { parseMoneyInput } from './woo-format.js';
import type { MetaEntry, ProductRecord } from './woo-model.js';

/** Products and variations by id; all writes go through here so `date_modified` stays right. */
export class ProductStore {
  private byId = new Map<number, ProductRecord>();

  constructor(private readonly ctx: WooContext) {}

  seed(seeds: readonly WooProductSeed[]): void {
    for (const s of seeds) {
      const parent = this.add(s, 0, s.variations ? 'variable' : 'simple');
      for (const v of s.variations ?? []) parent.variationIds.push(this.addVariation(parent, v).id);
    }
  }

  clear(): void {
    this.byId.clear();
  }

  get(id: number): ProductRecord | undefined {
    return this.byId.get(id);
  }

  all(): ProductRecord[] {
    return [...this.byId.values()];
  }

  bySku(sku: string): ProductRecord | undefined {
    return sku === '' ? undefined : this.all().find((p) => p.sku === sku);
  }

  /** Saving a variation also saves its parent (WC_Product_Variable::sync), so both get a new date. */
  touch(p: ProductRecord): void {
    p.modifiedMs = this.ctx.nowMs();
    const parent = p.parentId ? this.byId.get(p.parentId) : undefined;
    if (parent) parent.modifiedMs = p.modifiedMs;
  }

  /** wc_update_product_stock; returns the new quantity (null when stock is not managed). */
  changeStock(p: ProductRecord, delta: number): number | null {
    if (!p.manageStock || p.stockQuantity === null) return null;
    p.stockQuantity += delta;
    this.touch(p);
    return p.stockQuantity;
  }

  /** PUT /products/{id} and /variations/{id}: the writable fields the sandbox models. */
  update(p: ProductRecord, body: Record<string, unknown>): void {
    if (typeof body.name === 'string' && p.type !== 'variation') p.name = body.name;
    if (typeof body.sku === 'string' && body.sku !== p.sku) this.setSku(p, body.sku);
    if (typeof body.global_unique_id === 'string') this.setGtin(p, body.global_unique_id);
    if (body.regular_price !== undefined)
      p.regularPrice = parseMoneyInput(body.regular_price, 'regular_price', this.ctx.settings.decimals);
    if (typeof body.manage_stock === 'boolean') {
      p.manageStock = body.manage_stock;
      if (p.manageStock && p.stockQuantity === null) p.stockQuantity = 0;
    }
    // Pitfall: stock_quantity is ignored unless the product manages stock.
    if (body.stock_quantity !== undefined && body.stock_quantity !== null && p.manageStock) {
      const qty = Number(body.stock_quantity);
      if (!Number.isInteger(qty)) throw invalidParam('stock_quantity', 'stock_quantity is not of type integer.');
      p.stockQuantity = qty;
    }
    if (body.stock_status === 'instock' || body.stock_status === 'outofstock' || body.stock_status === 'onbackorder')
      p.stockStatus = body.stock_status;
    if (body.tax_class !== undefined && typeof body.tax_class === 'string') p.taxClass = body.tax_class;
    applyMetaInput(this.ctx, p.meta, body.meta_data);
    this.touch(p);
  }

  private setSku(p: ProductRecord, sku: string): void {
    if (sku !== '' && this.bySku(sku)) {
      throw new WooHttpError(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { resource_id: p.id });
    }
    p.sku = sku;
  }

  private setGtin(p: ProductRecord, gtin: string): void {
    const clash = this.all().some((o) => o.id !== p.id && gtin !== '' && o.globalUniqueId === gtin);
    if (clash || (gtin !== '' && !/^[0-9-]+$/.test(gtin))) {
      throw new WooHttpError(400, 'product_invalid_global_unique_id', 'Invalid or duplicated GTIN, UPC, EAN or ISBN.');
    }
    p.globalUniqueId = gtin;
  }

  private meta(values: Record<string, unknown> | undefined): MetaEntry[] {
    return Object.entries(values ?? {}).map(([key, value]) => ({ id: this.ctx.ids.next('meta'), key, value }));
  }

  private add(s: WooProductSeed, parentId: number, type: ProductRecord['type']): ProductRecord {
    const now = this.ctx.nowMs();
    const record: ProductRecord = {
      id: this.ctx.ids.next('post'),
      parentId,
      type,
      name: s.name,
      sku: s.sku,
      globalUniqueId: s.globalUniqueId ?? '',
      regularPrice: s.price,
      taxStatus: 'taxable',
      taxClass: s.taxClass ?? '',
      manageStock: s.stock !== null,
      stockQuantity: s.stock,
      stockStatus: 'instock',
      attributes: Object.entries(s.attributes ?? {}).map(([name, options]) => ({ id: 0, name, options })),
      meta: this.meta(s.meta),
      variationIds: [],
      createdMs: now,
      modifiedMs: now,
    };
    this.byId.set(record.id, record);
    return record;
  }

  private addVariation(parent: ProductRecord, v: WooVariationSeed): ProductRecord {
    const attrs = Object.entries(v.attributes).map(([name, option]) => ({ id: 0, name, option }));
    const seed: WooProductSeed = {
      name: `${parent.name} - ${Object.values(v.attributes).join(', ')}`,
      sku: v.sku,
      price: v.price,
      stock: v.stock,
      ...(v.globalUniqueId === undefined ? {} : { globalUniqueId: v.globalUniqueId }),
      ...(v.meta === undefined ? {} : { meta: v.meta }),
    };
    const record = this.add(seed, parent.id, 'variation');
    record.taxClass = parent.taxClass;
    record.attributes = attrs;
    return record;
  }
}
