/**
 * searchCriteria as Magento's query string: filters inside one group are OR, groups are AND.
 * The snake_case spelling of Magento's own tutorials (`filter_groups`, `condition_type`) — Magento
 * maps it to the camelCase of its OpenAPI.
 */
export interface SearchFilter {
  field: string;
  value: string;
  conditionType?: 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like' | 'in' | 'nin' | 'null' | 'notnull' | 'finset';
}

export interface SearchCriteria {
  /** AND of groups; each group is an OR of its filters. */
  groups: SearchFilter[][];
  sort?: { field: string; direction: 'ASC' | 'DESC' }[];
  pageSize: number;
  currentPage?: number;
}

/** Magento's largest accepted pageSize (webapi/validation/maximum_page_size, default 300). */
export const MAX_PAGE_SIZE = 300;

export function searchParams(c: SearchCriteria): [string, string][] {
  const out: [string, string][] = [];
  c.groups.forEach((group, g) =>
    group.forEach((f, i) => {
      const at = `searchCriteria[filter_groups][${g}][filters][${i}]`;
      out.push([`${at}[field]`, f.field], [`${at}[value]`, f.value]);
      out.push([`${at}[condition_type]`, f.conditionType ?? 'eq']);
    }),
  );
  (c.sort ?? []).forEach((s, i) => {
    out.push(
      [`searchCriteria[sortOrders][${i}][field]`, s.field],
      [`searchCriteria[sortOrders][${i}][direction]`, s.direction],
    );
  });
  out.push(['searchCriteria[pageSize]', String(Math.min(c.pageSize, MAX_PAGE_SIZE))]);
  out.push(['searchCriteria[currentPage]', String(c.currentPage ?? 1)]);
  return out;
}

/** `Y-m-d H:i:s` (UTC), the form of Magento's timestamps and date filters. */
export const toMagentoTime = (iso: string): string => new Date(iso).toISOString().slice(0, 19).replace('T', ' ');

/** A Magento timestamp (UTC `Y-m-d H:i:s`) as UTC ISO. */
export function fromMagentoTime(value: string | undefined | null): string | null {
  if (!value) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
