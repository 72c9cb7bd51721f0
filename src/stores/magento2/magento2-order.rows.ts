import { add, allocate, div, mul, neg, roundTo, smallestUnit, sub, isZero } from '../../domain/money.js';
import type { StoreOrderItem } from '../store-connector.js';

/** One Magento order item (a line whose amount does not divide by its quantity becomes two). */
export interface PlannedItem {
  item: StoreOrderItem;
  qty: number;
  /** Net unit price (Magento keeps 4 decimals) and gross unit price. */
  price: string;
  priceInclTax: string;
  rowTotal: string;
  rowTotalInclTax: string;
  /** Tax after the item's discount. */
  taxAmount: string;
  taxPercent: string;
  /** Positive; gross on tax-inclusive marketplaces (with its tax as compensation), else net. */
  discountAmount: string;
  discountTaxCompensation: string;
}

/** Net, tax and gross of one amount (decimal strings). */
export interface Money3 {
  net: string;
  tax: string;
  gross: string;
}
export const zero = (): Money3 => ({ net: '0', tax: '0', gross: '0' });
export const plus = (a: Money3, b: Money3): Money3 => ({
  net: add(a.net, b.net),
  tax: add(a.tax, b.tax),
  gross: add(a.gross, b.gross),
});
export const percentOf = (tax: string, net: string, rate: string | null): string =>
  rate ?? (isZero(net) ? '0' : roundTo(mul(div(tax, net, 8), '100'), 2));

/** Spreads a (negative) discount over the items by their amounts; gross and tax allocated, net = the rest. */
export function spread(discount: Money3, weights: string[], d: number): Money3[] {
  const gross = allocate(roundTo(discount.gross, d), weights, d);
  const tax = allocate(roundTo(discount.tax, d), weights, d);
  return weights.map((_w, i) => {
    const g = gross[i] ?? '0';
    const t = tax[i] ?? '0';
    return { gross: g, tax: t, net: sub(g, t) };
  });
}

/** Rows of one item: amounts that divide by their quantity (2 × 3.33 + 1 × 3.34 for 3 × 10.00). */
export function split(item: StoreOrderItem, discount: Money3, incl: boolean, d: number): PlannedItem[] {
  const basis = roundTo(incl ? item.lineGross : item.lineNet, d);
  const units = Number(div(basis, smallestUnit(d), 0));
  const qty = item.quantity;
  const low = Math.floor(units / qty);
  const extra = units - low * qty;
  const rows =
    extra === 0
      ? [{ q: qty, u: low }]
      : [
          { q: qty - extra, u: low },
          { q: extra, u: low + 1 },
        ];
  const weights = rows.map((r) => String(r.q * r.u));
  const taxes = allocate(roundTo(item.lineTax, d), weights, d);
  const discGross = allocate(roundTo(neg(discount.gross), d), weights, d);
  const discTax = allocate(roundTo(neg(discount.tax), d), weights, d);
  const taxPercent = percentOf(item.lineTax, item.lineNet, item.taxRate);
  return rows.map((r, i) => {
    const rowBasis = roundTo(mul(String(r.q * r.u), smallestUnit(d)), d);
    const tax = taxes[i] ?? '0';
    const rowNet = incl ? sub(rowBasis, tax) : rowBasis;
    const rowGross = incl ? rowBasis : add(rowBasis, tax);
    const dg = discGross[i] ?? '0';
    const dt = discTax[i] ?? '0';
    return {
      item,
      qty: r.q,
      price: roundTo(div(rowNet, String(r.q), 8), 4),
      priceInclTax: roundTo(div(rowGross, String(r.q), 8), 4),
      rowTotal: roundTo(rowNet, d),
      rowTotalInclTax: roundTo(rowGross, d),
      taxAmount: roundTo(sub(tax, dt), d),
      taxPercent,
      discountAmount: roundTo(incl ? dg : sub(dg, dt), d),
      discountTaxCompensation: roundTo(incl ? dt : '0', d),
    };
  });
}
