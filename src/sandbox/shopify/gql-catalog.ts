import { gid, parseGid } from './constants.js';
import { connection, gqlError, type Args, type GqlObject } from './gql-kit.js';
import { matchesQuery, parseSearchQuery } from './search-query.js';
import type { ShopState } from './shop-state.js';
import type { LocationRecord, MetafieldRecord, VariantRecord } from './shop-model.js';

/** GraphQL views of the catalogue: Location, ProductVariant, Product, InventoryItem, InventoryLevel. */
export function gqlLocation(state: ShopState, loc: LocationRecord): GqlObject {
  return {
    __typename: 'Location',
    id: gid('Location', loc.id),
    legacyResourceId: String(loc.id),
    name: loc.name,
    isActive: true,
    isPrimary: loc.isPrimary,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    hasActiveInventory: true,
    inventoryLevel: (a: Args) => {
      const itemId = parseGid(a.inventoryItemId, 'InventoryItem');
      return itemId === null ? null : gqlLevel(state, itemId, loc.id);
    },
    inventoryLevels: (a: Args) => levelsAt(state, loc.id, a),
  };
}

/** `Location.inventoryLevels(query:)`: filters (e.g. `updated_at:>'…'`) on the live levels, by item id. */
function levelsAt(state: ShopState, locationId: number, a: Args): GqlObject {
  const query = parseSearchQuery(a.query as string | null);
  const items = [...state.variants.values()]
    .map((v) => ({ itemId: v.inventoryItemId, sku: v.sku, level: state.level(v.inventoryItemId, locationId) }))
    .filter((x) => x.level !== null)
    .filter((x) =>
      matchesQuery(
        {
          inventory_item_id: x.itemId,
          sku: x.sku,
          updated_at: x.level?.updatedAt ?? null,
          available: x.level?.available ?? 0,
        },
        query,
        ['sku'],
      ),
    );
  return connection(
    items,
    a,
    (x) => [x.itemId],
    (x) => gqlLevel(state, x.itemId, locationId),
  );
}

export function gqlMetafield(m: MetafieldRecord, ownerType: string): GqlObject {
  return {
    __typename: 'Metafield',
    id: gid('Metafield', m.id),
    legacyResourceId: String(m.id),
    namespace: m.namespace,
    key: m.key,
    type: m.type,
    value: m.value,
    jsonValue: m.value,
    ownerType,
  };
}

/** An owner's `metafield(namespace:, key:)` and `metafields(first:)` fields. */
export function metafieldFields(list: readonly MetafieldRecord[], ownerType: string): Record<string, unknown> {
  return {
    metafield: (a: Args) => {
      const m = list.find((x) => x.key === a.key && x.namespace === (a.namespace ?? x.namespace));
      return m ? gqlMetafield(m, ownerType) : null;
    },
    metafields: (a: Args) =>
      connection(
        list,
        a,
        (m) => [m.id],
        (m) => gqlMetafield(m, ownerType),
      ),
  };
}

export function gqlLevel(state: ShopState, inventoryItemId: number, locationId: number): GqlObject | null {
  const level = state.level(inventoryItemId, locationId);
  const loc = state.locations.find((l) => l.id === locationId);
  if (!level || !loc) return null;
  const quantities = (a: Args): GqlObject[] =>
    (a.names as string[]).map((name) => {
      const q: Record<string, number> = {
        available: level.available,
        committed: level.committed,
        on_hand: level.available + level.committed,
        reserved: 0,
        incoming: 0,
        damaged: 0,
        quality_control: 0,
        safety_stock: 0,
      };
      if (!(name in q)) throw gqlError(`Invalid quantity name: ${name}`, 'BAD_REQUEST');
      const id = `gid://shopify/InventoryQuantity/${locationId}?inventory_item_id=${inventoryItemId}&name=${name}`;
      return { __typename: 'InventoryQuantity', id, name, quantity: q[name], updatedAt: level.updatedAt };
    });
  return {
    __typename: 'InventoryLevel',
    id: gid('InventoryLevel', `${locationId}?inventory_item_id=${inventoryItemId}`),
    isActive: true,
    updatedAt: level.updatedAt,
    quantities,
    location: () => gqlLocation(state, loc),
    item: () => gqlInventoryItem(state, inventoryItemId),
  };
}

export function gqlInventoryItem(state: ShopState, inventoryItemId: number): GqlObject | null {
  const variant = state.variantByInventoryItem(inventoryItemId);
  if (!variant) return null;
  const levels = state.locations.filter((l) => state.level(inventoryItemId, l.id) !== null);
  return {
    __typename: 'InventoryItem',
    id: gid('InventoryItem', inventoryItemId),
    legacyResourceId: String(inventoryItemId),
    sku: variant.sku,
    tracked: variant.tracked,
    requiresShipping: true,
    variant: () => gqlVariant(state, variant),
    inventoryLevel: (a: Args) => {
      const locId = parseGid(a.locationId, 'Location');
      return locId === null ? null : gqlLevel(state, inventoryItemId, locId);
    },
    inventoryLevels: (a: Args) =>
      connection(
        levels,
        a,
        (l) => [l.id],
        (l) => gqlLevel(state, inventoryItemId, l.id),
      ),
  };
}

export function gqlVariant(state: ShopState, v: VariantRecord): GqlObject {
  const available = state.locations.reduce((s, l) => s + (state.level(v.inventoryItemId, l.id)?.available ?? 0), 0);
  return {
    __typename: 'ProductVariant',
    id: gid('ProductVariant', v.id),
    legacyResourceId: String(v.id),
    title: v.title,
    displayName: `${v.productTitle} - ${v.title}`,
    sku: v.sku,
    barcode: v.barcode,
    price: v.price,
    inventoryQuantity: available,
    inventoryPolicy: v.inventoryPolicy,
    availableForSale: available > 0 || v.inventoryPolicy === 'CONTINUE',
    taxable: true,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    inventoryItem: () => gqlInventoryItem(state, v.inventoryItemId),
    product: () => ({
      __typename: 'Product',
      id: gid('Product', v.productId),
      legacyResourceId: String(v.productId),
      title: v.productTitle,
    }),
    ...metafieldFields(v.metafields, 'PRODUCTVARIANT'),
  };
}
