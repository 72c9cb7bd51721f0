import { describe, expect, it } from 'vitest';
import { MagentoHttpError } from './magento-errors.js';
import { applySearch, parseSearchCriteria, searchCriteriaView } from './search-criteria.js';

const rows = [
  { entity_id: 1, sku: 'A-1', qty: 5, updated_at: '2026-01-01 10:00:00', tags: 'x,y', note: null },
  { entity_id: 2, sku: 'a-2', qty: 15, updated_at: '2026-01-02 10:00:00', tags: 'y', note: 'n' },
  { entity_id: 3, sku: 'B-1', qty: 25, updated_at: '2026-01-03 10:00:00', tags: 'z', note: null },
];
const q = (s: string) => new URLSearchParams(s);
const search = (query: string) =>
  applySearch(rows, (r) => r, parseSearchCriteria(q(query), 300)).items.map((r) => r.entity_id);
const f = (g: number, i: number, field: string, value: string, type: string) =>
  `searchCriteria[filter_groups][${g}][filters][${i}][field]=${field}&searchCriteria[filter_groups][${g}][filters][${i}][value]=${encodeURIComponent(value)}&searchCriteria[filter_groups][${g}][filters][${i}][condition_type]=${type}`;

describe('searchCriteria', () => {
  it('ORs filters inside a group and ANDs groups', () => {
    expect(search(`${f(0, 0, 'sku', 'A-1', 'eq')}&${f(0, 1, 'sku', 'B-1', 'eq')}`)).toEqual([1, 3]);
    expect(
      search(`${f(0, 0, 'sku', 'A-1', 'eq')}&${f(0, 1, 'sku', 'B-1', 'eq')}&${f(1, 0, 'qty', '10', 'gt')}`),
    ).toEqual([3]);
  });

  it('knows the condition types (numbers numerically, text case-insensitively)', () => {
    expect(search(f(0, 0, 'sku', 'a-1', 'eq'))).toEqual([1]);
    expect(search(f(0, 0, 'sku', 'A-1', 'neq'))).toEqual([2, 3]);
    expect(search(f(0, 0, 'qty', '15', 'gteq'))).toEqual([2, 3]);
    expect(search(f(0, 0, 'qty', '15', 'lt'))).toEqual([1]);
    expect(search(f(0, 0, 'qty', '15', 'lteq'))).toEqual([1, 2]);
    expect(search(f(0, 0, 'qty', '5', 'moreq'))).toEqual([1, 2, 3]);
    expect(search(f(0, 0, 'sku', 'a-%', 'like'))).toEqual([1, 2]);
    expect(search(f(0, 0, 'sku', 'a-_', 'nlike'))).toEqual([3]);
    expect(search(f(0, 0, 'sku', 'A-1,B-1', 'in'))).toEqual([1, 3]);
    expect(search(f(0, 0, 'sku', 'A-1,B-1', 'nin'))).toEqual([2]);
    expect(search(f(0, 0, 'note', '', 'null'))).toEqual([1, 3]);
    expect(search(f(0, 0, 'note', '', 'notnull'))).toEqual([2]);
    expect(search(f(0, 0, 'tags', 'y', 'finset'))).toEqual([1, 2]);
    expect(
      search(
        `${f(0, 0, 'updated_at', '2026-01-02 00:00:00', 'from')}&${f(1, 0, 'updated_at', '2026-01-02 23:59:59', 'to')}`,
      ),
    ).toEqual([2]);
    expect(search(f(0, 0, 'updated_at', '2026-01-02 10:00:00', 'gteq'))).toEqual([2, 3]);
  });

  it('accepts both casings and sorts', () => {
    const camel =
      'searchCriteria[filterGroups][0][filters][0][field]=qty&searchCriteria[filterGroups][0][filters][0][value]=1&searchCriteria[filterGroups][0][filters][0][conditionType]=gt' +
      '&searchCriteria[sortOrders][0][field]=qty&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=2&searchCriteria[currentPage]=1';
    expect(search(camel)).toEqual([3, 2]);
    expect(searchCriteriaView(parseSearchCriteria(q(camel), 300))).toEqual({
      filter_groups: [{ filters: [{ field: 'qty', value: '1', condition_type: 'gt' }] }],
      sort_orders: [{ field: 'qty', direction: 'DESC' }],
      page_size: 2,
      current_page: 1,
    });
  });

  it('pages: default 20, past the end answers the last page again, total_count counts every match', () => {
    expect(parseSearchCriteria(q('searchCriteria[currentPage]=1'), 300).pageSize).toBe(20);
    const page = applySearch(
      rows,
      (r) => r,
      parseSearchCriteria(q('searchCriteria[pageSize]=2&searchCriteria[currentPage]=9'), 300),
    );
    expect([page.items.map((r) => r.entity_id), page.total]).toEqual([[3], 3]);
  });

  it('refuses a page size over the limit, a missing searchCriteria, a non-numeric page and an unknown condition', () => {
    const error = (query: string): unknown => {
      try {
        parseSearchCriteria(q(query), 300);
      } catch (e) {
        return e instanceof MagentoHttpError ? e.body() : e;
      }
      return null;
    };
    expect(error('searchCriteria[pageSize]=301')).toEqual({
      message: 'Maximum SearchCriteria pageSize is %max',
      parameters: { max: 300 },
    });
    expect(error('')).toEqual({
      message: '"%fieldName" is required. Enter and try again.',
      parameters: { fieldName: 'searchCriteria' },
    });
    expect(error('searchCriteria[pageSize]=ten')).toEqual({
      message: 'The "ten" value\'s type is invalid. The "int" type was expected. Verify and try again.',
    });
    expect(error(f(0, 0, 'sku', 'x', 'regexp'))).toMatchObject({ parameters: ['regexp'] });
  });
});
