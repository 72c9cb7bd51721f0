import { describe, expect, it } from 'vitest';
import { MARKETPLACES, marketplaceFor, regionEndpoints } from './marketplaces.js';

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
});
