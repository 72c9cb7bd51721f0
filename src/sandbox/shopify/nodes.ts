import { parseGid } from './constants.js';
import { gqlInventoryItem, gqlLocation, gqlVariant } from './gql-catalog.js';
import { gqlOrder } from './gql-order.js';
import type { GqlObject } from './gql-kit.js';
import type { ResolverContext } from './resolver-context.js';

/** `node(id:)` / `nodes(ids:)` for the resource types the sandbox models; others are null. */
export function nodeById({ state }: ResolverContext, id: unknown): GqlObject | null {
  const type = typeof id === 'string' ? /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1] : undefined;
  if (type === 'ProductVariant') {
    const v = state.variants.get(parseGid(id, 'ProductVariant') ?? 0);
    return v ? gqlVariant(state, v) : null;
  }
  if (type === 'InventoryItem') return gqlInventoryItem(state, parseGid(id, 'InventoryItem') ?? 0);
  if (type === 'Order') {
    const o = state.orders.get(parseGid(id, 'Order') ?? 0);
    return o ? gqlOrder(state, o) : null;
  }
  if (type === 'Location') {
    const loc = state.locations.find((l) => l.id === parseGid(id, 'Location'));
    return loc ? gqlLocation(state, loc) : null;
  }
  return null;
}
