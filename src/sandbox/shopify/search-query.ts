/**
 * Shopify's search syntax (shopify.dev/docs/api/usage/search-syntax), the part the connector and tests
 * use: `field:value`, quoted values ('…' or "…"), comparators (`:>`, `:>=`, `:<`, `:<=`), `-`/`NOT`
 * negation, `AND` (implicit) and `OR` (lower precedence), a trailing `*` for prefix matching, and bare
 * words. Parsed into OR-groups of AND-terms.
 */
export interface SearchTerm {
  field: string | null;
  op: ':' | '>' | '>=' | '<' | '<=';
  value: string;
  negated: boolean;
  prefix: boolean;
}

export type SearchQuery = SearchTerm[][];

const TOKEN = /\s*(-?)([A-Za-z_][\w.]*:(?:>=|<=|>|<)?)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s()]+)\s*/y;

function unquote(raw: string): string {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.endsWith(q) && raw.length >= 2) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  return raw;
}

export function parseSearchQuery(input: string | null | undefined): SearchQuery {
  const groups: SearchQuery = [[]];
  const text = (input ?? '').replace(/[()]/g, ' ');
  TOKEN.lastIndex = 0;
  let negateNext = false;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text)) !== null) {
    const [, minus, fieldPart, rawValue = ''] = m;
    if (!fieldPart && rawValue === 'OR') {
      groups.push([]);
      continue;
    }
    if (!fieldPart && rawValue === 'AND') continue;
    if (!fieldPart && rawValue === 'NOT') {
      negateNext = true;
      continue;
    }
    const field = fieldPart ? fieldPart.slice(0, fieldPart.indexOf(':')).toLowerCase() : null;
    const op = (fieldPart ? fieldPart.slice(fieldPart.indexOf(':') + 1) || ':' : ':') as SearchTerm['op'];
    const quoted = rawValue.startsWith('"') || rawValue.startsWith("'");
    const value = unquote(rawValue);
    const prefix = !quoted && value.endsWith('*') && value.length > 1;
    groups[groups.length - 1]?.push({
      field,
      op,
      value: prefix ? value.slice(0, -1) : value,
      negated: minus === '-' || negateNext,
      prefix,
    });
    negateNext = false;
  }
  return groups.filter((g) => g.length > 0);
}

/** A document's searchable fields: strings (token-matched), numbers or ISO dates (comparable). */
export type SearchDoc = Record<string, string | number | string[] | null>;

const tokens = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Shopify matches tokens, not whole values: `sku:ABC` also finds "ABC-1" (check exact matches yourself). */
function textMatches(fieldValue: string, term: SearchTerm): boolean {
  const have = fieldValue.toLowerCase();
  const want = term.value.toLowerCase();
  if (have === want) return true;
  if (term.prefix) return have.startsWith(want) || tokens(have).some((t) => t.startsWith(want));
  const wanted = tokens(want);
  const got = tokens(have);
  return wanted.length > 0 && wanted.every((w) => got.includes(w));
}

function compare(fieldValue: string | number, term: SearchTerm): boolean {
  const asNumber = (v: string | number): number =>
    typeof v === 'number' ? v : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Date.parse(v);
  const a = asNumber(fieldValue);
  const b = asNumber(term.value);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (term.op === '>') return a > b;
  if (term.op === '>=') return a >= b;
  if (term.op === '<') return a < b;
  if (term.op === '<=') return a <= b;
  return a === b;
}

function termMatches(doc: SearchDoc, term: SearchTerm, defaultFields: readonly string[]): boolean {
  const fields = term.field === null ? defaultFields : [term.field];
  return fields.some((f) => {
    const raw = doc[f];
    if (raw === null || raw === undefined) return false;
    const values = Array.isArray(raw) ? raw : [raw];
    return values.some((v) =>
      term.op === ':' && typeof v === 'string' ? textMatches(v, term) || compare(v, term) : compare(v, term),
    );
  });
}

/** Unknown fields simply match nothing (Shopify ignores or warns; it never fails the query). */
export function matchesQuery(doc: SearchDoc, query: SearchQuery, defaultFields: readonly string[]): boolean {
  if (query.length === 0) return true;
  return query.some((group) => group.every((t) => termMatches(doc, t, defaultFields) !== t.negated));
}
