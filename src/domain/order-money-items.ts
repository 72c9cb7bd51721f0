import type { AmazonOrder, AmazonOrderItem, AmazonOrderItemMoney, AmountWithTax } from './amazon-order.js';
import {
  addComponents,
  makeLine,
  negateComponent,
  splitComponent,
  type ComponentMoney,
  type MoneyLine,
  type MoneyLineKind,
  type TaxTreatment,
} from './money-line.js';
import { isZero, neg, roundTo } from './money.js';

export interface MoneyOptions {
  taxIncluded: boolean;
  ignoreAmazonTax: boolean;
  facilitatorTax: 'keep' | 'drop';
}

/**
 * Amazon's item money, plus the COD fee discount (v0 `CODFeeDiscount`, v2026 DISCOUNT/COD_FEE) that
 * `AmazonOrderItemMoney` has no field for yet. Read when an adapter sends it; else the adapter is
 * expected to have netted it into `codFee`.
 */
export type ItemMoneyInput = AmazonOrderItemMoney & { codFeeDiscount?: AmountWithTax };

export interface ItemLines {
  lines: MoneyLine[];
  warnings: string[];
  priced: boolean;
  /** Every tax Amazon reported for this item, signed (used to explain a total mismatch). */
  amazonTax: string[];
}

const hasMoney = (c: AmountWithTax): boolean => !isZero(c.amount) || !isZero(c.tax);

function itemLabel(item: AmazonOrderItem): string {
  return item.title ?? item.sellerSku ?? item.asin ?? item.orderItemId;
}

/** Amazon withholds prices while an order is Pending: the item is listed at zero, marked unpriced. */
function unpricedLines(item: AmazonOrderItem, label: string, d: number): ItemLines {
  const zero = roundTo('0', d);
  const money = { net: zero, tax: zero, gross: zero, excluded: zero };
  const line = {
    kind: 'item' as const,
    orderItemId: item.orderItemId,
    description: label,
    quantity: item.quantityOrdered,
  };
  return {
    lines: [makeLine({ ...line, money }, d)],
    warnings: [
      `Item ${item.orderItemId} (${label}) is not priced yet (Amazon withholds prices while Pending): written at zero.`,
    ],
    priced: false,
    amazonTax: [],
  };
}

/** The store-side lines of one Amazon item: the item, then its discounts and charges. */
export function buildItemLines(order: AmazonOrder, item: AmazonOrderItem, options: MoneyOptions, d: number): ItemLines {
  const label = itemLabel(item);
  if (item.money === null) return unpricedLines(item, label, d);
  const m = item.money as ItemMoneyInput;
  const treatment: TaxTreatment = {
    taxIncluded: options.taxIncluded,
    ignoreAmazonTax: options.ignoreAmazonTax,
    excludeTax: order.isReplacement || (item.taxCollectedByAmazon && options.facilitatorTax === 'drop'),
  };
  const split = (c: AmountWithTax): ComponentMoney => splitComponent(c.amount, c.tax, treatment, d);
  const out: ItemLines = { lines: [], warnings: [], priced: true, amazonTax: [] };
  const push = (kind: MoneyLineKind, description: string, money: ComponentMoney, quantity = 1): void => {
    out.lines.push(makeLine({ kind, orderItemId: item.orderItemId, description, quantity, money }, d));
  };
  const charge = (kind: MoneyLineKind, c: AmountWithTax, description: string, sign: 1 | -1 = 1): void => {
    out.amazonTax.push(sign === 1 ? c.tax : neg(c.tax));
    if (hasMoney(c)) push(kind, description, sign === 1 ? split(c) : negateComponent(split(c), d));
  };

  out.amazonTax.push(m.item.tax);
  push('item', label, split(m.item), item.quantityOrdered);
  if (item.quantityOrdered === 0) {
    out.warnings.push(`Item ${item.orderItemId} (${label}) has quantity 0: amounts kept, unit price 0.`);
  }
  const promoIds = item.promotionIds.length > 0 ? ` ${item.promotionIds.join(', ')}` : '';
  charge('promotion', m.promotionDiscount, `Promotion${promoIds} – ${label}`, -1);
  const service = order.serviceLevel ? ` (${order.serviceLevel})` : '';
  charge('shipping', m.shipping, `Shipping${service} – ${label}`);
  charge('shipping_discount', m.shippingDiscount, `Shipping discount – ${label}`, -1);
  charge('gift_wrap', m.giftWrap, `Gift wrap${item.giftWrapLevel ? ` (${item.giftWrapLevel})` : ''} – ${label}`);
  const cod = codFee(m, split, d, label);
  if (cod) {
    out.amazonTax.push(...cod.amazonTax);
    push('cod_fee', cod.description, cod.money);
  }
  charge('other', m.other, `Other charge – ${label}`);
  if (treatment.excludeTax && out.amazonTax.some((t) => !isZero(t))) {
    const why = order.isReplacement ? 'replacement order' : 'tax collected and remitted by Amazon';
    out.warnings.push(`Item ${item.orderItemId} (${label}): tax not carried on the store order (${why}).`);
  }
  return out;
}

/** COD fee and its discount become ONE cod_fee line (fee − discount), never silently dropped. */
function codFee(
  m: ItemMoneyInput,
  split: (c: AmountWithTax) => ComponentMoney,
  d: number,
  label: string,
): { money: ComponentMoney; description: string; amazonTax: string[] } | null {
  const discount = m.codFeeDiscount;
  if (discount === undefined || !hasMoney(discount)) {
    if (!hasMoney(m.codFee)) return null;
    return { money: split(m.codFee), description: `Cash on delivery fee – ${label}`, amazonTax: [m.codFee.tax] };
  }
  return {
    money: addComponents(split(m.codFee), negateComponent(split(discount), d), d),
    description: `Cash on delivery fee ${m.codFee.amount} less discount ${discount.amount} – ${label}`,
    amazonTax: [m.codFee.tax, neg(discount.tax)],
  };
}
