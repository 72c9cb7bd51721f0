import type { Order, OrderLine } from '../domain/order.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import type { Result } from '../lib/result.js';
import { ok } from '../lib/result.js';
import type { StoreConnector } from '../stores/store-connector.js';
import type { StoreSideDeps } from './store-side-deps.js';

export interface Resolution {
  /** orderItemId → product ref, for every line that has a product now. */
  refs: Map<string, string>;
  /** Amazon SKUs (as sold) with no store product. */
  unknown: string[];
}

const attributeOf = (config: OrdersConfig): string => {
  const a = config.productIdentificationAttribute;
  return typeof a === 'string' ? a : a.custom;
};

/**
 * Finds the store product of every item line: a manual SKU link wins, then the store lookup by the
 * Product Identification Attribute with the cropped SKU. Found products are saved on the lines and
 * remembered for stock pushes in one transaction.
 */
export async function resolveProducts(
  deps: StoreSideDeps,
  order: Order,
  lines: readonly OrderLine[],
  config: OrdersConfig,
  connector: StoreConnector,
): Promise<Result<Resolution>> {
  const items = lines.filter((l) => l.kind === 'item');
  const refs = new Map<string, string>();
  const links = await deps.skuLinks.linksFor(
    order.connectionId,
    items.flatMap((l) => [l.sellerSku, l.croppedSku]).filter((s): s is string => s !== null),
  );
  const toLookUp: OrderLine[] = [];
  for (const l of items) {
    const linked = (l.sellerSku && links.get(l.sellerSku)) || (l.croppedSku && links.get(l.croppedSku)) || null;
    if (linked) refs.set(l.amazonOrderItemId, linked);
    else if (l.productRef) refs.set(l.amazonOrderItemId, l.productRef);
    else toLookUp.push(l);
  }
  const values = [...new Set(toLookUp.map((l) => l.croppedSku ?? l.sellerSku).filter((s): s is string => !!s))];
  if (values.length > 0) {
    const found = await connector.findProducts(attributeOf(config), values);
    if (!found.ok) return found;
    for (const l of toLookUp) {
      const product = found.value.get(l.croppedSku ?? l.sellerSku ?? '');
      if (product) refs.set(l.amazonOrderItemId, product.ref);
    }
  }
  const unknown = items
    .filter((l) => !refs.has(l.amazonOrderItemId))
    .map((l) => l.sellerSku ?? l.asin ?? l.amazonOrderItemId);
  const now = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.orderStore.setLineProducts(trx, order.id, refs);
    for (const l of items) {
      const ref = refs.get(l.amazonOrderItemId);
      if (ref && l.sellerSku)
        await deps.stock.track(trx, order.connectionId, l.sellerSku, ref, order.fulfillmentChannel !== 'AFN', now);
    }
  });
  return ok({ refs, unknown: [...new Set(unknown)] });
}
