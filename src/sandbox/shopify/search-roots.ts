import { gqlVariant } from './gql-catalog.js';
import { connection, gqlError, type Args, type GqlObject } from './gql-kit.js';
import { gqlOrder } from './gql-order.js';
import type { ResolverContext } from './resolver-context.js';
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

export function searchVariants(a: Args, { state }: ResolverContext): GqlObject {
  const field = sortField(VARIANT_SORT, a.sortKey);
  const query = parseSearchQuery(a.query as string | null);
  const hits = [...state.variantIndex.visible(state.nowMs())].filter(
    ([id, doc]) => state.variants.has(id) && matchesQuery(doc, query, ['sku', 'barcode', 'title']),
  );
  return connection(
    hits,
    a,
    ([id, doc]) => keyOf(doc, field, id),
    ([id]) => {
      const v = state.variants.get(id);
      return v ? gqlVariant(state, v) : null;
    },
  );
}

export function searchOrders(a: Args, { state }: ResolverContext): GqlObject {
  const field = sortField(ORDER_SORT, a.sortKey);
  const query = parseSearchQuery(a.query as string | null);
  const hits = [...state.orderIndex.visible(state.nowMs())].filter(
    ([id, doc]) => state.orders.has(id) && matchesQuery(doc, query, ['name', 'sku', 'tag']),
  );
  return connection(
    hits,
    a,
    ([id, doc]) => keyOf(doc, field, id),
    ([id]) => {
      const o = state.orders.get(id);
      return o ? gqlOrder(state, o) : null;
    },
  );
}
