import { describe, expect, it } from 'vitest';
import { isAmazonCarrierCode } from './carrier-codes.js';
import { COMMON_CARRIERS } from './shipping-carriers.js';
import { amazonCarrierFor } from './store-carriers.js';

/** WordPress' sanitize_title (accents removed first), as the Shipment Tracking extension stores a provider name. */
const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

describe('amazonCarrierFor', () => {
  it('maps the usual carriers of Amazon.de, as stores name them, to Amazon carrier codes', () => {
    const cases: Array<[string, string]> = [
      // The Shipment Tracking extension's providers for Germany (names and the slugs it stores).
      ['DHL Intraship (DE)', 'DHL'],
      ['Deutsche Post DHL', 'Deutsche Post'],
      ['Hermes', 'Hermes'],
      ['UPS Germany', 'UPS'],
      ['DPD.de', 'DPD'],
      ['DPD', 'DPD'],
      ['DHL', 'DHL'],
      // Titles and keys stores commonly use.
      ['Deutsche Post', 'Deutsche Post'],
      ['deutsche_post', 'Deutsche Post'],
      ['GLS', 'GLS'],
      ['GLS Germany', 'GLS'],
      ['gls-de', 'GLS'],
      ['Hermes Germany', 'Hermes'],
      ['ups', 'UPS'],
      ['Warenpost', 'Deutsche Post'],
    ];
    for (const [name, code] of cases) {
      expect(amazonCarrierFor(name), name).toBe(code);
      expect(amazonCarrierFor(slug(name)), slug(name)).toBe(code);
    }
  });

  it('maps other marketplaces’ store spellings and keeps Amazon’s own codes as they are', () => {
    expect(amazonCarrierFor('DPD.co.uk')).toBe('DPD');
    expect(amazonCarrierFor('post.at')).toBe('AT Post');
    expect(amazonCarrierFor('BRT (Bartolini)')).toBe('BRT');
    expect(amazonCarrierFor('Poczta Polska')).toBe('Polish Post');
    expect(amazonCarrierFor('colis-prive')).toBe('Colis Privé');
    expect(amazonCarrierFor('fedex')).toBe('FedEx');
    expect(amazonCarrierFor('DHL US')).toBe('DHL');
    expect(amazonCarrierFor('Hermes Logistik Gruppe')).toBe('Hermes Logistik Gruppe');
    expect(amazonCarrierFor('DPD Local')).toBe('DPD Local');
    for (const [country, carriers] of Object.entries(COMMON_CARRIERS)) {
      for (const code of carriers) {
        expect(amazonCarrierFor(code), `${country} ${code}`).toBe(code);
        expect(isAmazonCarrierCode(amazonCarrierFor(slug(code)) ?? ''), `${country} ${slug(code)}`).toBe(true);
      }
    }
  });

  it('recognises nothing in unknown carriers or blanks (they go to Default Shipping service)', () => {
    for (const value of ['', '  ', 'speedy-parcel', 'acme', 'de', 'my own van']) {
      expect(amazonCarrierFor(value), value).toBeNull();
    }
  });
});
