import { amazonQuantity, type StockInput } from './stock-quantity.js';

/**
 * Why OrderBridge sends a quantity to Amazon, in the merchant's words (Stock page): the store's
 * stock, the units held for Amazon orders not in the store yet, the buffer and the cap.
 */
export function explainStockQuantity(input: StockInput): { quantity: number; reason: string } {
  const quantity = amazonQuantity(input);
  const parts = [`store stock ${input.storeAvailable}`];
  if (input.reserved > 0) parts.push(`− ${input.reserved} reserved for Amazon orders not in the store yet`);
  if (input.buffer > 0) parts.push(`− buffer ${input.buffer}`);
  let reason = parts.join(' ');
  const uncapped = amazonQuantity({ ...input, maxQuantity: null });
  if (parts.length > 1 || uncapped !== input.storeAvailable) reason += ` = ${uncapped}`;
  if (uncapped === 0 && input.storeAvailable - input.reserved - input.buffer < 0) reason += ' (never below 0)';
  if (quantity < uncapped) reason += `, capped at the maximum ${quantity}`;
  return { quantity, reason };
}

export type StockPushStatus = 'not_sent' | 'sent' | 'accepted' | 'rejected' | 'fba';

export interface SkuProduct {
  amazonSku: string;
  /** The store product the SKU sells as (linked or found); null while OrderBridge has not resolved it. */
  productRef: string | null;
  /** The SKU after the crop rules: what the store lookup uses. */
  lookedUpAs: string;
}

export interface SharedProduct {
  /** Store product ref, or the looked-up SKU when the product is not resolved yet. */
  product: string;
  resolved: boolean;
  amazonSkus: string[];
}

/**
 * Store products that several Amazon SKUs sell as (after crop rules and links): each of those SKUs
 * gets the product's full stock on Amazon, so one sale can oversell the others. SKUs not resolved
 * yet count as the product another SKU with the same looked-up value resolved to.
 */
export function productsSharedBySkus(skus: readonly SkuProduct[]): SharedProduct[] {
  const productOfLookup = new Map<string, string>();
  for (const s of skus) if (s.productRef !== null) productOfLookup.set(s.lookedUpAs, s.productRef);
  const groups = new Map<string, SharedProduct>();
  for (const s of skus) {
    const ref = s.productRef ?? productOfLookup.get(s.lookedUpAs) ?? null;
    const key = ref !== null ? `product:${ref}` : `lookup:${s.lookedUpAs}`;
    const group = groups.get(key) ?? { product: ref ?? s.lookedUpAs, resolved: ref !== null, amazonSkus: [] };
    if (!group.amazonSkus.includes(s.amazonSku)) group.amazonSkus.push(s.amazonSku);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.amazonSkus.length > 1)
    .map((g) => ({ ...g, amazonSkus: [...g.amazonSkus].sort() }))
    .sort((a, b) => a.product.localeCompare(b.product));
}
