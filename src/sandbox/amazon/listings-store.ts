import { AppError } from '../../lib/errors.js';
import { PRODUCTS } from './product-catalog.js';

/** One seller-fulfilled listing (offer) per (seller, marketplace, SKU), with its DEFAULT-channel quantity. */
export interface SandboxListing {
  sellerId: string;
  marketplaceId: string;
  sku: string;
  asin: string;
  itemName: string;
  productType: string;
  quantity: number;
  createdAt: string;
  updatedAt: string;
  /** How many times the quantity was set (patch, feed or control API). */
  updates: number;
}

export interface ListingsFilter {
  sellerId?: string;
  marketplaceId?: string;
  sku?: string;
}

/** Quantity every seeded catalog listing starts with. */
export const SEED_QUANTITY = 25;
/** Product type of seeded listings: the reference fixtures' placeholder (README §10.1). */
export const SEED_PRODUCT_TYPE = 'PRODUCT';

const key = (sellerId: string, marketplaceId: string, sku: string): string =>
  `${sellerId}\u0000${marketplaceId}\u0000${sku}`;

/** In-memory listings; seeded with the catalog SKUs (product-catalog.ts) in every marketplace of a seller. */
export class ListingStore {
  private readonly byKey = new Map<string, SandboxListing>();

  seed(sellerId: string, marketplaceIds: readonly string[], at: string): void {
    for (const marketplaceId of marketplaceIds) {
      for (const p of PRODUCTS) {
        if (this.byKey.has(key(sellerId, marketplaceId, p.sku))) continue;
        this.put({
          sellerId,
          marketplaceId,
          sku: p.sku,
          asin: p.asin,
          itemName: p.title,
          productType: SEED_PRODUCT_TYPE,
          quantity: SEED_QUANTITY,
          createdAt: at,
          updatedAt: at,
          updates: 0,
        });
      }
    }
  }

  /** A seller sells what it has listed: every SKU of an order gets a listing if it has none yet. */
  ensure(sellerId: string, marketplaceId: string, sku: string, at: string): void {
    if (sku === '' || this.byKey.has(key(sellerId, marketplaceId, sku))) return;
    const product = PRODUCTS.find((p) => sku.toUpperCase().includes(p.sku.toUpperCase()));
    this.put({
      sellerId,
      marketplaceId,
      sku,
      asin: product?.asin ?? 'B0SANDBOX0',
      itemName: product?.title ?? sku,
      productType: SEED_PRODUCT_TYPE,
      quantity: SEED_QUANTITY,
      createdAt: at,
      updatedAt: at,
      updates: 0,
    });
  }

  get(sellerId: string, marketplaceId: string, sku: string): SandboxListing | undefined {
    return this.byKey.get(key(sellerId, marketplaceId, sku));
  }

  put(listing: SandboxListing): void {
    this.byKey.set(key(listing.sellerId, listing.marketplaceId, listing.sku), listing);
  }

  delete(sellerId: string, marketplaceId: string, sku: string): boolean {
    return this.byKey.delete(key(sellerId, marketplaceId, sku));
  }

  /** Sets the DEFAULT-channel quantity of an existing listing. */
  setQuantity(listing: SandboxListing, quantity: number, at: string): void {
    listing.quantity = quantity;
    listing.updatedAt = at;
    listing.updates += 1;
  }

  /** Creates the listing when missing (control API), then sets the quantity. */
  upsertQuantity(sellerId: string, marketplaceId: string, sku: string, quantity: number, at: string): SandboxListing {
    if (!Number.isInteger(quantity) || quantity < 0) {
      throw new AppError('invalid_quantity', 'quantity must be an integer ≥ 0.', { kind: 'invalid' });
    }
    if (sku === '') throw new AppError('invalid_sku', 'sku must be a non-empty string.', { kind: 'invalid' });
    this.ensure(sellerId, marketplaceId, sku, at);
    const listing = this.get(sellerId, marketplaceId, sku) as SandboxListing;
    this.setQuantity(listing, quantity, at);
    return listing;
  }

  list(filter: ListingsFilter = {}): SandboxListing[] {
    const out: SandboxListing[] = [];
    for (const l of this.byKey.values()) {
      if (filter.sellerId !== undefined && l.sellerId !== filter.sellerId) continue;
      if (filter.marketplaceId !== undefined && l.marketplaceId !== filter.marketplaceId) continue;
      if (filter.sku !== undefined && l.sku !== filter.sku) continue;
      out.push({ ...l });
    }
    return out.sort((a, b) => a.sku.localeCompare(b.sku) || a.marketplaceId.localeCompare(b.marketplaceId));
  }

  clear(): void {
    this.byKey.clear();
  }
}
