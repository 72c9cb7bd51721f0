import Big from 'big.js';
import type {
  ItemProceeds,
  ItemProceedsBreakdown,
  ItemProceedsDetailedBreakdown,
  OrderProceeds,
} from '@sp-api-sdk/orders-api-2026-01-01';
import { sumBig, taxContained, taxOnTop, toMoney } from './money-math.js';

/** What the buyer pays for one order item, before it is laid out as Amazon's proceeds breakdowns. */
export interface ItemCharges {
  currency: string;
  /** true: ITEM/SHIPPING/GIFT_WRAP/COD_FEE/DISCOUNT are gross and TAX is the VAT inside them. */
  taxInclusive: boolean;
  taxRate: string;
  unitPrice: string;
  quantity: number;
  shipping?: string;
  giftWrap?: string;
  codFee?: string;
  /** Positive amounts to take off (sent by Amazon as negative DISCOUNT subtotals). */
  promotionDiscount?: string;
  shippingDiscount?: string;
}

/** Canonical order of breakdown types (the order Amazon's examples list them in). */
export const BREAKDOWN_ORDER = ['ITEM', 'SHIPPING', 'GIFT_WRAP', 'COD_FEE', 'OTHER', 'TAX', 'DISCOUNT'] as const;

const positive = (value: string | undefined): Big | null => {
  if (value === undefined) return null;
  const amount = new Big(value);
  return amount.gt(0) ? amount : null;
};

/**
 * Lays out one item's money as `proceeds` (README "Money conventions"): ITEM = unitPrice × quantity;
 * discounts negative; TAX.detailedBreakdowns = tax per component; proceedsTotal = sum of the
 * breakdowns, except TAX on tax-inclusive marketplaces (it is already inside the gross amounts).
 */
export function buildItemProceeds(c: ItemCharges): ItemProceeds {
  const cur = c.currency;
  const rate = new Big(c.taxRate);
  const taxOf = (amount: Big): Big => (c.taxInclusive ? taxContained : taxOnTop)(amount, rate, cur);
  const components: [string, Big][] = [['ITEM', new Big(c.unitPrice).times(c.quantity)]];
  for (const [type, value] of [
    ['SHIPPING', c.shipping],
    ['GIFT_WRAP', c.giftWrap],
    ['COD_FEE', c.codFee],
  ] as const) {
    const amount = positive(value);
    if (amount) components.push([type, amount]);
  }
  const discounts: [string, Big][] = [];
  const promo = positive(c.promotionDiscount);
  if (promo) discounts.push(['ITEM', promo.neg()]);
  const shipDiscount = positive(c.shippingDiscount);
  if (shipDiscount) discounts.push(['SHIPPING', shipDiscount.neg()]);

  const breakdowns: ItemProceedsBreakdown[] = components.map(([type, amount]) => ({
    type,
    subtotal: toMoney(amount, cur),
  }));
  let total = sumBig(components.map(([, amount]) => amount));
  if (rate.gt(0)) {
    const detailed: [string, Big][] = components.map(([type, amount]) => [type, taxOf(amount)]);
    if (discounts.length > 0) detailed.push(['DISCOUNT', sumBig(discounts.map(([, amount]) => taxOf(amount)))]);
    const tax = sumBig(detailed.map(([, amount]) => amount));
    breakdowns.push({ type: 'TAX', subtotal: toMoney(tax, cur), detailedBreakdowns: detail(detailed, cur) });
    if (!c.taxInclusive) total = total.plus(tax);
  }
  if (discounts.length > 0) {
    const discount = sumBig(discounts.map(([, amount]) => amount));
    breakdowns.push({ type: 'DISCOUNT', subtotal: toMoney(discount, cur), detailedBreakdowns: detail(discounts, cur) });
    total = total.plus(discount);
  }
  return { proceedsTotal: toMoney(total, cur), breakdowns };
}

function detail(entries: [string, Big][], currency: string): ItemProceedsDetailedBreakdown[] {
  return entries.map(([subtype, value]) => ({ subtype, value: toMoney(value, currency) }));
}

/** Order proceeds: grandTotal = Σ item proceedsTotal; breakdowns = per-type sums across items. */
export function buildOrderProceeds(items: readonly ItemProceeds[], currency: string): OrderProceeds {
  const sums = new Map<string, Big>();
  for (const item of items) {
    for (const b of item.breakdowns ?? []) sums.set(b.type, (sums.get(b.type) ?? new Big(0)).plus(b.subtotal.amount));
  }
  const known: readonly string[] = BREAKDOWN_ORDER;
  const types = [...BREAKDOWN_ORDER.filter((t) => sums.has(t)), ...[...sums.keys()].filter((t) => !known.includes(t))];
  return {
    grandTotal: toMoney(sumBig(items.map((i) => new Big(i.proceedsTotal?.amount ?? '0'))), currency),
    breakdowns: types.map((type) => ({ type, subtotal: toMoney(sums.get(type) ?? new Big(0), currency) })),
  };
}
