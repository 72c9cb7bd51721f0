/**
 * Buyer and recipient names and e-mails for store orders (order-mapping §4). Pure.
 */

export interface SplitName {
  firstName: string;
  lastName: string;
  prefix: string | null;
  suffix: string | null;
  /** The name as Amazon sent it (whitespace collapsed): for stores and labels with one name field. */
  fullName: string;
  /** One word only: firstName and lastName are both that word (stores such as Magento require both). */
  mononym: boolean;
}

/** Punctuation that separates words; apostrophes and hyphens stay (O'Brien, Jean-Luc). */
const SEPARATORS = /[.,;:!?"“”„«»()[\]{}<>/\\|@#$%^*_+=~`…·•]/g;
// prettier-ignore
const PREFIXES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev',
  'herr', 'frau', 'mme', 'mlle', 'sr', 'sra', 'srta', 'sig', 'sigra', 'dott', 'dottssa',
]);
const SUFFIXES = new Set(['jr', 'sr', 'jun', 'sen', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'mba', 'dds']);
/** Han, Hiragana, Katakana, Hangul: names written family name first, often without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Splits a name into first and last name. Rules: punctuation becomes spaces; a title (Mr, Dr, Frau…)
 * at the start and a suffix (Jr, III, PhD…) at the end are taken off when a name remains; the first
 * word is the first name and the rest the last name ("Maria del Carmen Lopez" → Maria / del Carmen
 * Lopez); CJK names are family name first and never split inside a word; one word → first = last.
 * Returns null for an empty name.
 */
export function splitName(name: string | null | undefined): SplitName | null {
  const fullName = collapse((name ?? '').normalize('NFC'));
  const tokens = collapse(fullName.replace(SEPARATORS, ' ')).split(' ').filter(Boolean);
  if (tokens.length === 0) return null;
  const key = (t: string | undefined): string => (t ?? '').toLowerCase();
  const prefix = tokens.length >= 2 && PREFIXES.has(key(tokens[0])) ? (tokens.shift() as string) : null;
  const suffix = tokens.length >= 2 && SUFFIXES.has(key(tokens.at(-1))) ? (tokens.pop() as string) : null;
  const base = { prefix, suffix, fullName };
  if (tokens.length === 1) {
    const only = tokens[0] as string;
    return { firstName: only, lastName: only, ...base, mononym: true };
  }
  const [first, ...rest] = tokens as [string, ...string[]];
  const eastAsian = tokens.some((t) => CJK.test(t)) && !tokens.some((t) => LATIN.test(t));
  if (eastAsian) return { firstName: rest.join(' '), lastName: first, ...base, mononym: false };
  return { firstName: first, lastName: rest.join(' '), ...base, mononym: false };
}

export function placeholderCustomerName(amazonOrderId: string): string {
  return `Amazon Customer #${amazonOrderId}`;
}

/** Amazon's buyer name, or "Amazon Customer #<order id>" when it is absent (Odoo does the same). */
export function customerName(name: string | null | undefined, amazonOrderId: string): string {
  const cleaned = collapse(name ?? '');
  return cleaned === '' ? placeholderCustomerName(amazonOrderId) : cleaned;
}

/**
 * `.invalid` is reserved by RFC 2606 (and RFC 6761): it can never resolve, so a placeholder address
 * never reaches a real person, while still passing a store's "looks like an e-mail" check.
 */
export const PLACEHOLDER_EMAIL_DOMAIN = 'orderbridge.invalid';

export function placeholderEmail(amazonOrderId: string): string {
  const local = amazonOrderId
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return `${local === '' ? 'amazon-order' : local}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}

export function isPlaceholderEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`);
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** A practical check (not full RFC 5322): what stores accept as a deliverable address. */
export function isUsableEmail(email: string | null | undefined): email is string {
  if (typeof email !== 'string' || email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const local = email.slice(0, at);
  return local.length <= 64 && LOCAL.test(local) && DOMAIN.test(email.slice(at + 1)) && !isPlaceholderEmail(email);
}

export interface BuyerEmail {
  email: string;
  placeholder: boolean;
}

/** Amazon's (anonymised relay) address when usable, else the placeholder for this order. */
export function buyerEmail(email: string | null | undefined, amazonOrderId: string): BuyerEmail {
  const trimmed = email?.trim();
  if (isUsableEmail(trimmed)) return { email: trimmed, placeholder: false };
  return { email: placeholderEmail(amazonOrderId), placeholder: true };
}

/**
 * On a re-read: a usable address from Amazon replaces a placeholder; a stored real address is kept
 * when Amazon stops sending one (Amazon withholds buyer e-mail for older and for FBA orders).
 */
export function nextBuyerEmail(stored: string | null, incoming: string | null, amazonOrderId: string): BuyerEmail {
  const fresh = buyerEmail(incoming, amazonOrderId);
  if (!fresh.placeholder) return fresh;
  if (stored !== null && isUsableEmail(stored)) return { email: stored, placeholder: false };
  return fresh;
}
