import type { Order, OrderLine } from '../domain/order.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { StoreConnector } from '../stores/store-connector.js';
import type { StoreSideDeps } from './store-side-deps.js';

export interface Resolution {
  /** orderItemId → product ref, for every line that has a product now. */
  refs: Map<string, string>;
  /** Amazon SKUs (as sold) with no store product. */
  unknown: string[];
}

export const attributeOf = (config: OrdersConfig): string => {
  const a = config.productIdentificationAttribute;
  return typeof a === 'string' ? a : a.custom;
};

/** "SKU", "EAN", … for messages; custom codes as they are. */
export const attributeLabel = (attribute: string): string =>
  ['sku', 'ean', 'gtin', 'mpn', 'asin', 'isbn', 'upc'].includes(attribute.toLowerCase())
    ? attribute.toUpperCase()
    : attribute;

/**
 * Refs taken from a SKU link (or saved on the line earlier) are asked for in the store before they
 * are used: one that is no store product fails the delivery naming the SKU, so the line never
 * reaches the store without its product (WooCommerce would make it a fee line).
 */
async function checkGivenRefs(connector: StoreConnector, given: ReadonlyMap<string, string>): Promise<Result<void>> {
  if (connector.hasCatalog === false) return ok(undefined);
  const checked = new Map<string, boolean>();
  for (const [sku, ref] of given) {
    if (!checked.has(ref)) {
      const found = await connector.findProductByRef(ref);
      if (!found.ok) return found;
      checked.set(ref, found.value !== null);
    }
    if (checked.get(ref) === false) {
      return err(
        new AppError(
          LINKED_PRODUCT_MISSING,
          `SKU "${sku}" is linked to "${ref}", which is not a product in the store: link the SKU to a store product, then retry`,
          { kind: 'invalid', retryable: false, details: { sku, productRef: ref } },
        ),
      );
    }
  }
  return ok(undefined);
}

export const LINKED_PRODUCT_MISSING = 'sku_link_product_not_in_store';

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
  /** Amazon SKU → ref that did not come from the store lookup just now. */
  const given = new Map<string, string>();
  for (const l of items) {
    const linked = (l.sellerSku && links.get(l.sellerSku)) || (l.croppedSku && links.get(l.croppedSku)) || null;
    const ref = linked ?? l.productRef;
    if (ref) {
      refs.set(l.amazonOrderItemId, ref);
      given.set(l.sellerSku ?? l.croppedSku ?? l.amazonOrderItemId, ref);
    } else toLookUp.push(l);
  }
  const checked = await checkGivenRefs(connector, given);
  if (!checked.ok) return checked;
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
