import { abs, add, div, isNegative, isZero, mul, neg, quotient, roundTo, sub } from './money.js';

export type MoneyLineKind =
  'item' | 'shipping' | 'shipping_discount' | 'gift_wrap' | 'cod_fee' | 'other' | 'promotion' | 'adjustment';

/** One line of the store order, all amounts as decimal strings in the order's currency. */
export interface MoneyLine {
  kind: MoneyLineKind;
  orderItemId: string | null;
  description: string;
  quantity: number;
  /** Line ÷ quantity with up to 4 decimals (more than the currency has when the split is not exact). */
  unitNet: string;
  unitGross: string;
  lineNet: string;
  lineTax: string;
  lineGross: string;
  /** Percent with 4 decimals derived from this line's tax and net; null when it cannot be derived. */
  taxRate: string | null;
  /** Tax Amazon collected that the store order does not carry (facilitator / replacement / ignored net tax). */
  excludedTax: string;
}

/** How one Amazon amount + its tax becomes net / tax / gross for the store. */
export interface TaxTreatment {
  /** Amazon's amounts already contain the tax (EU/UK-style VAT marketplaces). */
  taxIncluded: boolean;
  /** The store order carries no tax from Amazon. */
  ignoreAmazonTax: boolean;
  /** The tax is not the merchant's (marketplace facilitator with policy "drop", replacement order). */
  excludeTax: boolean;
}

export interface ComponentMoney {
  net: string;
  tax: string;
  gross: string;
  excluded: string;
}

/** Most decimals a unit price gets (the line total always stays at the currency's minor units). */
export const UNIT_PRICE_MAX_DECIMALS = 4;

/**
 * Splits Amazon's line amount and its tax (both rounded to the currency's minor units) per the
 * settings. Invariant: gross + excluded = Amazon's amount (+ tax when prices are net).
 */
export function splitComponent(amount: string, tax: string, t: TaxTreatment, decimals: number): ComponentMoney {
  const a = roundTo(amount, decimals);
  const tx = roundTo(tax, decimals);
  const zero = roundTo('0', decimals);
  if (t.excludeTax) {
    // Amazon keeps this tax: the merchant's money is the net amount, the tax is only recorded.
    const net = t.taxIncluded ? roundTo(sub(a, tx), decimals) : a;
    return { net, tax: zero, gross: net, excluded: tx };
  }
  if (t.ignoreAmazonTax) {
    // Tax-included prices keep the tax inside (the buyer paid that price); net prices drop it.
    return { net: a, tax: zero, gross: a, excluded: t.taxIncluded ? zero : tx };
  }
  if (t.taxIncluded) return { net: roundTo(sub(a, tx), decimals), tax: tx, gross: a, excluded: zero };
  return { net: a, tax: tx, gross: roundTo(add(a, tx), decimals), excluded: zero };
}

export function negateComponent(c: ComponentMoney, decimals: number): ComponentMoney {
  return {
    net: roundTo(neg(c.net), decimals),
    tax: roundTo(neg(c.tax), decimals),
    gross: roundTo(neg(c.gross), decimals),
    excluded: roundTo(neg(c.excluded), decimals),
  };
}

export function addComponents(a: ComponentMoney, b: ComponentMoney, decimals: number): ComponentMoney {
  return {
    net: roundTo(add(a.net, b.net), decimals),
    tax: roundTo(add(a.tax, b.tax), decimals),
    gross: roundTo(add(a.gross, b.gross), decimals),
    excluded: roundTo(add(a.excluded, b.excluded), decimals),
  };
}

/**
 * Tax rate in percent = tax ÷ net × 100, rounded half-up to `decimals` (4 by default, 0 = whole
 * percent). null when there is no base (net 0) or when tax and net have opposite signs (tax on a
 * negative base: no meaningful rate). A discount line (both negative) gets the rate of the charge
 * it reduces. Never divides by zero.
 */
export function deriveTaxRate(tax: string, net: string, decimals = 4): string | null {
  if (isZero(net)) return null;
  if (isZero(tax)) return roundTo('0', decimals);
  if (isNegative(tax) !== isNegative(net)) return null;
  return div(mul(abs(tax), '100'), abs(net), decimals);
}

/** Unit price of a line: exact when possible, else up to 4 decimals; quantity 0 → unit 0. */
export function unitPrice(lineAmount: string, quantity: number, decimals: number): string {
  if (!Number.isInteger(quantity) || quantity <= 0) return roundTo('0', decimals);
  return quotient(lineAmount, String(quantity), decimals, Math.max(decimals, UNIT_PRICE_MAX_DECIMALS));
}

export interface LineInput {
  kind: MoneyLineKind;
  orderItemId: string | null;
  description: string;
  quantity: number;
  money: ComponentMoney;
}

export function makeLine(input: LineInput, decimals: number): MoneyLine {
  const { money } = input;
  return {
    kind: input.kind,
    orderItemId: input.orderItemId,
    description: input.description,
    quantity: input.quantity,
    unitNet: unitPrice(money.net, input.quantity, decimals),
    unitGross: unitPrice(money.gross, input.quantity, decimals),
    lineNet: money.net,
    lineTax: money.tax,
    lineGross: money.gross,
    taxRate: deriveTaxRate(money.tax, money.net),
    excludedTax: money.excluded,
  };
}
