import { unknownSkus, type Order } from './types';

/** Codes of a failed delivery whose SKU link points to no store product (the message names the SKU). */
const BAD_LINK_CODES = ['sku_link_product_not_in_store', 'woocommerce_product_ref_invalid'];

/** The SKUs the merchant can fix by linking: unknown SKUs of a held order, or the SKU of a bad link. */
export function skusToLink(order: Pick<Order, 'holdReason' | 'errorCode' | 'errorMessage'>): string[] {
  const unknown = unknownSkus(order.holdReason);
  if (unknown.length > 0) return unknown;
  if (!order.errorCode || !BAD_LINK_CODES.includes(order.errorCode)) return [];
  const named = /SKU "([^"]+)"/.exec(order.errorMessage ?? '')?.[1];
  return named ? [named] : [];
}
