/**
 * Marketplaces the generator sells in. Tax-inclusive marketplaces (EU, UK) quote gross prices with VAT
 * inside; tax-exclusive ones (US, CA, JP, IN) quote net prices with tax on top (README of this folder).
 * Currencies are not on Amazon's marketplace page (reference README §3): common knowledge.
 */
export interface MarketplaceInfo {
  id: string;
  /** ISO 3166-1 alpha-2 of addresses in this marketplace (UK → GB). */
  country: string;
  name: string;
  currency: string;
  region: 'NA' | 'EU' | 'FE';
  taxInclusive: boolean;
  /** VAT (inclusive) or default sales tax (exclusive) rate as a decimal string. */
  taxRate: string;
  /** Share of generated orders when no marketplace is given. */
  weight: number;
  /** First block of order ids (Amazon's ids start with a marketplace-ish prefix). */
  orderIdPrefixes: readonly string[];
  /** Cash on delivery is offered (JP/IN style), with this fee per order. */
  codFee: string | null;
}

type Row = [string, string, string, string, MarketplaceInfo['region'], boolean, string, number, string, string | null];

const EU_PREFIXES = '402 403 404 405 406 407 408';
// id, country, name, currency, region, taxInclusive, taxRate, weight, order id prefixes, COD fee
const ROWS: readonly Row[] = [
  ['ATVPDKIKX0DER', 'US', 'Amazon.com', 'USD', 'NA', false, '0.0725', 30, '111 112 113 114', null],
  ['A2EUQ1WTGCTBG2', 'CA', 'Amazon.ca', 'CAD', 'NA', false, '0.13', 5, '701 702', null],
  ['A1VC38T7YXB528', 'JP', 'Amazon.co.jp', 'JPY', 'FE', false, '0.10', 8, '249 250 503', '330'],
  ['A21TJRUUN4KGV', 'IN', 'Amazon.in', 'INR', 'EU', false, '0.18', 3, EU_PREFIXES, '40.00'],
  ['A1F83G8C2ARO7P', 'GB', 'Amazon.co.uk', 'GBP', 'EU', true, '0.20', 12, '202 203 204 205 206', null],
  ['A1PA6795UKMFR9', 'DE', 'Amazon.de', 'EUR', 'EU', true, '0.19', 15, '302 303 304 305 306 028', null],
  ['A13V1IB3VIYZZH', 'FR', 'Amazon.fr', 'EUR', 'EU', true, '0.20', 8, EU_PREFIXES, null],
  ['APJ6JRA9NG5V4', 'IT', 'Amazon.it', 'EUR', 'EU', true, '0.22', 6, EU_PREFIXES, null],
  ['A1RKKUPIHCS9HS', 'ES', 'Amazon.es', 'EUR', 'EU', true, '0.21', 5, EU_PREFIXES, null],
  ['A1805IZSGTT6HS', 'NL', 'Amazon.nl', 'EUR', 'EU', true, '0.21', 3, EU_PREFIXES, null],
  ['AMEN7PMS3EDWL', 'BE', 'Amazon.com.be', 'EUR', 'EU', true, '0.21', 1, EU_PREFIXES, null],
  ['A2NODRKZP88ZB9', 'SE', 'Amazon.se', 'SEK', 'EU', true, '0.25', 2, EU_PREFIXES, null],
  ['A1C3SOZRARQ6R3', 'PL', 'Amazon.pl', 'PLN', 'EU', true, '0.23', 2, EU_PREFIXES, null],
];

export const MARKETPLACES: readonly MarketplaceInfo[] = ROWS.map(
  ([id, country, name, currency, region, taxInclusive, taxRate, weight, prefixes, codFee]) => ({
    id,
    country,
    name,
    currency,
    region,
    taxInclusive,
    taxRate,
    weight,
    orderIdPrefixes: prefixes.split(' '),
    codFee,
  }),
);

const BY_ID = new Map(MARKETPLACES.map((mp) => [mp.id, mp]));

/** Every marketplace id Amazon lists (reference README §3), including ones the generator does not sell in. */
export const KNOWN_MARKETPLACE_IDS: ReadonlySet<string> = new Set([
  ...MARKETPLACES.map((mp) => mp.id),
  ...'A1AM78C64UM0Y8 A2Q3Y263D00KWC A28R8C7NBKEWEA AE08WJ6YKNBMC ARBP9OOSHTCHU A33AVAJ2PDY3EV'.split(' '),
  ...'A17E79C6D8DWNP A2VIGQ35RCS4UG A19VAU5U5O7RUS A39IBJ37TRP1C6'.split(' '),
]);

export function findMarketplace(id: string): MarketplaceInfo | undefined {
  return BY_ID.get(id);
}

/** US states with a combined sales tax rate (tax-exclusive; Amazon collects as marketplace facilitator). */
export const US_STATE_TAX: readonly (readonly [string, string])[] = [
  ['WA', '0.1025'],
  ['CA', '0.0725'],
  ['NY', '0.08875'],
  ['TX', '0.0825'],
  ['FL', '0.07'],
  ['IL', '0.1025'],
  ['OR', '0'],
  ['PA', '0.06'],
  ['MA', '0.0625'],
  ['CO', '0.0881'],
];

/** Canadian provinces with their GST/HST (+PST/QST) rate. */
export const CA_PROVINCE_TAX: readonly (readonly [string, string])[] = [
  ['ON', '0.13'],
  ['QC', '0.14975'],
  ['BC', '0.12'],
  ['AB', '0.05'],
  ['NS', '0.14'],
];
