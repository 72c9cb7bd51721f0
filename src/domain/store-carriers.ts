import { AMAZON_CARRIER_CODES, isAmazonCarrierCode, type AmazonCarrierCode } from './carrier-codes.js';
import { SAME_CARRIER } from './shipping-carriers.js';

/**
 * Recognises the Amazon carrier code a store means when it names a carrier its own way: stores send
 * slugs and titles ("dhl", "DPD.de", "UPS Germany", "Deutsche Post DHL" — the WooCommerce Shipment
 * Tracking extension stores the provider's name as a slug), Amazon wants its code exactly ("DHL").
 * Used after the merchant's mapping table and before Default Shipping service.
 */

/** Lower-case words without accents: "DPD.co.uk" → ["dpd", "co", "uk"], "Colis Privé" → ["colis", "prive"]. */
const wordsOf = (value: string): string[] =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const keyOf = (value: string): string => wordsOf(value).join('');

/**
 * Store spellings that are no case/spacing variant of an Amazon code (keys as `keyOf` makes them):
 * the Shipment Tracking extension's provider names "DHL Intraship (DE)", "Deutsche Post DHL",
 * "post.at", "BRT (Bartolini)", "Poczta Polska", "PostNord Sverige AB", and other common titles.
 */
const ALIASES: Readonly<Record<string, AmazonCarrierCode>> = {
  dhlintraship: 'DHL', deutschepostdhl: 'Deutsche Post', warenpost: 'Deutsche Post', postat: 'AT Post',
  osterreichischepost: 'AT Post', austrianpost: 'AT Post', brtbartolini: 'BRT', pocztapolska: 'Polish Post',
  postnordsverigeab: 'PostNord',
}; // prettier-ignore

/** A trailing country qualifier ("DPD.de", "UPS Germany", "DHL US", "DPD.co.uk") names no other carrier. */
const COUNTRY_WORDS: ReadonlySet<string> = new Set([
  'de', 'at', 'ch', 'nl', 'be', 'ie', 'pl', 'cz', 'se', 'dk', 'fr', 'it', 'es', 'uk', 'co', 'com', 'us', 'ca',
  'germany', 'deutschland', 'austria', 'netherlands', 'belgium', 'ireland', 'poland', 'france', 'italy', 'spain',
  'sweden',
]); // prettier-ignore

const BY_KEY: ReadonlyMap<string, AmazonCarrierCode> = (() => {
  const map = new Map<string, AmazonCarrierCode>();
  // First-listed spelling wins, then a second spelling resolves to the one offered in the UI.
  for (const code of AMAZON_CARRIER_CODES) if (!map.has(keyOf(code))) map.set(keyOf(code), SAME_CARRIER[code] ?? code);
  for (const [key, code] of Object.entries(ALIASES)) map.set(key, code);
  return map;
})();

function withoutCountry(value: string): string | null {
  const words = wordsOf(value);
  let end = words.length;
  while (end > 1 && COUNTRY_WORDS.has(words[end - 1] as string)) end -= 1;
  return end < words.length ? words.slice(0, end).join('') : null;
}

/** The Amazon carrier code a store's carrier key or title stands for; null = not recognised. */
export function amazonCarrierFor(storeCarrier: string): AmazonCarrierCode | null {
  const value = storeCarrier.trim();
  if (value === '') return null;
  if (isAmazonCarrierCode(value)) return value;
  const found = BY_KEY.get(keyOf(value));
  if (found) return found;
  const stripped = withoutCountry(value);
  return stripped === null ? null : (BY_KEY.get(stripped) ?? null);
}
