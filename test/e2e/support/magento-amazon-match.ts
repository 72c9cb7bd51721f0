import Big from 'big.js';
import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import type { MagentoOrderView } from '../../../src/sandbox/magento2/index.js';
import { amazonItemsOf, amazonTotalsOf } from './shopify-amazon-match.js';

/** Magento answers amounts as JSON numbers: read them as decimals (never add them as floats). */
const dec = (value: unknown): Big => {
  if (value === undefined || value === null) return new Big(0);
  if (typeof value === 'number' || typeof value === 'string') return new Big(String(value));
  throw new Error(`not an amount: ${JSON.stringify(value)}`);
};
const sum = (values: unknown[]): Big => values.reduce<Big>((s, v) => s.plus(dec(v)), new Big(0));

type MagentoItem = MagentoOrderView['items'][number];

/** The Magento product (id and SKU) of a catalogue SKU; undefined when Magento does not sell it. */
export type MagentoProductOf = (catalogueSku: string) => { id: number; sku: string } | undefined;

/**
 * Every way the Magento order differs from Amazon's order, as readable strings ([] = identical).
 * Each Amazon item is on the Magento items carrying its orderItemId (`ext_order_item_id`; two items
 * only when a line total does not divide by its quantity, unit prices one cent apart), of the product
 * its SKU names (SKU and product id), with Amazon's quantity; Amazon's price × quantity is the items'
 * row total in the marketplace's price basis (incl. tax where prices include tax, else net), the
 * item's own promotion is their `discount_amount`, and their `tax_amount` is Amazon's tax of the
 * item. No item names no Amazon item. The order's grand_total and tax_amount (and their base_*
 * twins) are Amazon's to the cent.
 */
export function differencesFromAmazon(
  amazon: Order,
  magento: MagentoOrderView,
  productOf: MagentoProductOf,
  pricesIncludeTax: boolean,
): string[] {
  const out: string[] = [];
  const items = amazonItemsOf(amazon);
  const basis = (i: MagentoItem): unknown => (pricesIncludeTax ? i.row_total_incl_tax : i.row_total);
  const unit = (i: MagentoItem): unknown => (pricesIncludeTax ? i.price_incl_tax : i.price);
  for (const item of items) {
    const lines = magento.items.filter((i) => i.ext_order_item_id === item.orderItemId);
    const product = item.catalogueSku === null ? undefined : productOf(item.catalogueSku);
    const quantity = lines.reduce((n, i) => n + Number(i.qty_ordered ?? 0), 0);
    const rows = sum(lines.map(basis));
    const discount = sum(lines.map((i) => i.discount_amount));
    const tax = sum(lines.map((i) => i.tax_amount));
    const units = lines.map((i) => dec(unit(i)));
    const listed = new Big(item.unitPrice).times(item.quantity);
    // Amazon's amount is what the buyer paid for the item in the marketplace's basis (promotion off).
    const promotion = listed.minus(item.amount);
    const got = `${lines.map((i) => `${String(i.product_id)} ${i.sku} ×${String(i.qty_ordered)} @${dec(unit(i)).toFixed(2)}`).join(' + ')} = ${rows.toFixed(2)} − ${discount.toFixed(2)} tax ${tax.toFixed(2)}`;
    const want = `${String(product?.id ?? '?')} ${item.catalogueSku ?? '?'} ×${item.quantity} @${item.unitPrice} = ${listed.toFixed(2)} − ${promotion.toFixed(2)} tax ${item.tax ?? '(any)'}`;
    const equal =
      product !== undefined &&
      lines.length >= 1 &&
      lines.length <= 2 &&
      lines.every((i) => i.sku === product.sku && Number(i.product_id) === product.id) &&
      quantity === item.quantity &&
      rows.eq(listed) &&
      discount.eq(promotion) &&
      (item.tax === null || tax.eq(item.tax)) &&
      (lines.length === 1 || units[0]!.minus(units[1]!).abs().lte('0.01'));
    if (!equal) out.push(`item ${item.orderItemId}: Magento ${got}; Amazon ${want}`);
  }
  const known = new Set(items.map((i) => i.orderItemId));
  const unmatched = magento.items.filter((i) => !known.has(String(i.ext_order_item_id ?? '')));
  if (unmatched.length > 0) out.push(`${unmatched.length} Magento items name no Amazon item`);
  const want = amazonTotalsOf(amazon);
  for (const [field, value] of [
    ['grand_total', want.total],
    ['base_grand_total', want.total],
    ['tax_amount', want.tax],
    ['base_tax_amount', want.tax],
  ] as const) {
    if (!dec(magento[field]).eq(value)) out.push(`${field} ${String(magento[field])}, Amazon ${value}`);
  }
  return out;
}
