import type { SkuLink } from '../db/sku-link.repository.js';
import type { Connection } from '../domain/connection.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { StoreProduct } from '../stores/store-connector.js';
import { attributeLabel, attributeOf } from './resolve-products.js';
import { enqueueDelivery, type StoreSideDeps } from './store-side-deps.js';

export interface LinkResult {
  link: SkuLink;
  /** Held orders that were queued for delivery again because of this link. */
  released: string[];
  /** The store product the link points to; null when it could not be checked (see `note`). */
  product: StoreProduct | null;
  /** Why the link was taken unchecked (no store, or a store without a catalogue), else null. */
  note: string | null;
}

/** Store products offered when linking a SKU by hand. */
export interface ProductSearch {
  products: StoreProduct[];
  /** false when the store has no catalogue OrderBridge can read (type the store's own ref). */
  hasCatalog: boolean;
}

const SEARCH_LIMIT = 20;

const cleanSku = (value: string, what: string): Result<string> => {
  const v = value.trim();
  if (v === '' || v.length > 200) {
    return err(new AppError('sku_link_invalid', `${what} must be 1–200 characters`, { kind: 'invalid' }));
  }
  return ok(v);
};

type Checked = { product: StoreProduct | null; note: string | null };

/**
 * Manual Amazon SKU → store product links (they win over the attribute lookup). A link is checked
 * against the store when it is made: the value is looked up as the store's product id, then by the
 * connection's Product Identification Attribute, and the link keeps the product's real id. Linking
 * releases held orders.
 */
export class SkuLinkService {
  constructor(private readonly deps: StoreSideDeps) {}

  async link(connection: Connection, amazonSku: string, productRef: string): Promise<Result<LinkResult>> {
    const sku = cleanSku(amazonSku, 'Amazon SKU');
    if (!sku.ok) return sku;
    const ref = cleanSku(productRef, 'store product ref');
    if (!ref.ok) return ref;
    const checked = await this.check(connection, ref.value);
    if (!checked.ok) return checked;
    const storedRef = checked.value.product?.ref ?? ref.value;
    const now = this.deps.clock.nowIso();
    await this.deps.skuLinks.link(connection.id, sku.value, storedRef, now);
    const released = await this.deps.orderStore.heldForSkus(connection.id, [sku.value]);
    if (connection.storeId) {
      for (const orderId of released) await enqueueDelivery(this.deps, orderId, connection.storeId);
    }
    return ok({ link: { amazonSku: sku.value, productRef: storedRef, createdAt: now }, released, ...checked.value });
  }

  /** The store product `value` names: by id first, then by the Product Identification Attribute. */
  private async check(connection: Connection, value: string): Promise<Result<Checked>> {
    if (!connection.storeId) {
      return ok({ product: null, note: 'Not checked: the connection has no store yet; it is checked on delivery.' });
    }
    const store = await this.deps.stores.findById(connection.storeId);
    const connector = await this.deps.connectorFor(connection.storeId);
    if (!connector.ok) return connector;
    if (connector.value.hasCatalog === false) {
      return ok({
        product: null,
        note: `Not checked: the store "${store?.name ?? connection.storeId}" has no catalogue OrderBridge can read; "${value}" is passed to it as its own product reference.`,
      });
    }
    const byRef = await connector.value.findProductByRef(value);
    if (!byRef.ok) return byRef;
    if (byRef.value) return ok({ product: byRef.value, note: null });
    const attribute = attributeOf(connection.config);
    const byAttribute = await connector.value.findProducts(attribute, [value]);
    if (!byAttribute.ok) return byAttribute;
    const product = byAttribute.value.get(value);
    if (product) return ok({ product, note: null });
    return err(
      new AppError(
        'sku_link_product_not_found',
        `No product "${value}" in store "${store?.name ?? connection.storeId}" (looked up by id and by ${attributeLabel(attribute)})`,
        { kind: 'not_found', details: { productRef: value, attribute } },
      ),
    );
  }

  /** Store products whose name or SKU contains `query`, for the link form. */
  async searchProducts(connection: Connection, query: string): Promise<Result<ProductSearch>> {
    if (!connection.storeId) {
      return err(
        new AppError('connection_has_no_store', 'The connection has no store to search: link a store first', {
          kind: 'conflict',
        }),
      );
    }
    const connector = await this.deps.connectorFor(connection.storeId);
    if (!connector.ok) return connector;
    if (connector.value.hasCatalog === false) return ok({ products: [], hasCatalog: false });
    if (query.trim() === '') return ok({ products: [], hasCatalog: true });
    const found = await connector.value.searchProducts(query.trim(), SEARCH_LIMIT);
    return found.ok ? ok({ products: found.value, hasCatalog: true }) : found;
  }

  async unlink(connection: Connection, amazonSku: string): Promise<Result<void>> {
    const removed = await this.deps.skuLinks.unlink(connection.id, amazonSku.trim());
    if (!removed) {
      return err(new AppError('sku_link_not_found', `No link for Amazon SKU "${amazonSku}"`, { kind: 'not_found' }));
    }
    return ok(undefined);
  }

  list(connection: Connection): Promise<SkuLink[]> {
    return this.deps.skuLinks.list(connection.id);
  }
}
