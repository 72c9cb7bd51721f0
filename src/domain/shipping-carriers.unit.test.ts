import { describe, expect, it } from 'vitest';
import { isAmazonCarrierCode } from './carrier-codes.js';
import { carriersForMarketplace, COMMON_CARRIERS, OFFERED_CARRIERS } from './shipping-carriers.js';

/** Same carrier, other spelling: case, spaces, punctuation and accents ignored. */
const key = (code: string): string =>
  code
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

describe('Default Shipping service choices', () => {
  it('lists the marketplace’s common carriers first, in their order', () => {
    expect(carriersForMarketplace('DE').common).toEqual([
      'DHL',
      'Deutsche Post',
      'Hermes',
      'DPD',
      'GLS',
      'UPS',
      'FedEx',
      'Amazon Shipping',
    ]);
    expect(carriersForMarketplace('UK').common.slice(0, 2)).toEqual(['Royal Mail', 'Parcelforce']);
    expect(carriersForMarketplace('US').common.slice(0, 3)).toEqual(['USPS', 'UPS', 'FedEx']);
  });

  it('offers every carrier once: common ones are not repeated among the others, which are alphabetical', () => {
    const { common, others } = carriersForMarketplace('DE');
    const all = [...common, ...others];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(OFFERED_CARRIERS.length);
    expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('drops entries that are not carriers and second spellings of the same carrier', () => {
    for (const notCarrier of ['Other', 'Otro', 'Andere', 'Sonstige', 'HS code', 'Self Delivery', 'Target'])
      expect(OFFERED_CARRIERS).not.toContain(notCarrier);
    for (const alias of ['ROYAL_MAIL', 'COLIS PRIVE', 'DASCHER', 'Kuehne Nagel', 'Post NL', 'SAGAWA'])
      expect(OFFERED_CARRIERS).not.toContain(alias);
    const keys = OFFERED_CARRIERS.map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names only codes Amazon accepts, and every common carrier is offered', () => {
    for (const code of OFFERED_CARRIERS) expect(isAmazonCarrierCode(code)).toBe(true);
    for (const carriers of Object.values(COMMON_CARRIERS))
      for (const code of carriers) expect(OFFERED_CARRIERS).toContain(code);
  });

  it('without a known marketplace offers the full list with nothing first', () => {
    expect(carriersForMarketplace(null).common).toEqual([]);
    expect(carriersForMarketplace('XX').others).toHaveLength(OFFERED_CARRIERS.length);
  });
});
