import { gqlVariant } from './gql-catalog.js';
import { connection, gqlError, type Args, type GqlObject } from './gql-kit.js';
import { gqlOrder } from './gql-order.js';
import type { ResolverContext } from './resolver-context.js';
import type { LaggedSearchIndex } from './search-index.js';
import { matchesQuery, parseSearchQuery, type SearchDoc } from './search-query.js';

/**
 * `productVariants(query:)` and `orders(query:)`: matched against the lagging search index, then
 * answered from the live records (so a match can show newer data than the one it matched on).
 */
const VARIANT_SORT: Record<string, string> = { ID: 'id', SKU: 'sku', TITLE: 'title', RELEVANCE: 'id', POSITION: 'id' };
const ORDER_SORT: Record<string, string> = {
  ID: 'id',
  CREATED_AT: 'created_at',
  UPDATED_AT: 'updated_at',
  PROCESSED_AT: 'processed_at',
  ORDER_NUMBER: 'id',
  RELEVANCE: 'id',
};

function sortField(table: Record<string, string>, sortKey: unknown): string {
  const key = (sortKey as string | null) ?? 'ID';
  const field = table[key];
  if (!field) throw gqlError(`Sort key ${key} is not supported by the OrderBridge Shopify sandbox`, 'NOT_IMPLEMENTED');
  return field;
}

function keyOf(doc: SearchDoc, field: string, id: number): (string | number)[] {
  const v = doc[field];
  return [typeof v === 'number' || typeof v === 'string' ? v : '', id];
}

interface Searched<R> {
  index: LaggedSearchIndex;
  records: Map<number, R>;
  sort: Record<string, string>;
  defaultFields: readonly string[];
  toNode: (r: R) => GqlObject;
}

function search<R>(a: Args, state: ResolverContext['state'], s: Searched<R>): GqlObject {
  const field = sortField(s.sort, a.sortKey);
  const query = parseSearchQuery(a.query as string | null);
  const hits = [...s.index.visible(state.nowMs())].filter(
    ([id, doc]) => s.records.has(id) && matchesQuery(doc, query, s.defaultFields),
  );
  return connection(
    hits,
    a,
    ([id, doc]) => keyOf(doc, field, id),
    ([id]) => {
      const r = s.records.get(id);
      return r ? s.toNode(r) : null;
    },
  );
}

export const searchVariants = (a: Args, { state }: ResolverContext): GqlObject =>
  search(a, state, {
    index: state.variantIndex,
    records: state.variants,
    sort: VARIANT_SORT,
    defaultFields: ['sku', 'barcode', 'title'],
    toNode: (v) => gqlVariant(state, v),
  });

export const searchOrders = (a: Args, { state }: ResolverContext): GqlObject =>
  search(a, state, {
    index: state.orderIndex,
    records: state.orders,
    sort: ORDER_SORT,
    defaultFields: ['name', 'sku', 'tag'],
    toNode: (o) => gqlOrder(state, o),
  });
