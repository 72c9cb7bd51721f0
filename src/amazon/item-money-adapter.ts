import Big from 'big.js';
import type { AmazonOrderItemMoney, AmountWithTax } from '../domain/amazon-order.js';
import type { RawItem } from './order-schema.js';

type Component = 'item' | 'shipping' | 'giftWrap' | 'codFee' | 'other';
type Discount = 'promotion' | 'shipping' | 'codFee';
interface Part {
  amount: Big;
  tax: Big;
}
type Breakdown = NonNullable<NonNullable<RawItem['proceeds']>['breakdowns']>[number];

const COMPONENT: Readonly<Record<string, Component>> = {
  ITEM: 'item',
  SHIPPING: 'shipping',
  GIFT_WRAP: 'giftWrap',
  COD_FEE: 'codFee',
  OTHER: 'other',
};
// Discounts on gift wrap or "other" are promotions on the line too (v0's PromotionDiscount).
const DISCOUNT: Readonly<Record<string, Discount>> = {
  ITEM: 'promotion',
  SHIPPING: 'shipping',
  COD_FEE: 'codFee',
  GIFT_WRAP: 'promotion',
  OTHER: 'promotion',
};

const zero = (): Part => ({ amount: new Big(0), tax: new Big(0) });

class ItemMoney {
  readonly parts: Record<Component, Part> = {
    item: zero(),
    shipping: zero(),
    giftWrap: zero(),
    codFee: zero(),
    other: zero(),
  };
  readonly discounts: Record<Discount, Part> = { promotion: zero(), shipping: zero(), codFee: zero() };
  discountTax = new Big(0);
  /** Decimals of Amazon's tax-on-discount values (to round the shares to Amazon's precision). */
  discountTaxDecimals = 0;

  constructor(
    private readonly orderItemId: string,
    private readonly warnings: string[],
  ) {}

  warn(message: string): void {
    this.warnings.push(`item ${this.orderItemId}: ${message}`);
  }

  add(b: Breakdown): void {
    if (b.type === 'TAX') return this.addDetailed(b, (subtype, value) => this.addTax(subtype, value));
    if (b.type === 'DISCOUNT') return this.addDetailed(b, (subtype, value) => this.addDiscount(subtype, value));
    const component = COMPONENT[b.type];
    if (!component) this.warn(`unknown proceeds type "${b.type}" counted as other`);
    const part = this.parts[component ?? 'other'];
    part.amount = part.amount.plus(b.subtotal.amount);
  }

  /** TAX/DISCOUNT by their detailed breakdowns; what they do not explain goes to ITEM. */
  private addDetailed(b: Breakdown, add: (subtype: string, value: string) => void): void {
    let explained = new Big(0);
    for (const d of b.detailedBreakdowns ?? []) {
      if (!d.value) continue;
      add(d.subtype ?? 'ITEM', d.value.amount);
      explained = explained.plus(d.value.amount);
    }
    const rest = new Big(b.subtotal.amount).minus(explained);
    if (rest.eq(0)) return;
    if ((b.detailedBreakdowns ?? []).length > 0) {
      this.warn(`${b.type} details leave ${rest.toString()} of the subtotal unexplained; counted on the item`);
    }
    add('ITEM', rest.toString());
  }

  private addTax(subtype: string, value: string): void {
    if (subtype === 'DISCOUNT') {
      this.discountTax = this.discountTax.plus(new Big(value).abs());
      this.discountTaxDecimals = Math.max(this.discountTaxDecimals, decimalsOf(value));
      return;
    }
    const component = COMPONENT[subtype];
    if (!component) this.warn(`unknown TAX subtype "${subtype}" counted as tax on other`);
    const part = this.parts[component ?? 'other'];
    part.tax = part.tax.plus(value);
  }

  private addDiscount(subtype: string, value: string): void {
    const discount = DISCOUNT[subtype];
    if (!discount) this.warn(`unknown DISCOUNT subtype "${subtype}" counted as promotion discount`);
    const part = this.discounts[discount ?? 'promotion'];
    part.amount = part.amount.plus(new Big(value).abs());
  }

  /** Tax on discounts, shared by the discounts in proportion to their amounts; the rest to the largest. */
  shareDiscountTax(): void {
    if (this.discountTax.eq(0)) return;
    const entries = Object.values(this.discounts);
    const total = entries.reduce((sum, d) => sum.plus(d.amount), new Big(0));
    if (total.eq(0)) {
      this.discounts.promotion.tax = this.discountTax;
      return;
    }
    const largest = entries.reduce((a, b) => (b.amount.gt(a.amount) ? b : a));
    let given = new Big(0);
    for (const d of entries) {
      if (d === largest) continue;
      d.tax = this.discountTax.times(d.amount).div(total).round(this.discountTaxDecimals, Big.roundHalfUp);
      given = given.plus(d.tax);
    }
    largest.tax = this.discountTax.minus(given);
  }
}

/**
 * An item's proceeds breakdowns (v2026) as line totals per component: ITEM/SHIPPING/GIFT_WRAP/
 * COD_FEE/OTHER amounts, TAX by its detailed breakdowns onto the matching component, DISCOUNT as
 * non-negative amounts to subtract (ITEM → promotion, SHIPPING → shipping discount, COD_FEE → COD
 * fee discount), tax on discounts shared between them. null when Amazon sends no breakdowns.
 */
export function adaptItemMoney(item: RawItem, warnings: string[]): AmazonOrderItemMoney | null {
  const breakdowns = item.proceeds?.breakdowns;
  if (!breakdowns) return null;
  const money = new ItemMoney(item.orderItemId, warnings);
  for (const b of breakdowns) money.add(b);
  money.shareDiscountTax();
  const out = (c: Part): AmountWithTax => ({ amount: c.amount.toString(), tax: c.tax.toString() });
  const { parts, discounts } = money;
  const codDiscount = discounts.codFee;
  return {
    item: out(parts.item),
    shipping: out(parts.shipping),
    giftWrap: out(parts.giftWrap),
    codFee: out(parts.codFee),
    ...(!codDiscount.amount.eq(0) || !codDiscount.tax.eq(0) ? { codFeeDiscount: out(codDiscount) } : {}),
    other: out(parts.other),
    promotionDiscount: out(discounts.promotion),
    shippingDiscount: out(discounts.shipping),
  };
}

function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot === -1 ? 0 : value.length - dot - 1;
}
