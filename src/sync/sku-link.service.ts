import type { SkuLink } from '../db/sku-link.repository.js';
import type { Connection } from '../domain/connection.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { enqueueDelivery, type StoreSideDeps } from './store-side-deps.js';

export interface LinkResult {
  link: SkuLink;
  /** Held orders that were queued for delivery again because of this link. */
  released: string[];
}

const cleanSku = (value: string, what: string): Result<string> => {
  const v = value.trim();
  if (v === '' || v.length > 200) {
    return err(new AppError('sku_link_invalid', `${what} must be 1–200 characters`, { kind: 'invalid' }));
  }
  return ok(v);
};

/** Manual Amazon SKU → store product links (they win over the attribute lookup). Linking releases held orders. */
export class SkuLinkService {
  constructor(private readonly deps: StoreSideDeps) {}

  async link(connection: Connection, amazonSku: string, productRef: string): Promise<Result<LinkResult>> {
    const sku = cleanSku(amazonSku, 'Amazon SKU');
    if (!sku.ok) return sku;
    const ref = cleanSku(productRef, 'store product ref');
    if (!ref.ok) return ref;
    const now = this.deps.clock.nowIso();
    await this.deps.skuLinks.link(connection.id, sku.value, ref.value, now);
    const released = await this.deps.orderStore.heldForSkus(connection.id, [sku.value]);
    if (connection.storeId) {
      for (const orderId of released) await enqueueDelivery(this.deps, orderId, connection.storeId);
    }
    return ok({ link: { amazonSku: sku.value, productRef: ref.value, createdAt: now }, released });
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
