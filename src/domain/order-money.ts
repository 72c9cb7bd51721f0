import type { AmazonOrder } from './amazon-order.js';
import { makeLine, type MoneyLine } from './money-line.js';
import {
  abs,
  compare,
  equals,
  isZero,
  minorUnits,
  mul,
  neg,
  parseDecimal,
  roundTo,
  smallestUnit,
  sub,
  sum,
} from './money.js';
import { buildItemLines, type MoneyOptions } from './order-money-items.js';

export type { MoneyLine, MoneyLineKind } from './money-line.js';
export type { MoneyOptions } from './order-money-items.js';

export interface OrderMoneyTotals {
  net: string;
  tax: string;
  gross: string;
  excludedTax: string;
  /** Amount of the adjustment line ("0.00" when none was needed). */
  adjustment: string;
  amazonTotal: string | null;
}

export interface OrderMoney {
  currency: string | null;
  lines: MoneyLine[];
  totals: OrderMoneyTotals;
  warnings: string[];
}

/**
 * Turns Amazon's money into store lines per the connection's tax settings (see README.md
 * "Money rules"). Guarantee: when Amazon's total is known and every item is priced,
 * totals.gross + totals.excludedTax = amazonTotal exactly; any gap is ONE explicit adjustment line.
 * Pure; throws AppError('money_invalid_decimal') only when an adapter let a malformed amount through.
 */
export function computeOrderMoney(order: AmazonOrder, options: MoneyOptions): OrderMoney {
  const d = minorUnits(order.currency);
  const collected = collectLines(order, options, d);
  const { lines, warnings } = collected;
  const amazonTotal = order.amazonTotal === null ? null : roundTo(checked(order.amazonTotal), d);
  const totals = sumLines(lines, d, amazonTotal);
  const result = { currency: order.currency, lines, totals, warnings };
  if (amazonTotal === null) {
    if (collected.allPriced && order.items.length > 0) {
      warnings.push("Amazon sent no order total: the store total can't be checked.");
    }
    return result;
  }
  // Unpriced (Pending) items make any comparison meaningless: no adjustment until Amazon prices them.
  if (!collected.allPriced) return result;
  const difference = roundTo(sub(sub(amazonTotal, totals.excludedTax), totals.gross), d);
  if (isZero(difference)) return result;
  // Rounding can cost at most one minor unit per line; more than that means something else.
  if (compare(abs(difference), mul(smallestUnit(d), String(lines.length))) > 0) {
    warnings.push(explainDifference(difference, sum(collected.amazonTax), options, amazonTotal, totals.gross));
  }
  lines.push(adjustmentLine(difference, amazonTotal, d));
  return { ...result, totals: sumLines(lines, d, amazonTotal, difference) };
}

function collectLines(order: AmazonOrder, options: MoneyOptions, d: number) {
  const out = { lines: [] as MoneyLine[], warnings: [] as string[], amazonTax: [] as string[], allPriced: true };
  for (const item of order.items) {
    const built = buildItemLines(order, item, options, d);
    out.lines.push(...built.lines);
    out.warnings.push(...built.warnings);
    out.amazonTax.push(...built.amazonTax);
    out.allPriced &&= built.priced;
  }
  if (order.currency === null && out.lines.some((l) => !isZero(l.lineGross))) {
    out.warnings.push('Amazon sent no currency for this order: amounts are rounded to 2 decimals.');
  }
  return out;
}

/** The one explicit line that closes the gap to Amazon's total. No tax rate: it is not a taxed sale. */
function adjustmentLine(difference: string, amazonTotal: string, d: number): MoneyLine {
  const zero = roundTo('0', d);
  const money = { net: difference, tax: zero, gross: difference, excluded: zero };
  const description = `Adjustment to Amazon's total ${amazonTotal}`;
  return { ...makeLine({ kind: 'adjustment', orderItemId: null, description, quantity: 1, money }, d), taxRate: null };
}

function checked(value: string): string {
  const parsed = parseDecimal(value);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function sumLines(lines: MoneyLine[], d: number, amazonTotal: string | null, adjustment = '0'): OrderMoneyTotals {
  return {
    net: roundTo(sum(lines.map((l) => l.lineNet)), d),
    tax: roundTo(sum(lines.map((l) => l.lineTax)), d),
    gross: roundTo(sum(lines.map((l) => l.lineGross)), d),
    excludedTax: roundTo(sum(lines.map((l) => l.excludedTax)), d),
    adjustment: roundTo(adjustment, d),
    amazonTotal,
  };
}

/** Names the most likely cause of a gap larger than rounding, so the merchant knows what to fix. */
function explainDifference(
  difference: string,
  amazonTax: string,
  options: MoneyOptions,
  amazonTotal: string,
  linesGross: string,
): string {
  const head = `Amazon's total ${amazonTotal} differs from the sum of the lines ${linesGross} by ${difference} (more than rounding); an adjustment line makes up the difference.`;
  if (!isZero(amazonTax) && options.taxIncluded && equals(difference, amazonTax)) {
    return `${head} The gap equals Amazon's tax: this marketplace's prices look net, so "Tax is included in prices" should probably be "no".`;
  }
  if (!isZero(amazonTax) && !options.taxIncluded && equals(difference, neg(amazonTax))) {
    return `${head} The gap equals minus Amazon's tax: this marketplace's prices look tax-inclusive, so "Tax is included in prices" should probably be "yes".`;
  }
  return `${head} The tax-included setting may not match this marketplace, or Amazon charged something OrderBridge does not know about.`;
}
