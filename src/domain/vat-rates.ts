import { add, div, isZero, mul, roundTo } from './money.js';

/**
 * VAT rates (percent) of each VAT marketplace, standard rate first, then the reduced ones. Amazon
 * sends amounts, never rates; the rate a merchant recognises is one of these. Marketplaces without
 * VAT (US, CA, MX, BR, IN, JP) are not listed: their rate is always computed from the amounts.
 */
// prettier-ignore
const VAT_RATES: Readonly<Record<string, readonly string[]>> = {
  A1PA6795UKMFR9: ['19', '7'], // DE
  A13V1IB3VIYZZH: ['20', '10', '5.5', '2.1'], // FR
  APJ6JRA9NG5V4: ['22', '10', '5', '4'], // IT
  A1RKKUPIHCS9HS: ['21', '10', '4'], // ES
  A1F83G8C2ARO7P: ['20', '5'], // UK
  A1805IZSGTT6HS: ['21', '9'], // NL
  AMEN7PMS3EDWL: ['21', '12', '6'], // BE
  A28R8C7NBKEWEA: ['23', '13.5', '9', '4.8'], // IE
  A2NODRKZP88ZB9: ['25', '12', '6'], // SE
  A1C3SOZRARQ6R3: ['23', '8', '5'], // PL
  A33AVAJ2PDY3EV: ['20', '10', '1'], // TR
  A17E79C6D8DWNP: ['15'], // SA
  A2VIGQ35RCS4UG: ['5'], // AE
  ARBP9OOSHTCHU: ['14'], // EG
  AE08WJ6YKNBMC: ['15'], // ZA
  A19VAU5U5O7RUS: ['9'], // SG
  A39IBJ37TRP1C6: ['10'], // AU
};

export function vatRatesOf(marketplaceId: string): readonly string[] {
  return VAT_RATES[marketplaceId] ?? [];
}

export function isVatMarketplace(marketplaceId: string): boolean {
  return vatRatesOf(marketplaceId).length > 0;
}

export interface LineTaxAmounts {
  marketplaceId: string;
  /** The line's amounts in the order's currency, rounded to its minor units. */
  net: string;
  tax: string;
  /** Minor units of the currency (2 for EUR, 0 for JPY). */
  decimals: number;
}

export interface DisplayedTaxRate {
  /** Percent as a decimal string: "19", "5.5", or the computed "18.97". */
  percent: string;
  /** `marketplace`: Amazon's amounts match this VAT rate to the cent; `computed`: tax ÷ net. */
  source: 'marketplace' | 'computed';
}

/** Net prices: net × r rounds to the tax. Gross prices: gross ÷ (1 + r) rounds to the net. */
function matches(line: LineTaxAmounts, percent: string): boolean {
  const rate = div(percent, '100', 6);
  if (roundTo(mul(line.net, rate), line.decimals) === roundTo(line.tax, line.decimals)) return true;
  const gross = add(line.net, line.tax);
  return roundTo(div(gross, add('1', rate), 10), line.decimals) === roundTo(line.net, line.decimals);
}

/** "18.9700" → "18.97", "19.00" → "19". */
const trimZeros = (n: string): string => (n.includes('.') ? n.replace(/0+$/, '').replace(/\.$/, '') : n);

/**
 * The tax rate to show for a line: the marketplace's standard or reduced VAT rate when the line's
 * amounts are that rate rounded to the currency's minor units (Amazon rounds per line, so 19 % of
 * 8.39 shows as 18.97 % when computed); otherwise tax ÷ net with 2 decimals. Null when the line has
 * no net amount to relate the tax to.
 */
export function displayTaxRate(line: LineTaxAmounts): DisplayedTaxRate | null {
  if (isZero(line.net)) return null;
  if (isZero(line.tax)) return { percent: '0', source: 'computed' };
  const known = vatRatesOf(line.marketplaceId).find((r) => matches(line, r));
  if (known !== undefined) return { percent: known, source: 'marketplace' };
  const computed = roundTo(div(mul(line.tax, '100'), line.net, 10), 2);
  return { percent: trimZeros(computed), source: 'computed' };
}
