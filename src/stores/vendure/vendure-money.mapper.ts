import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import { div, minorUnits, mul, parseDecimal, roundTo } from '../../domain/money.js';

/**
 * Vendure's Money scalar is an integer in minor units; OrderBridge uses decimal strings. Both
 * directions go through domain/money.ts (big.js), never through float arithmetic.
 */
const scale = (currency: string): string => `1${'0'.repeat(minorUnits(currency))}`;

/** "12.30" EUR → 1230; rounds half-up to the currency's minor units first. */
export function toMinor(amount: string, currency: string): Result<number> {
  const parsed = parseDecimal(amount);
  if (!parsed.ok) return parsed;
  const units = roundTo(mul(roundTo(parsed.value, minorUnits(currency)), scale(currency)), 0);
  const n = Number(units);
  if (!Number.isSafeInteger(n)) {
    return err(new AppError('vendure_amount_out_of_range', `${amount} ${currency} is too large`, { kind: 'invalid' }));
  }
  return ok(n);
}

/** 1230 EUR → "12.30"; 500 JPY → "500". */
export function fromMinor(minor: number, currency: string): string {
  return div(String(Math.trunc(minor)), scale(currency), minorUnits(currency));
}

/** A percent string ("19", "7.7") as the float Vendure's tax fields take; null → null. */
export function toTaxRate(rate: string | null): number | null {
  if (rate === null) return null;
  const parsed = parseDecimal(rate);
  return parsed.ok ? Number(roundTo(parsed.value, 4)) : null;
}
