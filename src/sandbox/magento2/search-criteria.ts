import { inputError, invalidType, requiredField } from './magento-errors.js';
import { textOf, type Json } from './magento-format.js';

export interface SearchFilter {
  field: string;
  value: string;
  conditionType: string;
}

export interface SearchCriteria {
  /** Filters inside a group are OR-ed; groups are AND-ed. */
  filterGroups: { filters: SearchFilter[] }[];
  sortOrders: { field: string; direction: 'ASC' | 'DESC' }[];
  pageSize: number;
  currentPage: number;
}

/** Magento accepts both spellings (the data objects map snake_case and camelCase keys alike). */
const CANONICAL: Readonly<Record<string, string>> = {
  filterGroups: 'filter_groups',
  conditionType: 'condition_type',
  sortOrders: 'sort_orders',
  pageSize: 'page_size',
  currentPage: 'current_page',
};

/** With web API input limiting on (as the sandbox runs), an omitted pageSize means 20. */
export const DEFAULT_PAGE_SIZE = 20;

const CONDITIONS = new Set(
  'eq neq gt gteq lt lteq moreq like nlike in nin null notnull from to finset nfinset'.split(' '),
);

type Tree = { [key: string]: Tree | string };

/** `searchCriteria[filter_groups][0][filters][0][field]=sku` → nested objects (array indices as keys). */
function parseTree(query: URLSearchParams): Tree | null {
  let root: Tree | null = null;
  for (const [key, value] of query) {
    if (key !== 'searchCriteria' && !key.startsWith('searchCriteria[')) continue;
    root ??= {};
    const parts = [...key.slice('searchCriteria'.length).matchAll(/\[([^\]]*)\]/g)].map(
      (m) => CANONICAL[m[1] ?? ''] ?? m[1] ?? '',
    );
    let node: Tree = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else {
        const next = node[part];
        node = typeof next === 'object' ? next : (node[part] = {});
      }
    });
  }
  return root;
}

const entries = (node: Tree | string | undefined): Tree[] =>
  typeof node === 'object'
    ? Object.keys(node)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => node[k])
        .filter((v): v is Tree => typeof v === 'object')
    : [];

const text = (v: Tree | string | undefined): string => (typeof v === 'string' ? v : '');

function wholeNumber(raw: string): number {
  if (!/^\d+$/.test(raw)) throw invalidType(raw, 'int');
  return Number(raw);
}

/** The request's searchCriteria (required by every getList), checked against the page-size limit. */
export function parseSearchCriteria(query: URLSearchParams, maxPageSize: number): SearchCriteria {
  const tree = parseTree(query);
  if (!tree) throw requiredField('searchCriteria');
  const filterGroups = entries(tree.filter_groups).map((group) => ({
    filters: entries(group.filters).map((f) => {
      const conditionType = text(f.condition_type) || 'eq';
      if (!CONDITIONS.has(conditionType)) throw inputError('Invalid condition type "%1".', [conditionType]);
      return { field: text(f.field), value: text(f.value), conditionType };
    }),
  }));
  const sortOrders = entries(tree.sort_orders).map((s) => ({
    field: text(s.field),
    direction: text(s.direction).toUpperCase() === 'DESC' ? ('DESC' as const) : ('ASC' as const),
  }));
  const pageSize = tree.page_size === undefined ? DEFAULT_PAGE_SIZE : wholeNumber(text(tree.page_size));
  if (pageSize > maxPageSize) throw inputError('Maximum SearchCriteria pageSize is %max', { max: maxPageSize });
  const currentPage = tree.current_page === undefined ? 1 : Math.max(1, wholeNumber(text(tree.current_page)));
  return { filterGroups, sortOrders, pageSize: pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize, currentPage };
}

/** The `search_criteria` Magento echoes in a search result. */
export function searchCriteriaView(c: SearchCriteria): Json {
  return {
    filter_groups: c.filterGroups.map((g) => ({
      filters: g.filters.map((f) => ({ field: f.field, value: f.value, condition_type: f.conditionType })),
    })),
    ...(c.sortOrders.length > 0
      ? { sort_orders: c.sortOrders.map((s) => ({ field: s.field, direction: s.direction })) }
      : {}),
    page_size: c.pageSize,
    current_page: c.currentPage,
  };
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** MySQL-like comparison: numbers numerically, text case-insensitively (utf8 general collation). */
function compare(a: unknown, b: string): number {
  const left = typeof a === 'number' || typeof a === 'boolean' ? String(Number(a)) : typeof a === 'string' ? a : '';
  if (NUMERIC.test(left) && NUMERIC.test(b)) return Number(left) - Number(b);
  const l = left.toLowerCase();
  const r = b.toLowerCase();
  return l < r ? -1 : l > r ? 1 : 0;
}

function likeRegex(pattern: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'is');
}

function matches(value: unknown, f: SearchFilter): boolean {
  const isNull = value === null || value === undefined;
  const list = () => f.value.split(',').map((v) => v.trim());
  switch (f.conditionType) {
    case 'null':
      return isNull;
    case 'notnull':
      return !isNull;
    case 'finset':
    case 'nfinset': {
      const found = typeof value === 'string' && value.split(',').includes(f.value);
      return f.conditionType === 'finset' ? found : !found;
    }
  }
  if (isNull) return false;
  switch (f.conditionType) {
    case 'neq':
      return compare(value, f.value) !== 0;
    case 'gt':
      return compare(value, f.value) > 0;
    case 'gteq':
    case 'moreq':
    case 'from':
      return compare(value, f.value) >= 0;
    case 'lt':
      return compare(value, f.value) < 0;
    case 'lteq':
    case 'to':
      return compare(value, f.value) <= 0;
    case 'like':
      return likeRegex(f.value).test(textOf(value));
    case 'nlike':
      return !likeRegex(f.value).test(textOf(value));
    case 'in':
      return list().some((v) => compare(value, v) === 0);
    case 'nin':
      return !list().some((v) => compare(value, v) === 0);
    default:
      return compare(value, f.value) === 0;
  }
}

/**
 * Filters, sorts and pages `records` as a Magento repository getList does. A `currentPage` past the end
 * answers the last page again (Magento collections clamp the page), so clients must page by total_count.
 */
export function applySearch<T>(
  records: readonly T[],
  fieldsOf: (r: T) => Json,
  c: SearchCriteria,
): { items: T[]; total: number } {
  const rows = records.map((r) => ({ r, f: fieldsOf(r) }));
  const found = rows.filter(({ f }) =>
    c.filterGroups.every((g) => g.filters.length === 0 || g.filters.some((flt) => matches(f[flt.field], flt))),
  );
  for (const sort of [...c.sortOrders].reverse()) {
    const sign = sort.direction === 'DESC' ? -1 : 1;
    found.sort((a, b) => sign * compareValues(a.f[sort.field], b.f[sort.field]));
  }
  const lastPage = Math.max(1, Math.ceil(found.length / c.pageSize));
  const page = Math.min(c.currentPage, lastPage);
  return { items: found.slice((page - 1) * c.pageSize, page * c.pageSize).map(({ r }) => r), total: found.length };
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return compare(a, textOf(b));
}

/** Every field a search names (products check them against their attributes). */
export const searchFields = (c: SearchCriteria): string[] => [
  ...c.filterGroups.flatMap((g) => g.filters.map((f) => f.field)),
  ...c.sortOrders.map((s) => s.field),
];
