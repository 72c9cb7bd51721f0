import { SANDBOX_SHOPIFY_SHOP, gid, parseGid } from './constants.js';
import { gqlInventoryItem, gqlLocation, gqlVariant } from './gql-catalog.js';
import { connection, gqlError, type Args, type GqlObject } from './gql-kit.js';
import { gqlOrder } from './gql-order.js';
import { gqlDefinition } from './metafield-definition.mutation.js';
import { nodeById } from './nodes.js';
import { searchOrders, searchVariants } from './search-roots.js';
import type { ResolverContext, RootResolver } from './resolver-context.js';
import { webhookQueries } from './webhook-subscription.mutations.js';

/** The QueryRoot fields the sandbox answers. */
export const QUERY_ROOT: Record<string, RootResolver> = {
  shop: (_a, { state }) => ({
    __typename: 'Shop',
    id: gid('Shop', 1),
    name: state.settings.name,
    currencyCode: state.settings.currency,
    myshopifyDomain: SANDBOX_SHOPIFY_SHOP,
    ianaTimezone: state.settings.ianaTimezone,
    timezoneAbbreviation: 'UTC',
    email: 'merchant@orderbridge-sandbox.example',
    contactEmail: 'merchant@orderbridge-sandbox.example',
    taxesIncluded: state.settings.currency === 'EUR',
    enabledPresentmentCurrencies: [state.settings.currency],
    plan: {
      __typename: 'ShopPlan',
      partnerDevelopment: state.settings.devStore,
      shopifyPlus: false,
      publicDisplayName: state.settings.devStore ? 'Development' : 'Basic',
    },
  }),
  locations: (a, { state }) =>
    connection(
      state.locations,
      a,
      (l) => [l.id],
      (l) => gqlLocation(state, l),
    ),
  location: (a, { state }) => {
    const id = a.id === undefined || a.id === null ? state.primaryLocation().id : parseGid(a.id, 'Location');
    const loc = state.locations.find((l) => l.id === id);
    return loc ? gqlLocation(state, loc) : null;
  },
  productVariants: (a, ctx) => searchVariants(a, ctx),
  productVariant: (a, { state }) => {
    const v = state.variants.get(parseGid(a.id, 'ProductVariant') ?? 0);
    return v ? gqlVariant(state, v) : null;
  },
  productVariantByIdentifier: (a, { state }) => {
    const ident = a.identifier as Args;
    if (ident.id != null) {
      const v = state.variants.get(parseGid(ident.id, 'ProductVariant') ?? 0);
      return v ? gqlVariant(state, v) : null;
    }
    const c = ident.customId as Args;
    for (const v of state.variants.values()) {
      if (v.metafields.some((m) => m.key === c.key && m.namespace === (c.namespace ?? '$app') && m.value === c.value))
        return gqlVariant(state, v);
    }
    return null;
  },
  inventoryItem: (a, { state }) => gqlInventoryItem(state, parseGid(a.id, 'InventoryItem') ?? 0),
  node: (a, ctx) => nodeById(ctx, a.id),
  nodes: (a, ctx) => (a.ids as unknown[]).map((id) => nodeById(ctx, id)),
  order: (a, { state }) => {
    const o = state.orders.get(parseGid(a.id, 'Order') ?? 0);
    return o ? gqlOrder(state, o) : null;
  },
  orders: (a, ctx) => searchOrders(a, ctx),
  orderByIdentifier: (a, ctx) => orderByIdentifier(a.identifier as Args, ctx),
  metafieldDefinitions: (a, { state }) => {
    const defs = state.definitions.filter(
      (d) =>
        d.ownerType === a.ownerType &&
        (a.namespace == null || d.namespace === a.namespace) &&
        (a.key == null || d.key === a.key),
    );
    return connection(defs, a, (d) => [d.id], gqlDefinition);
  },
  job: (a, { state }) => {
    const job = state.jobs.get(String(a.id));
    return { __typename: 'Job', id: job?.id ?? a.id, done: job?.done ?? true, query: () => QUERY_ROOT };
  },
  ...webhookQueries,
};

/** Immediate (not from the search index): reads the unique metafield value directly. */
function orderByIdentifier(ident: Args, { state }: ResolverContext): GqlObject | null {
  if (ident.id != null) {
    const o = state.orders.get(parseGid(ident.id, 'Order') ?? 0);
    return o ? gqlOrder(state, o) : null;
  }
  const c = ident.customId as Args | null;
  if (!c) throw gqlError('An identifier (id or customId) is required', 'BAD_REQUEST');
  const namespace = (c.namespace as string | null) ?? '$app';
  const def = state.definitions.find((d) => d.ownerType === 'ORDER' && d.namespace === namespace && d.key === c.key);
  if (!def || !def.unique) {
    throw gqlError(`No unique metafield definition found for ${namespace}.${String(c.key)} on ORDER`, 'BAD_REQUEST');
  }
  for (const o of state.orders.values()) {
    if (o.metafields.some((m) => m.namespace === namespace && m.key === c.key && m.value === c.value))
      return gqlOrder(state, o);
  }
  return null;
}
