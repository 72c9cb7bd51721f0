import Big from 'big.js';
import { CARRIERS, type CartItem, type CartRecord } from './cart-store.js';
import { moneyNumber, type Json } from './magento-format.js';
import { taxPercent } from './tax-rates.js';

export interface PricedLine {
  item: CartItem;
  price: Big;
  priceInclTax: Big;
  rowTotal: Big;
  taxAmount: Big;
  taxPercent: Big;
}

export interface CartTotals {
  lines: PricedLine[];
  subtotal: Big;
  tax: Big;
  shipping: Big;
  grandTotal: Big;
  shippingDescription: string;
}

/** Magento's totals: per line tax rounded to the cent, shipping per item, grand total = subtotal + tax + shipping. */
export function cartTotals(cart: CartRecord): CartTotals {
  const address = cart.shippingAddress ?? {};
  const country = typeof address.country_id === 'string' ? address.country_id : '';
  const region = typeof address.region_code === 'string' ? address.region_code : null;
  const rate = taxPercent(country, region);
  const lines = cart.items.map((item): PricedLine => {
    const price = new Big(item.price);
    const rowTotal = price.times(item.qty);
    const taxAmount = rowTotal.times(rate).div(100).round(2);
    return {
      item,
      price,
      priceInclTax: price.times(rate.plus(100)).div(100).round(2),
      rowTotal,
      taxAmount,
      taxPercent: rate,
    };
  });
  const carrier = CARRIERS[`${cart.carrierCode ?? ''}_${cart.methodCode ?? ''}`];
  const qty = cart.items.reduce((s, i) => s + i.qty, 0);
  const subtotal = lines.reduce((s, l) => s.plus(l.rowTotal), new Big(0));
  const tax = lines.reduce((s, l) => s.plus(l.taxAmount), new Big(0));
  const shipping = new Big(carrier?.perItem ?? '0').times(qty);
  return {
    lines,
    subtotal,
    tax,
    shipping,
    grandTotal: subtotal.plus(tax).plus(shipping),
    shippingDescription: carrier?.title ?? '',
  };
}

/** The `totals` of the shipping-information answer (quote-data-totals-interface). */
export function totalsView(totals: CartTotals, currency: string): Json {
  const m = moneyNumber;
  return {
    grand_total: m(totals.grandTotal),
    base_grand_total: m(totals.grandTotal),
    subtotal: m(totals.subtotal),
    base_subtotal: m(totals.subtotal),
    discount_amount: 0,
    base_discount_amount: 0,
    subtotal_with_discount: m(totals.subtotal),
    base_subtotal_with_discount: m(totals.subtotal),
    shipping_amount: m(totals.shipping),
    base_shipping_amount: m(totals.shipping),
    shipping_discount_amount: 0,
    base_shipping_discount_amount: 0,
    tax_amount: m(totals.tax),
    base_tax_amount: m(totals.tax),
    shipping_tax_amount: 0,
    base_shipping_tax_amount: 0,
    subtotal_incl_tax: m(totals.subtotal.plus(totals.tax)),
    shipping_incl_tax: m(totals.shipping),
    base_shipping_incl_tax: m(totals.shipping),
    base_currency_code: currency,
    quote_currency_code: currency,
    items_qty: totals.lines.reduce((s, l) => s + l.item.qty, 0),
    items: totals.lines.map((l) => ({
      item_id: l.item.item_id,
      price: m(l.price),
      base_price: m(l.price),
      qty: l.item.qty,
      row_total: m(l.rowTotal),
      base_row_total: m(l.rowTotal),
      row_total_with_discount: 0,
      tax_amount: m(l.taxAmount),
      base_tax_amount: m(l.taxAmount),
      tax_percent: m(l.taxPercent),
      discount_amount: 0,
      base_discount_amount: 0,
      discount_percent: 0,
      price_incl_tax: m(l.priceInclTax),
      base_price_incl_tax: m(l.priceInclTax),
      row_total_incl_tax: m(l.rowTotal.plus(l.taxAmount)),
      base_row_total_incl_tax: m(l.rowTotal.plus(l.taxAmount)),
      options: '[]',
      name: l.item.name,
    })),
    total_segments: [
      { code: 'subtotal', title: 'Subtotal', value: m(totals.subtotal) },
      { code: 'shipping', title: `Shipping & Handling (${totals.shippingDescription})`, value: m(totals.shipping) },
      { code: 'tax', title: 'Tax', value: m(totals.tax) },
      { code: 'grand_total', title: 'Grand Total', value: m(totals.grandTotal), area: 'footer' },
    ],
  };
}
