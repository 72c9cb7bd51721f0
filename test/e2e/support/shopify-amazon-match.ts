import Big from 'big.js';
import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import type { ShopifyOrderView } from '../../../src/sandbox/shopify/index.js';
import { productOfSpelling } from '../../../bench/roundtrip-setup.js';

/** One Amazon item as the Amazon sandbox holds it (its own data, not OrderBridge's copy). */
export interface AmazonItem {
  orderItemId: string;
  sellerSku: string;
  /** The catalogue SKU the seller SKU is a spelling of (the store product's SKU). */
  catalogueSku: string | null;
  quantity: number;
  unitPrice: string;
  /** What the buyer paid for the item: price × quantity less the item's own promotion. */
  amount: string;
  /** Tax on that amount; null when Amazon's breakdown cannot separate it from the shipping discount's tax. */
  tax: string | null;
}

type Breakdown = { type?: string; subtotal?: { amount?: string }; detailedBreakdowns?: Detail[] };
type Detail = { subtype?: string; value?: { amount?: string } };

const subtotal = (breakdowns: Breakdown[] | undefined, type: string): Big =>
  (breakdowns ?? []).filter((b) => b.type === type).reduce((s, b) => s.plus(b.subtotal?.amount ?? '0'), new Big(0));
const detail = (breakdowns: Breakdown[] | undefined, type: string, subtype: string): Big =>
  (breakdowns ?? [])
    .filter((b) => b.type === type)
    .flatMap((b) => b.detailedBreakdowns ?? [])
    .filter((d) => d.subtype === subtype)
    .reduce((s, d) => s.plus(d.value?.amount ?? '0'), new Big(0));

export function amazonItemsOf(order: Order): AmazonItem[] {
  return (order.orderItems ?? []).map((item) => {
    const b = item.proceeds?.breakdowns as Breakdown[] | undefined;
    // Amazon's TAX/DISCOUNT detail is the tax of every discount of the item; when a shipping discount
    // cancels the whole shipping charge its tax is the shipping tax, else it cannot be told apart.
    const shippingDiscount = detail(b, 'DISCOUNT', 'SHIPPING');
    const shippingDiscountTax = shippingDiscount.eq(0)
      ? new Big(0)
      : shippingDiscount.plus(subtotal(b, 'SHIPPING')).eq(0)
        ? detail(b, 'TAX', 'SHIPPING').neg()
        : null;
    const sellerSku = item.product.sellerSku ?? '';
    return {
      orderItemId: item.orderItemId,
      sellerSku,
      catalogueSku: productOfSpelling(sellerSku),
      quantity: item.quantityOrdered,
      unitPrice: item.product.price?.unitPrice?.amount ?? 'NaN',
      amount: subtotal(b, 'ITEM')
        .plus(detail(b, 'DISCOUNT', 'ITEM'))
        .toFixed(2),
      tax:
        shippingDiscountTax === null
          ? null
          : detail(b, 'TAX', 'ITEM')
              .plus(detail(b, 'TAX', 'DISCOUNT'))
              .minus(shippingDiscountTax)
              .toFixed(2),
    };
  });
}

/** Amazon's order total and tax, as the Amazon sandbox reports them. */
export function amazonTotalsOf(order: Order): { total: string; tax: string } {
  const breakdowns = order.proceeds?.breakdowns as Breakdown[] | undefined;
  return { total: order.proceeds?.grandTotal?.amount ?? 'NaN', tax: subtotal(breakdowns, 'TAX').toFixed(2) };
}

const same = (a: string, b: string): boolean => {
  try {
    return new Big(a).eq(new Big(b));
  } catch {
    return false;
  }
};
const sum = (values: string[]): string => values.reduce((s, v) => s.plus(v), new Big(0)).toFixed(2);

/**
 * Every way the Shopify order differs from Amazon's order, as readable strings ([] = identical):
 * each Amazon item is on Shopify lines of the variant its SKU names (two lines only when the price
 * does not divide by the quantity, unit prices one cent apart), with Amazon's quantity, what the
 * buyer paid for that item (its own promotion taken off) and its tax; no line without a product
 * carries an item's SKU; the order total and tax are Amazon's to the cent.
 */
export function differencesFromAmazon(
  amazon: Order,
  shopify: ShopifyOrderView,
  variantOf: (catalogueSku: string) => string | undefined,
): string[] {
  const out: string[] = [];
  const items = amazonItemsOf(amazon);
  for (const item of items) {
    const lines = shopify.lineItems.filter((l) =>
      l.properties.some((p) => p.name === '_amazon_order_item_id' && p.value === item.orderItemId),
    );
    const variant = item.catalogueSku === null ? undefined : variantOf(item.catalogueSku);
    const quantity = lines.reduce((n, l) => n + l.quantity, 0);
    const amount = lines.reduce((s, l) => s.plus(new Big(l.unitPrice).times(l.quantity)), new Big(0)).toFixed(2);
    const tax = sum(lines.flatMap((l) => l.taxLines.map((t) => t.amount)));
    const units = new Set(lines.map((l) => l.unitPrice));
    const got = `${lines.map((l) => `${l.variantId ?? 'no product'} ${l.sku ?? '-'} ×${l.quantity} @${l.unitPrice}`).join(' + ')} = ${amount} tax ${tax}`;
    const want = `${variant ?? '?'} ${item.catalogueSku ?? '?'} ×${item.quantity} (@${item.unitPrice}) = ${item.amount} tax ${item.tax ?? '(any)'}`;
    const equal =
      variant !== undefined &&
      lines.length >= 1 &&
      lines.length <= 2 &&
      lines.every((l) => l.variantId === variant && l.sku === item.catalogueSku) &&
      quantity === item.quantity &&
      same(amount, item.amount) &&
      (item.tax === null || same(tax, item.tax)) &&
      (units.size === 1 ||
        new Big(Math.max(...[...units].map(Number))).minus(Math.min(...[...units].map(Number))).eq('0.01'));
    if (!equal) out.push(`item ${item.orderItemId}: Shopify ${got}; Amazon ${want}`);
  }
  const products = shopify.lineItems.filter((l) => l.variantId !== null);
  const unmatched = products.filter((l) => !l.properties.some((p) => p.name === '_amazon_order_item_id'));
  if (unmatched.length > 0) out.push(`${unmatched.length} product lines name no Amazon item`);
  const skus = new Set(items.map((i) => i.catalogueSku));
  for (const l of shopify.lineItems.filter((x) => x.variantId === null)) {
    if (skus.has(l.sku)) out.push(`a line without a product carries the item SKU ${l.sku ?? ''}: "${l.title}"`);
  }
  const want = amazonTotalsOf(amazon);
  if (!same(shopify.totals.total, want.total)) out.push(`total ${shopify.totals.total}, Amazon ${want.total}`);
  if (!same(shopify.totals.tax, want.tax)) out.push(`tax ${shopify.totals.tax}, Amazon ${want.tax}`);
  return out;
}
