import {
  add,
  allocate,
  compare,
  div,
  isNegative,
  isPositive,
  isZero,
  minorUnits,
  mul,
  neg,
  roundTo,
  smallestUnit,
  sub,
  sum,
} from '../../domain/money.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderCharge, StoreOrderDraft, StoreOrderItem } from '../store-connector.js';
import { invalid } from './magento2.errors.js';

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

export interface MagentoMoneyPlan {
  items: PlannedItem[];
  shipping: { amount: string; tax: string; inclTax: string; taxPercent: string };
  subtotal: string;
  subtotalInclTax: string;
  taxAmount: string;
  /** Negative (Magento's sign on the order), 0 without discounts. */
  discountAmount: string;
  discountTaxCompensation: string;
  grandTotal: string;
  /** Charges Magento has no line for, folded into shipping: one order comment each. */
  foldedCharges: StoreOrderCharge[];
}

interface Money3 {
  net: string;
  tax: string;
  gross: string;
}
const zero = (): Money3 => ({ net: '0', tax: '0', gross: '0' });
const plus = (a: Money3, b: Money3): Money3 => ({
  net: add(a.net, b.net),
  tax: add(a.tax, b.tax),
  gross: add(a.gross, b.gross),
});
const isShippingDiscount = (c: StoreOrderCharge): boolean => c.kind === 'discount' && /^shipping/i.test(c.title);
const percentOf = (tax: string, net: string, rate: string | null): string =>
  rate ?? (isZero(net) ? '0' : roundTo(mul(div(tax, net, 8), '100'), 2));

/** Spreads a (negative) discount over the items by their amounts; gross and tax allocated, net = the rest. */
function spread(discount: Money3, weights: string[], d: number): Money3[] {
  const gross = allocate(roundTo(discount.gross, d), weights, d);
  const tax = allocate(roundTo(discount.tax, d), weights, d);
  return weights.map((_w, i) => {
    const g = gross[i] ?? '0';
    const t = tax[i] ?? '0';
    return { gross: g, tax: t, net: sub(g, t) };
  });
}

/** Rows of one item: amounts that divide by their quantity (2 × 3.33 + 1 × 3.34 for 3 × 10.00). */
function split(item: StoreOrderItem, discount: Money3, incl: boolean, d: number): PlannedItem[] {
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

/**
 * Amazon's amounts as Magento order fields: net and gross unit prices, row totals equal to Amazon's
 * lines, the tax after discounts, promotions as item discounts (an order-level one spread over the
 * items), shipping with shipping discounts folded in, and charges Magento has no line for (gift
 * wrap, COD fee, a positive adjustment) added to shipping — never a product-less item. The grand
 * total must equal Amazon's to the cent; nothing is invented to make it so.
 */
export function planMoney(draft: StoreOrderDraft): Result<MagentoMoneyPlan> {
  const incl = draft.pricesIncludeTax;
  const d = minorUnits(draft.currency);
  const itemDiscounts = draft.items.map(zero);
  let orderDiscount = zero();
  let shipping = zero();
  let shippingRate: string | null = null;
  const foldedCharges: StoreOrderCharge[] = [];
  for (const c of draft.charges) {
    const m = { net: c.net, tax: c.tax, gross: c.gross };
    const own = c.orderItemId ? draft.items.findIndex((i) => i.orderItemId === c.orderItemId) : -1;
    if (c.kind === 'shipping' || isShippingDiscount(c)) {
      shipping = plus(shipping, m);
      if (c.kind === 'shipping') shippingRate ??= c.taxRate;
    } else if (isNegative(c.gross)) {
      if (own >= 0) itemDiscounts[own] = plus(itemDiscounts[own] as Money3, m);
      else orderDiscount = plus(orderDiscount, m);
    } else if (isPositive(c.gross) || !isZero(c.tax)) {
      shipping = plus(shipping, m);
      foldedCharges.push(c);
    }
  }
  if (isNegative(shipping.gross)) {
    orderDiscount = plus(orderDiscount, shipping);
    shipping = zero();
  }
  if (!isZero(orderDiscount.gross) || !isZero(orderDiscount.tax)) {
    const weights = draft.items.map((i) => {
      const w = incl ? i.lineGross : i.lineNet;
      return isNegative(w) ? '0' : w;
    });
    spread(orderDiscount, weights, d).forEach((share, i) => {
      itemDiscounts[i] = plus(itemDiscounts[i] as Money3, share);
    });
  }
  const items: PlannedItem[] = [];
  for (const [i, item] of draft.items.entries()) {
    const discount = itemDiscounts[i] as Money3;
    if (item.quantity <= 0 || compare(neg(discount.gross), item.lineGross) > 0) {
      return err(
        invalid(
          'magento2_order_unrepresentable',
          `Item ${item.orderItemId} of ${draft.amazonOrderId} would cost less than 0 after Amazon's discounts.`,
        ),
      );
    }
    items.push(...split(item, discount, incl, d));
  }
  return totals(draft, items, shipping, shippingRate, foldedCharges, d);
}

function totals(
  draft: StoreOrderDraft,
  items: PlannedItem[],
  shipping: Money3,
  shippingRate: string | null,
  foldedCharges: StoreOrderCharge[],
  d: number,
): Result<MagentoMoneyPlan> {
  const subtotal = sum(items.map((i) => i.rowTotal));
  const taxAmount = add(sum(items.map((i) => i.taxAmount)), shipping.tax);
  const discountAmount = neg(sum(items.map((i) => i.discountAmount)));
  const discountTaxCompensation = sum(items.map((i) => i.discountTaxCompensation));
  const grandTotal = roundTo(sum([subtotal, shipping.net, taxAmount, discountTaxCompensation, discountAmount]), d);
  if (compare(grandTotal, roundTo(draft.totals.gross, d)) !== 0) {
    return err(
      invalid(
        'magento2_total_mismatch',
        `The Magento order for ${draft.amazonOrderId} would total ${grandTotal}, Amazon's total is ${draft.totals.gross}.`,
        { expected: draft.totals.gross, actual: grandTotal },
      ),
    );
  }
  const r = (v: string): string => roundTo(v, d);
  return ok({
    items,
    shipping: {
      amount: r(shipping.net),
      tax: r(shipping.tax),
      inclTax: r(shipping.gross),
      taxPercent: percentOf(shipping.tax, shipping.net, shippingRate),
    },
    subtotal: r(subtotal),
    subtotalInclTax: r(sum(items.map((i) => i.rowTotalInclTax))),
    taxAmount: r(taxAmount),
    discountAmount: r(discountAmount),
    discountTaxCompensation: r(discountTaxCompensation),
    grandTotal,
    foldedCharges,
  });
}
