import Big from 'big.js';
import type { AmazonOrderItemMoney, AmountWithTax } from '../domain/amazon-order.js';
import type { RawItem } from './order-schema.js';

type Component = 'item' | 'shipping' | 'giftWrap' | 'codFee' | 'other';
const BY_TYPE: Record<string, Component> = {
  ITEM: 'item',
  SHIPPING: 'shipping',
  GIFT_WRAP: 'giftWrap',
  COD_FEE: 'codFee',
  OTHER: 'other',
};

const zero = (): { amount: Big; tax: Big } => ({ amount: new Big(0), tax: new Big(0) });

/**
 * An item's proceeds breakdowns (v2026) as line totals per component. TAX and DISCOUNT are split by
 * their detailed breakdowns (all to ITEM when Amazon gives none); discounts become positive amounts
 * to subtract; tax on discounts is shared between item and shipping discount by amount.
 */
export function adaptItemMoney(item: RawItem, warnings: string[]): AmazonOrderItemMoney | null {
  const breakdowns = item.proceeds?.breakdowns;
  if (!breakdowns) return null;
  const parts: Record<Component, { amount: Big; tax: Big }> = {
    item: zero(),
    shipping: zero(),
    giftWrap: zero(),
    codFee: zero(),
    other: zero(),
  };
  const promo = zero();
  const shipDiscount = zero();
  let discountTax = new Big(0);
  for (const b of breakdowns) {
    const details = b.detailedBreakdowns?.filter((d) => d.value) ?? [];
    if (b.type === 'TAX') {
      if (details.length === 0) parts.item.tax = parts.item.tax.plus(b.subtotal.amount);
      for (const d of details) {
        const amount = new Big(d.value?.amount ?? '0');
        if (d.subtype === 'DISCOUNT') discountTax = discountTax.plus(amount.abs());
        else {
          const target = parts[BY_TYPE[d.subtype ?? 'ITEM'] ?? 'other'];
          target.tax = target.tax.plus(amount);
        }
      }
    } else if (b.type === 'DISCOUNT') {
      if (details.length === 0) promo.amount = promo.amount.plus(new Big(b.subtotal.amount).abs());
      for (const d of details) {
        const target = d.subtype === 'SHIPPING' ? shipDiscount : promo;
        target.amount = target.amount.plus(new Big(d.value?.amount ?? '0').abs());
      }
    } else {
      const component = BY_TYPE[b.type];
      if (!component) warnings.push(`item ${item.orderItemId}: unknown proceeds type "${b.type}" counted as other`);
      const target = parts[component ?? 'other'];
      target.amount = target.amount.plus(b.subtotal.amount);
    }
  }
  shareDiscountTax(discountTax, promo, shipDiscount);
  const out = (c: { amount: Big; tax: Big }): AmountWithTax => ({ amount: c.amount.toString(), tax: c.tax.toString() });
  return {
    item: out(parts.item),
    shipping: out(parts.shipping),
    giftWrap: out(parts.giftWrap),
    codFee: out(parts.codFee),
    other: out(parts.other),
    promotionDiscount: out(promo),
    shippingDiscount: out(shipDiscount),
  };
}

/** Tax on discounts goes to the two discounts in proportion to their amounts; the remainder to the larger. */
function shareDiscountTax(tax: Big, promo: { amount: Big; tax: Big }, ship: { amount: Big; tax: Big }): void {
  if (tax.eq(0)) return;
  const total = promo.amount.plus(ship.amount);
  if (total.eq(0)) {
    promo.tax = tax;
    return;
  }
  const decimals = Math.max(decimalsOf(tax), 2);
  const shipShare = tax.times(ship.amount).div(total).round(decimals, Big.roundHalfUp);
  const larger = promo.amount.gte(ship.amount) ? promo : ship;
  ship.tax = shipShare;
  promo.tax = tax.minus(shipShare);
  if (larger === ship && promo.amount.eq(0)) {
    ship.tax = tax;
    promo.tax = new Big(0);
  }
}

function decimalsOf(value: Big): number {
  const text = value.toString();
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
