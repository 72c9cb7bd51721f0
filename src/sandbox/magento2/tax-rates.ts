import Big from 'big.js';

/**
 * The sandbox store's tax configuration (Stores › Tax Zones and Rates + Tax Rules), used only by the cart
 * flow: Magento prices a cart itself. This table is the sandbox's own choice, not Magento's default
 * (a fresh Magento has no tax rules at all). Catalogue prices exclude tax; shipping is untaxed
 * ("Tax Class for Shipping: None", Magento's default).
 */
export const SANDBOX_TAX_RATES: Readonly<Record<string, string>> = {
  DE: '19',
  AT: '20',
  FR: '20',
  IT: '22',
  ES: '21',
  NL: '21',
  BE: '21',
  PL: '23',
  SE: '25',
  GB: '20',
  US: '0',
};

/** US states with a rate (ZIP/state level, as Magento's US-CA-*-Rate 1 sample). */
const US_STATE_RATES: Readonly<Record<string, string>> = { CA: '8.25' };

export function taxPercent(countryId: string, regionCode: string | null): Big {
  if (countryId === 'US' && regionCode && US_STATE_RATES[regionCode]) return new Big(US_STATE_RATES[regionCode]);
  return new Big(SANDBOX_TAX_RATES[countryId] ?? '0');
}
