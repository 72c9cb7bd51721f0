import { marketplaceById } from './marketplaces.js';

/**
 * Seller Central URL per marketplace (Amazon's "Seller Central URLs" table of the Website
 * authorization workflow): the consent page is `<Seller Central>/apps/authorize/consent`.
 * DE, ES, FR, IT and UK share sellercentral-europe; every other marketplace has its own host.
 */
const SELLER_CENTRAL: Readonly<Record<string, string>> = {
  US: 'https://sellercentral.amazon.com',
  CA: 'https://sellercentral.amazon.ca',
  MX: 'https://sellercentral.amazon.com.mx',
  BR: 'https://sellercentral.amazon.com.br',
  ES: 'https://sellercentral-europe.amazon.com',
  UK: 'https://sellercentral-europe.amazon.com',
  FR: 'https://sellercentral-europe.amazon.com',
  DE: 'https://sellercentral-europe.amazon.com',
  IT: 'https://sellercentral-europe.amazon.com',
  BE: 'https://sellercentral.amazon.com.be',
  NL: 'https://sellercentral.amazon.nl',
  SE: 'https://sellercentral.amazon.se',
  PL: 'https://sellercentral.amazon.pl',
  IE: 'https://sellercentral.amazon.ie',
  ZA: 'https://sellercentral.amazon.co.za',
  EG: 'https://sellercentral.amazon.eg',
  TR: 'https://sellercentral.amazon.com.tr',
  SA: 'https://sellercentral.amazon.sa',
  AE: 'https://sellercentral.amazon.ae',
  IN: 'https://sellercentral.amazon.in',
  SG: 'https://sellercentral.amazon.sg',
  AU: 'https://sellercentral.amazon.com.au',
  JP: 'https://sellercentral.amazon.co.jp',
};

/** The Seller Central base URL of a marketplace id (null for an unknown id). */
export function sellerCentralUrl(marketplaceId: string): string | null {
  const marketplace = marketplaceById(marketplaceId);
  return marketplace ? (SELLER_CENTRAL[marketplace.countryCode] ?? null) : null;
}

/** Path of the consent page on Seller Central (and on the OrderBridge Amazon sandbox). */
export const CONSENT_PATH = '/apps/authorize/consent';
