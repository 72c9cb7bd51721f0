import BigJs from 'big.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';

/**
 * The only place with decimal arithmetic. Amounts are plain decimal strings ("12.30", "-0.5");
 * every operation goes through big.js, never through JS numbers (0.1 + 0.2 must stay 0.3).
 */
export interface Money {
  amount: string;
  currency: string;
}

/** Own constructor so other big.js users cannot change our settings; strict = no JS numbers in. */
const Big = BigJs();
/** Decimals of a quotient nobody asked a precision for (intermediate results). */
const DEFAULT_DP = 30;
Big.DP = DEFAULT_DP;
Big.RM = Big.roundHalfUp;
Big.strict = true;
type Dec = BigJs.Big;

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

const isPlainDecimal = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 60 && PLAIN_DECIMAL.test(value);

/** Accepts only plain decimal strings: no exponent, no spaces, no "+", no thousands separators, no ".5". */
export function parseDecimal(value: unknown): Result<string> {
  return isPlainDecimal(value) ? ok(value) : err(invalidDecimal(value));
}

function invalidDecimal(value: unknown): AppError {
  const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : String(value);
  return new AppError(
    'money_invalid_decimal',
    `${shown} is not a plain decimal amount (expected e.g. "12.30" or "-5")`,
    {
      kind: 'invalid',
      details: { value: typeof value === 'string' ? value.slice(0, 60) : typeof value },
    },
  );
}

// Every amount of every imported order passes here: no Result object, no parse of a '0' to compare.
function big(value: string): Dec {
  if (isPlainDecimal(value)) return new Big(value);
  throw invalidDecimal(value);
}

/** Plain notation, never "-0" and never an exponent. */
function str(value: Dec, decimals?: number): string {
  const out = decimals === undefined ? value.toFixed() : value.toFixed(decimals);
  return zero(value) && out.startsWith('-') ? out.slice(1) : out;
}

/** big.js keeps its digits without leading zeros: [0] is zero (either sign), nothing else. */
const zero = (value: Dec): boolean => value.c[0] === 0;

export const add = (a: string, b: string): string => str(big(a).plus(big(b)));
export const sub = (a: string, b: string): string => str(big(a).minus(big(b)));
export const mul = (a: string, b: string): string => str(big(a).times(big(b)));
export const neg = (a: string): string => str(big(a).neg());
export const abs = (a: string): string => str(big(a).abs());
export const isZero = (a: string): boolean => zero(big(a));
export const isNegative = (a: string): boolean => sign(big(a)) < 0;
export const isPositive = (a: string): boolean => sign(big(a)) > 0;

const sign = (value: Dec): number => (zero(value) ? 0 : value.s);
export const compare = (a: string, b: string): -1 | 0 | 1 => big(a).cmp(big(b));
export const equals = (a: string, b: string): boolean => big(a).eq(big(b));

export function sum(values: readonly string[]): string {
  let total = new Big('0');
  for (const v of values) total = total.plus(big(v));
  return str(total);
}

function divisor(b: string): Dec {
  const d = big(b);
  if (zero(d)) throw new AppError('money_division_by_zero', 'Division by zero', { kind: 'internal', retryable: false });
  return d;
}

/** a ÷ b rounded half-up to `decimals` places (default 10). Throws on b = 0: callers check first. */
export function div(a: string, b: string, decimals = 10): string {
  return str(quotientTo(big(a), divisor(b), decimals), decimals);
}

/**
 * a ÷ b rounded half-up to `decimals` places in one step: big.js rounds the quotient by its
 * remainder, so this is the exact quotient correctly rounded, without first computing 30 decimals.
 */
function quotientTo(a: Dec, b: Dec, decimals: number): Dec {
  Big.DP = decimals;
  try {
    return a.div(b);
  } finally {
    Big.DP = DEFAULT_DP;
  }
}

/**
 * a ÷ b with as many decimals as needed up to `maxDecimals`, never fewer than `minDecimals`:
 * 100.00 ÷ 2 → "50.00", 10.00 ÷ 8 → "1.25", 10.00 ÷ 3 → "3.3333" (max 4).
 */
export function quotient(a: string, b: string, minDecimals: number, maxDecimals: number): string {
  const rounded = quotientTo(big(a), divisor(b), maxDecimals);
  const decimalsUsed = Math.max(0, rounded.c.length - rounded.e - 1);
  return str(rounded, Math.max(minDecimals, Math.min(decimalsUsed, maxDecimals)));
}

/**
 * Rounds to `decimals` places, half-up: a half goes away from zero (2.345 → 2.35, -2.345 → -2.35).
 * Symmetric on purpose, so a discount line rounds exactly like the charge it mirrors. Always
 * prints exactly `decimals` places.
 */
export function roundTo(amount: string, decimals: number): string {
  return str(big(amount).round(decimals, Big.roundHalfUp), decimals);
}

/** ISO 4217 minor units; every currency not listed has 2. */
// prettier-ignore
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function minorUnits(currency: string | null): number {
  if (currency === null) return 2;
  return MINOR_UNITS[currency.toUpperCase()] ?? 2;
}

/** One minor unit with `decimals` places: 2 → "0.01", 0 → "1", 3 → "0.001". */
export function smallestUnit(decimals: number): string {
  return decimals <= 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
}

/** Money rounded to its currency's minor units. */
export function toMoney(amount: string, currency: string): Money {
  return { amount: roundTo(amount, minorUnits(currency)), currency };
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency === b.currency) return a.currency;
  throw new AppError('money_currency_mismatch', `Cannot combine ${a.currency} with ${b.currency}`, {
    kind: 'internal',
    retryable: false,
  });
}

export const addMoney = (a: Money, b: Money): Money => ({
  amount: add(a.amount, b.amount),
  currency: sameCurrency(a, b),
});
export const subMoney = (a: Money, b: Money): Money => ({
  amount: sub(a.amount, b.amount),
  currency: sameCurrency(a, b),
});

/** Integer part of a ÷ b for non-negative integers, exact (corrects big.js' DP rounding). */
function intDiv(a: Dec, b: Dec): Dec {
  let q = a.div(b).round(0, Big.roundDown);
  while (q.times(b).gt(a)) q = q.minus('1');
  while (q.plus('1').times(b).lte(a)) q = q.plus('1');
  return q;
}

/**
 * Splits `total` into parts proportional to `weights` that add up to exactly `total` (largest
 * remainder method; ties go to the earlier part). `total` must already have at most `decimals`
 * places. All-zero weights split evenly.
 */
export function allocate(total: string, weights: readonly string[], decimals = 2): string[] {
  const invalid = (why: string): AppError =>
    new AppError('money_invalid_allocation', `Cannot allocate ${total}: ${why}`, {
      kind: 'internal',
      retryable: false,
    });
  if (weights.length === 0) throw invalid('no parts');
  const ws = weights.map(big);
  if (ws.some((w) => w.lt('0'))) throw invalid('negative weight');
  const scale = new Big('10').pow(decimals);
  const t = big(total);
  const units = t.abs().times(scale);
  if (!units.eq(units.round(0, Big.roundDown))) throw invalid(`more than ${decimals} decimals`);
  const weightSum = ws.reduce((s, w) => s.plus(w), new Big('0'));
  const effective = weightSum.eq('0') ? ws.map(() => new Big('1')) : ws;
  const wSum = weightSum.eq('0') ? new Big(String(ws.length)) : weightSum;
  const floors = effective.map((w) => intDiv(units.times(w), wSum));
  const remainders = effective.map((w, i) => units.times(w).minus((floors[i] as Dec).times(wSum)));
  let left = units.minus(floors.reduce((s, f) => s.plus(f), new Big('0')));
  const order = remainders.map((r, i) => ({ r, i })).sort((x, y) => y.r.cmp(x.r) || x.i - y.i);
  for (const { i } of order) {
    if (left.lte('0')) break;
    floors[i] = (floors[i] as Dec).plus('1');
    left = left.minus('1');
  }
  const sign = t.lt('0') ? -1 : 1;
  return floors.map((f) => str((sign < 0 ? f.neg() : f).div(scale), decimals));
}
