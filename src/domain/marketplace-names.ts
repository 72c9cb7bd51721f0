/**
 * Country names of the Amazon marketplaces, in English and in the local language(s), so the
 * connection wizard finds Amazon.de by "Germany" or "Deutschland" (and "Espana" without the accent).
 * Keyed by the country code as Amazon lists it (UK, not GB).
 */
export const MARKETPLACE_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  CA: ['Canada'],
  US: ['United States', 'USA', 'America'],
  MX: ['Mexico', 'México'],
  BR: ['Brazil', 'Brasil'],
  IE: ['Ireland', 'Éire'],
  ES: ['Spain', 'España'],
  UK: ['United Kingdom', 'Great Britain', 'England', 'GB'],
  FR: ['France', 'Frankreich'],
  BE: ['Belgium', 'België', 'Belgique', 'Belgien'],
  NL: ['Netherlands', 'Nederland', 'Holland'],
  DE: ['Germany', 'Deutschland'],
  IT: ['Italy', 'Italia'],
  SE: ['Sweden', 'Sverige'],
  ZA: ['South Africa'],
  PL: ['Poland', 'Polska'],
  EG: ['Egypt', 'مصر'],
  TR: ['Turkey', 'Türkiye'],
  SA: ['Saudi Arabia', 'السعودية'],
  AE: ['United Arab Emirates', 'UAE', 'الإمارات'],
  IN: ['India', 'भारत'],
  SG: ['Singapore'],
  AU: ['Australia'],
  JP: ['Japan', '日本'],
};

/** Lower case without accents: "España" → "espana", so accents are optional when typing. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Everything a marketplace is found by, folded: its domain, country code, currency and country names. */
export function marketplaceSearchTerms(m: { name: string; countryCode: string; currency: string }): string[] {
  const names = MARKETPLACE_COUNTRY_NAMES[m.countryCode] ?? [];
  return [m.name, m.countryCode, m.currency, ...names].map(foldForSearch);
}

/** Whether a typed query finds the marketplace (any term contains it; an empty query finds all). */
export function matchesMarketplace(query: string, terms: readonly string[]): boolean {
  const q = foldForSearch(query);
  return q === '' || terms.some((term) => term.includes(q));
}
