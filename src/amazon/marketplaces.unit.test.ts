import { describe, expect, it } from 'vitest';
import {
  LWA_TOKEN_URL,
  MARKETPLACES,
  marketplaceByCountryCode,
  marketplaceById,
  marketplaceFor,
  regionEndpoints,
  regionOfSpApiUrl,
} from './marketplaces.js';

describe('marketplaces', () => {
  it('knows every marketplace by id and by country code (UK and GB alike)', () => {
    expect(MARKETPLACES).toHaveLength(23);
    expect(marketplaceFor('A1PA6795UKMFR9')?.countryCode).toBe('DE');
    expect(marketplaceFor('de')?.id).toBe('A1PA6795UKMFR9');
    expect(marketplaceFor('GB')?.id).toBe('A1F83G8C2ARO7P');
    expect(marketplaceFor('XX')).toBeNull();
  });

  it('defaults "Tax is included in Prices" per marketplace (PRODUCT.md §5)', () => {
    const included = MARKETPLACES.filter((m) => m.taxIncludedDefault)
      .map((m) => m.countryCode)
      .sort();
    const excluded = MARKETPLACES.filter((m) => !m.taxIncludedDefault)
      .map((m) => m.countryCode)
      .sort();
    expect(excluded).toEqual(['BR', 'CA', 'IN', 'JP', 'MX', 'US']);
    for (const c of ['AE', 'AU', 'DE', 'EG', 'FR', 'SA', 'SG', 'TR', 'UK']) expect(included).toContain(c);
  });

  it("gives each region's production and Amazon-sandbox endpoints", () => {
    expect(regionEndpoints('EU')).toEqual({
      spApiBaseUrl: 'https://sellingpartnerapi-eu.amazon.com',
      lwaUrl: 'https://api.amazon.com/auth/o2/token',
    });
    expect(regionEndpoints('FE', { amazonSandbox: true }).spApiBaseUrl).toBe(
      'https://sandbox.sellingpartnerapi-fe.amazon.com',
    );
    expect(marketplaceFor('JP')?.region).toBe('FE');
  });

  it('looks up by id and by country code separately; every row is consistent', () => {
    expect(marketplaceById('A1VC38T7YXB528')).toMatchObject({ countryCode: 'JP', region: 'FE', currency: 'JPY' });
    expect(marketplaceById('JP')).toBeNull();
    expect(marketplaceByCountryCode('uk')?.currency).toBe('GBP');
    expect(marketplaceByCountryCode('A1VC38T7YXB528')).toBeNull();
    expect(new Set(MARKETPLACES.map((m) => m.id)).size).toBe(23);
    expect(MARKETPLACES.filter((m) => m.region === 'NA').map((m) => m.countryCode)).toEqual(['CA', 'US', 'MX', 'BR']);
    expect(MARKETPLACES.filter((m) => m.region === 'FE').map((m) => m.countryCode)).toEqual(['SG', 'AU', 'JP']);
    expect(marketplaceFor('IN')).toMatchObject({ region: 'EU', taxIncludedDefault: false });
    for (const m of MARKETPLACES) expect(m.currency).toMatch(/^[A-Z]{3}$/);
  });

  it('tells the region of an SP-API URL (production or Amazon sandbox), null for others', () => {
    expect(regionOfSpApiUrl('https://sellingpartnerapi-na.amazon.com')).toEqual({ region: 'NA', amazonSandbox: false });
    expect(regionOfSpApiUrl('https://sandbox.sellingpartnerapi-eu.amazon.com/')).toEqual({
      region: 'EU',
      amazonSandbox: true,
    });
    expect(regionOfSpApiUrl('http://127.0.0.1:3001')).toBeNull();
    expect(regionOfSpApiUrl('not a url')).toBeNull();
    expect(LWA_TOKEN_URL).toBe('https://api.amazon.com/auth/o2/token');
    expect(regionEndpoints('NA', { amazonSandbox: true }).lwaUrl).toBe(LWA_TOKEN_URL);
  });
});
