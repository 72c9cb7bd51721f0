import Big from 'big.js';
import type { Money } from '@sp-api-sdk/orders-api-2026-01-01';

/** Minor units per currency (ISO 4217); everything not listed has 2. */
const CURRENCY_DECIMALS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, CLP: 0, HUF: 2, BHD: 3, KWD: 3 };

export function currencyDecimals(currency: string): number {
  return CURRENCY_DECIMALS[currency] ?? 2;
}

/** Rounds half-up to the currency's minor unit; never returns "-0". */
export function roundToCurrency(value: Big, currency: string): Big {
  const rounded = value.round(currencyDecimals(currency), Big.roundHalfUp);
  return rounded.eq(0) ? new Big(0) : rounded;
}

export function formatAmount(value: Big, currency: string): string {
  return roundToCurrency(value, currency).toFixed(currencyDecimals(currency));
}

export function toMoney(value: Big | string, currency: string): Money {
  return { amount: formatAmount(new Big(value), currency), currencyCode: currency };
}

/** VAT contained in a gross (tax-inclusive) amount: gross × rate / (1 + rate), rounded. */
export function taxContained(gross: Big, rate: Big, currency: string): Big {
  return roundToCurrency(gross.times(rate).div(rate.plus(1)), currency);
}

/** Tax on top of a net amount: net × rate, rounded. */
export function taxOnTop(net: Big, rate: Big, currency: string): Big {
  return roundToCurrency(net.times(rate), currency);
}

export function sumBig(values: readonly Big[]): Big {
  return values.reduce((total, v) => total.plus(v), new Big(0));
}

/** Converts an integer count of minor units (cents, yen) to an amount. */
export function amountFromMinorUnits(minorUnits: number, currency: string): Big {
  return new Big(minorUnits).div(new Big(10).pow(currencyDecimals(currency)));
}
