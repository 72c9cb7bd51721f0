/**
 * Builds a JSON_LISTINGS_FEED document that sets the seller-fulfilled (DEFAULT channel) quantity of
 * many SKUs (amazon/README §10.2; fixtures/feeds.JSON_LISTINGS_FEED.quantity.json): one PATCH message
 * per SKU, `merge` on /attributes/fulfillment_availability so lead time and restock date stay.
 */
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';

export const JSON_LISTINGS_FEED_TYPE = 'JSON_LISTINGS_FEED';
export const JSON_FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';
/** Amazon's placeholder product type for offer-only patches (README §10.1: UNVERIFIED that Amazon accepts it). */
export const DEFAULT_PRODUCT_TYPE = 'PRODUCT';
export const MAX_LISTINGS_FEED_MESSAGES = 25_000;

export interface ListingQuantity {
  sku: string;
  quantity: number;
  /** The listing's Amazon product type (default PRODUCT). */
  productType?: string;
}

export interface ListingsQuantityFeedInput {
  sellerId: string;
  items: readonly ListingQuantity[];
  issueLocale?: string;
}

export interface ListingsQuantityFeed {
  json: string;
  /** messageId → SKU, to read the report's issues back onto SKUs. */
  messageIds: Record<number, string>;
}

const invalid = (code: string, message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError(code, message, { kind: 'invalid', retryable: false, details });

/** The fulfillment_availability patch for one quantity (also the patchListingsItem body's patch). */
export function quantityPatch(quantity: number): Record<string, unknown> {
  return {
    op: 'merge',
    path: '/attributes/fulfillment_availability',
    value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
  };
}

function check(input: ListingsQuantityFeedInput): AppError | null {
  if (input.sellerId.trim() === '') return invalid('feed_seller_id_missing', 'sellerId is empty');
  if (input.items.length === 0) return invalid('feed_no_items', 'no quantities to send');
  if (input.items.length > MAX_LISTINGS_FEED_MESSAGES) {
    return invalid('feed_too_many_items', `at most ${MAX_LISTINGS_FEED_MESSAGES} SKUs per JSON_LISTINGS_FEED`);
  }
  const seen = new Set<string>();
  for (const { sku, quantity } of input.items) {
    if (sku.trim() === '') return invalid('feed_sku_missing', 'an item has an empty SKU');
    if (seen.has(sku)) return invalid('feed_duplicate_sku', `SKU ${sku} appears twice`, { sku });
    seen.add(sku);
    if (!Number.isInteger(quantity) || quantity < 0) {
      return invalid('feed_quantity_invalid', `SKU ${sku}: quantity must be an integer ≥ 0`, { sku, quantity });
    }
  }
  return null;
}

export function buildListingsQuantityFeed(input: ListingsQuantityFeedInput): Result<ListingsQuantityFeed> {
  const problem = check(input);
  if (problem) return err(problem);
  const messageIds: Record<number, string> = {};
  const messages = input.items.map((item, index) => {
    const messageId = index + 1;
    messageIds[messageId] = item.sku;
    return {
      messageId,
      sku: item.sku,
      operationType: 'PATCH',
      productType: item.productType ?? DEFAULT_PRODUCT_TYPE,
      patches: [quantityPatch(item.quantity)],
    };
  });
  const header = { sellerId: input.sellerId.trim(), version: '2.0', issueLocale: input.issueLocale ?? 'en_US' };
  return ok({ json: JSON.stringify({ header, messages }), messageIds });
}
