import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import type { MarketplaceRegion } from '../../../api/types';

/** Lower case without accents, as the server folds country names: "España" → "espana". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Whether a typed query is found in any of the words (accents optional; empty finds all). */
export function findsIn(query: string, words: readonly string[]): boolean {
  const q = fold(query);
  return q === '' || words.some((w) => fold(w).includes(q));
}

/**
 * Marketplace options grouped by region, and a filter that finds each by its domain, country code,
 * currency and its country's English and local names ("Deutschland" → Amazon.de).
 */
export function marketplaceSearch(regions: MarketplaceRegion[] | undefined): {
  data: { group: string; items: ComboboxItem[] }[];
  filter: OptionsFilter;
} {
  const words = new Map<string, string[]>();
  const data = (regions ?? []).map((r) => ({
    group: r.name,
    items: r.marketplaces.map((m) => {
      words.set(m.id, [m.name, m.countryCode, m.currency, ...m.countryNames]);
      return { value: m.id, label: `${m.name} — ${m.countryNames.join(' / ')} (${m.currency})` };
    }),
  }));
  const keep = (option: ComboboxParsedItem, search: string): ComboboxParsedItem | null => {
    if ('group' in option) {
      const items = option.items.filter((i) => findsIn(search, words.get(i.value) ?? [i.label]));
      return items.length > 0 ? { ...option, items } : null;
    }
    return findsIn(search, words.get(option.value) ?? [option.label]) ? option : null;
  };
  const filter: OptionsFilter = ({ options, search }) =>
    options.map((o) => keep(o, search)).filter((o): o is ComboboxParsedItem => o !== null);
  return { data, filter };
}
