/**
 * Amazon marketplaces, regions and endpoints as data (amazon/README.md §3). Currencies are not on
 * Amazon's marketplace page (taken from common knowledge). "Tax included in prices" follows
 * PRODUCT.md §5: yes on VAT marketplaces (EU, UK, AU, SG, AE, SA, EG, TR, ZA), no on US/CA/MX/BR/IN/JP
 * (PRODUCT.md puts TR under VAT-style; the Odoo table of research/order-mapping.md says no — PRODUCT.md
 * wins here).
 */
export type Region = 'NA' | 'EU' | 'FE';

export interface Marketplace {
  id: string;
  countryCode: string;
  name: string;
  region: Region;
  currency: string;
  taxIncludedDefault: boolean;
}

// id, country code as Amazon lists it, domain, region, currency, tax included
const ROWS: ReadonlyArray<[string, string, string, Region, string, boolean]> = [
  ['A2EUQ1WTGCTBG2', 'CA', 'Amazon.ca', 'NA', 'CAD', false],
  ['ATVPDKIKX0DER', 'US', 'Amazon.com', 'NA', 'USD', false],
  ['A1AM78C64UM0Y8', 'MX', 'Amazon.com.mx', 'NA', 'MXN', false],
  ['A2Q3Y263D00KWC', 'BR', 'Amazon.com.br', 'NA', 'BRL', false],
  ['A28R8C7NBKEWEA', 'IE', 'Amazon.ie', 'EU', 'EUR', true],
  ['A1RKKUPIHCS9HS', 'ES', 'Amazon.es', 'EU', 'EUR', true],
  ['A1F83G8C2ARO7P', 'UK', 'Amazon.co.uk', 'EU', 'GBP', true],
  ['A13V1IB3VIYZZH', 'FR', 'Amazon.fr', 'EU', 'EUR', true],
  ['AMEN7PMS3EDWL', 'BE', 'Amazon.com.be', 'EU', 'EUR', true],
  ['A1805IZSGTT6HS', 'NL', 'Amazon.nl', 'EU', 'EUR', true],
  ['A1PA6795UKMFR9', 'DE', 'Amazon.de', 'EU', 'EUR', true],
  ['APJ6JRA9NG5V4', 'IT', 'Amazon.it', 'EU', 'EUR', true],
  ['A2NODRKZP88ZB9', 'SE', 'Amazon.se', 'EU', 'SEK', true],
  ['AE08WJ6YKNBMC', 'ZA', 'Amazon.co.za', 'EU', 'ZAR', true],
  ['A1C3SOZRARQ6R3', 'PL', 'Amazon.pl', 'EU', 'PLN', true],
  ['ARBP9OOSHTCHU', 'EG', 'Amazon.eg', 'EU', 'EGP', true],
  ['A33AVAJ2PDY3EV', 'TR', 'Amazon.com.tr', 'EU', 'TRY', true],
  ['A17E79C6D8DWNP', 'SA', 'Amazon.sa', 'EU', 'SAR', true],
  ['A2VIGQ35RCS4UG', 'AE', 'Amazon.ae', 'EU', 'AED', true],
  ['A21TJRUUN4KGV', 'IN', 'Amazon.in', 'EU', 'INR', false],
  ['A19VAU5U5O7RUS', 'SG', 'Amazon.sg', 'FE', 'SGD', true],
  ['A39IBJ37TRP1C6', 'AU', 'Amazon.com.au', 'FE', 'AUD', true],
  ['A1VC38T7YXB528', 'JP', 'Amazon.co.jp', 'FE', 'JPY', false],
];

export const MARKETPLACES: readonly Marketplace[] = ROWS.map(
  ([id, countryCode, name, region, currency, taxIncludedDefault]) => ({
    id,
    countryCode,
    name,
    region,
    currency,
    taxIncludedDefault,
  }),
);

const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));
// Addresses use ISO GB for the UK marketplace; accept both.
const byCountry = new Map<string, Marketplace>([
  ...MARKETPLACES.map((m) => [m.countryCode, m] as const),
  ['GB', byId.get('A1F83G8C2ARO7P') as Marketplace],
]);

/** A marketplace by its id (A1PA6795UKMFR9), exactly as Amazon writes it. */
export function marketplaceById(id: string): Marketplace | null {
  return byId.get(id.trim()) ?? null;
}

/** A marketplace by country code (DE, case-insensitive; UK and ISO GB alike). */
export function marketplaceByCountryCode(code: string): Marketplace | null {
  return byCountry.get(code.trim().toUpperCase()) ?? null;
}

/** A marketplace by id or by country code, whichever the user typed. */
export function marketplaceFor(idOrCountry: string): Marketplace | null {
  return marketplaceById(idOrCountry) ?? marketplaceByCountryCode(idOrCountry);
}

/** Login with Amazon's token endpoint: one for every region (Amazon's SDKs hard-code it). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** Production SP-API hosts per region (amazon/README.md §3). */
export const SP_API_HOSTS: Readonly<Record<Region, string>> = {
  NA: 'https://sellingpartnerapi-na.amazon.com',
  EU: 'https://sellingpartnerapi-eu.amazon.com',
  FE: 'https://sellingpartnerapi-fe.amazon.com',
};

/** Amazon's static/dynamic sandbox hosts: the production host with a `sandbox.` prefix. */
export const SP_API_SANDBOX_HOSTS: Readonly<Record<Region, string>> = {
  NA: 'https://sandbox.sellingpartnerapi-na.amazon.com',
  EU: 'https://sandbox.sellingpartnerapi-eu.amazon.com',
  FE: 'https://sandbox.sellingpartnerapi-fe.amazon.com',
};

/** Production endpoints of a region, or Amazon's sandbox endpoints with `amazonSandbox`. */
export function regionEndpoints(
  region: Region,
  options: { amazonSandbox?: boolean } = {},
): { spApiBaseUrl: string; lwaUrl: string } {
  return {
    spApiBaseUrl: (options.amazonSandbox ? SP_API_SANDBOX_HOSTS : SP_API_HOSTS)[region],
    lwaUrl: LWA_TOKEN_URL,
  };
}

/** The region an SP-API base URL belongs to, when it is one of Amazon's hosts (null for others). */
export function regionOfSpApiUrl(url: string): { region: Region; amazonSandbox: boolean } | null {
  let host: string;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
  for (const region of ['NA', 'EU', 'FE'] as const) {
    if (host === new URL(SP_API_HOSTS[region]).host) return { region, amazonSandbox: false };
    if (host === new URL(SP_API_SANDBOX_HOSTS[region]).host) return { region, amazonSandbox: true };
  }
  return null;
}
