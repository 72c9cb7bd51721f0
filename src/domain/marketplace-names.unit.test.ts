import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../amazon/marketplaces.js';
import { MARKETPLACE_COUNTRY_NAMES, marketplaceSearchTerms, matchesMarketplace } from './marketplace-names.js';

/** The marketplaces a query finds, by domain name. */
function search(query: string): string[] {
  return MARKETPLACES.filter((m) => matchesMarketplace(query, marketplaceSearchTerms(m))).map((m) => m.name);
}

describe('marketplace search by country name', () => {
  it('finds a marketplace by its English and local country name', () => {
    expect(search('Deutschland')).toEqual(['Amazon.de']);
    expect(search('germany')).toEqual(['Amazon.de']);
    expect(search('Sverige')).toEqual(['Amazon.se']);
    expect(search('Polska')).toEqual(['Amazon.pl']);
    expect(search('Nederland')).toEqual(['Amazon.nl']);
    expect(search('Italia')).toEqual(['Amazon.it']);
    expect(search('日本')).toEqual(['Amazon.co.jp']);
    expect(search('Belgique')).toEqual(['Amazon.com.be']);
    expect(search('België')).toEqual(['Amazon.com.be']);
  });

  it('makes accents optional when typing', () => {
    expect(search('Espana')).toEqual(['Amazon.es']);
    expect(search('España')).toEqual(['Amazon.es']);
    expect(search('Belgie')).toEqual(['Amazon.com.be']);
    expect(search('turkiye')).toEqual(['Amazon.com.tr']);
  });

  it('still finds by domain, country code and currency; empty finds all', () => {
    expect(search('amazon.co.uk')).toEqual(['Amazon.co.uk']);
    expect(search('SEK')).toEqual(['Amazon.se']);
    expect(search('')).toHaveLength(MARKETPLACES.length);
    expect(search('Atlantis')).toEqual([]);
  });

  it('names every marketplace', () => {
    for (const m of MARKETPLACES) expect(MARKETPLACE_COUNTRY_NAMES[m.countryCode]?.length).toBeGreaterThan(0);
  });
});
