import { ok, type Result } from '../../lib/result.js';
import type { StoreEvent } from '../store-connector.js';
import { saleable } from './vendure-catalog.js';
import type { VendureClient } from './vendure.client.js';
import { Q } from './vendure.queries.js';
import type { VendureVariant } from './vendure.types.js';

const PAGE = 100;
const MAX_PAGES = 20;

export type VendureUpdatedVariant = VendureVariant & { updatedAt: string };

/** A variant whose stock Vendure tracks → one 'stock' event (productRef = the variant id, as findProducts). */
export function variantStockEvent(v: VendureUpdatedVariant): StoreEvent | null {
  const available = saleable(v);
  if (available === null) return null;
  return {
    kind: 'stock',
    productRef: v.id,
    sku: v.sku === '' ? null : v.sku,
    available,
    occurredAt: new Date(v.updatedAt).toISOString(),
  };
}

/**
 * Variants updated after `after` (ascending updatedAt) → stock events, and the latest updatedAt
 * seen (or `after` when none). Changing stockOnHand (updateProductVariants, the plugin's
 * orderBridgeAdjustStock) saves the variant and bumps its updatedAt; allocations by orders do not,
 * but OrderBridge accounts for its own orders itself.
 */
export async function stockEventsSince(
  client: VendureClient,
  after: string,
): Promise<Result<{ events: StoreEvent[]; latest: string }>> {
  const events: StoreEvent[] = [];
  let latest = after;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.request<{ productVariants: { items: VendureUpdatedVariant[] } }>(
      'productVariants',
      Q.updatedVariants,
      { filter: { updatedAt: { after } }, skip: page * PAGE, take: PAGE },
    );
    if (!res.ok) return res;
    const items = res.value.productVariants.items;
    for (const v of items) {
      const event = variantStockEvent(v);
      if (event) events.push(event);
      const at = new Date(v.updatedAt).toISOString();
      if (at > latest) latest = at;
    }
    if (items.length < PAGE) break;
  }
  return ok({ events, latest });
}
