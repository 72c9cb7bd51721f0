import type { MagentoProductSeed } from './catalog.js';
import type { Inventory } from './inventory.js';
import { MagentoHttpError } from './magento-errors.js';
import type { MagentoClock } from './magento-clock.js';
import { DEFAULT_ATTRIBUTE_SET_ID, type ProductAttributes } from './product-attributes.js';

export interface ProductRecord {
  id: number;
  sku: string;
  name: string;
  typeId: 'simple' | 'virtual' | 'configurable';
  /** Net price as a decimal string. */
  price: string;
  attributeSetId: number;
  status: number;
  visibility: number;
  weight: number | null;
  createdAt: string;
  updatedAt: string;
  custom: Map<string, string>;
  parentId: number | null;
  childIds: number[];
}

/** The catalogue: products by id and SKU (Magento SKUs are case-insensitive in lookups). */
export class ProductStore {
  private byId = new Map<number, ProductRecord>();
  private bySkuKey = new Map<string, ProductRecord>();
  private nextId = 1;

  constructor(
    private readonly clock: MagentoClock,
    private readonly attributes: ProductAttributes,
    private readonly inventory: Inventory,
  ) {}

  seed(seeds: readonly MagentoProductSeed[]): void {
    for (const seed of seeds) this.add(seed, null);
  }

  private add(seed: MagentoProductSeed, parentId: number | null): ProductRecord {
    const now = this.clock.magentoNow();
    const product: ProductRecord = {
      id: this.nextId++,
      sku: seed.sku,
      name: seed.name,
      typeId: seed.typeId ?? 'simple',
      price: seed.price,
      attributeSetId: DEFAULT_ATTRIBUTE_SET_ID,
      status: 1,
      // A configurable's children are "Not Visible Individually" (1); others "Catalog, Search" (4).
      visibility: parentId === null ? 4 : 1,
      weight: seed.weight ?? null,
      createdAt: now,
      updatedAt: now,
      custom: new Map(),
      parentId,
      childIds: [],
    };
    if (seed.ean !== undefined) product.custom.set('ean', seed.ean);
    for (const [code, value] of Object.entries(seed.customAttributes ?? {})) product.custom.set(code, value);
    this.byId.set(product.id, product);
    this.bySkuKey.set(seed.sku.toLowerCase(), product);
    if (product.typeId !== 'configurable') this.inventory.set(seed.sku, 'default', seed.quantity ?? 100);
    for (const child of seed.children ?? []) product.childIds.push(this.add(child, product.id).id);
    return product;
  }

  bySku(sku: string): ProductRecord | null {
    return this.bySkuKey.get(sku.toLowerCase()) ?? null;
  }

  requireSku(sku: string): ProductRecord {
    const product = this.bySku(sku);
    if (!product) throw productMissing();
    return product;
  }

  get(id: number): ProductRecord | null {
    return this.byId.get(id) ?? null;
  }

  all(): ProductRecord[] {
    return [...this.byId.values()];
  }

  /** Custom attribute values that exist and are in the product's set are stored; Magento drops the rest. */
  setCustomAttributes(product: ProductRecord, values: readonly { attribute_code: string; value: unknown }[]): void {
    for (const { attribute_code: code, value } of values) {
      if (!this.attributes.get(code) || !this.attributes.inSet(product.attributeSetId, code)) continue;
      if (value === null || value === '') product.custom.delete(code);
      else product.custom.set(code, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }

  touch(product: ProductRecord): void {
    product.updatedAt = this.clock.magentoNow();
  }

  clear(): void {
    this.byId.clear();
    this.bySkuKey.clear();
    this.nextId = 1;
  }
}

/** ProductRepository::get of an unknown SKU. */
export const productMissing = (): MagentoHttpError =>
  new MagentoHttpError(404, "The product that was requested doesn't exist. Verify the product and try again.");
