import { add, compare, div, isPositive, mul, roundTo, sub, sum, minorUnits } from '../../domain/money.js';
import type { OrderTotals, TaxLineRecord, TransactionRecord } from './shop-model.js';

/**
 * Shopify's arithmetic on what orderCreate was sent (no tax engine: the tax lines are taken as given).
 * Tax-exclusive: total = Σ price×qty + shipping + Σ tax. Tax-inclusive: prices already contain the
 * tax, so total = Σ price×qty + shipping and the tax lines only say how much of it is tax.
 */
export function orderTotals(input: {
  lines: readonly { unitPrice: string; quantity: number; taxLines: readonly TaxLineRecord[] }[];
  shipping: readonly { price: string; taxLines: readonly TaxLineRecord[] }[];
  orderTaxLines: readonly TaxLineRecord[];
  taxesIncluded: boolean;
}): OrderTotals {
  const subtotal = sum(input.lines.map((l) => mul(l.unitPrice, String(l.quantity))));
  const shipping = sum(input.shipping.map((s) => s.price));
  const tax = sum([
    ...input.lines.flatMap((l) => l.taxLines.map((t) => t.amount)),
    ...input.shipping.flatMap((s) => s.taxLines.map((t) => t.amount)),
    ...input.orderTaxLines.map((t) => t.amount),
  ]);
  const total = input.taxesIncluded ? add(subtotal, shipping) : sum([subtotal, shipping, tax]);
  return { subtotal, shipping, tax, total };
}

/**
 * A tax line sent without `priceSet`: Shopify derives the amount from the rate (UNVERIFIED; the
 * connector always sends amounts). Rounded to the currency's minor unit.
 */
export function taxFromRate(base: string, rate: string, taxesIncluded: boolean, currency: string): string {
  const dp = minorUnits(currency);
  if (!taxesIncluded) return roundTo(mul(base, rate), dp);
  return roundTo(sub(base, div(base, add('1', rate))), dp);
}

/** displayFinancialStatus from the transactions (successful SALE/CAPTURE minus REFUND vs total). */
export function financialStatus(
  transactions: readonly TransactionRecord[],
  total: string,
  requested: string | null,
): string {
  const ok = transactions.filter((t) => t.status === 'SUCCESS');
  const paid = sub(
    sum(ok.filter((t) => t.kind === 'SALE' || t.kind === 'CAPTURE').map((t) => t.amount)),
    sum(ok.filter((t) => t.kind === 'REFUND').map((t) => t.amount)),
  );
  if (isPositive(paid)) return compare(paid, total) >= 0 ? 'PAID' : 'PARTIALLY_PAID';
  if (ok.some((t) => t.kind === 'AUTHORIZATION')) return 'AUTHORIZED';
  return requested ?? 'PENDING';
}
