import { add, compare, isNegative, isPositive, isZero, minorUnits, neg, roundTo, sum } from '../../domain/money.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreOrderCharge, StoreOrderDraft } from '../store-connector.js';
import { invalid } from './magento2.errors.js';
import { percentOf, plus, split, spread, zero, type Money3, type PlannedItem } from './magento2-order.rows.js';

export type { PlannedItem } from './magento2-order.rows.js';

const isShippingDiscount = (c: StoreOrderCharge): boolean => c.kind === 'discount' && /^shipping/i.test(c.title);

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
