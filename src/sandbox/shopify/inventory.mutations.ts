import type { GraphQLResolveInfo } from 'graphql';
import { gid, parseGid } from './constants.js';
import { gqlInventoryItem, gqlLocation } from './gql-catalog.js';
import { userError, type Args, type GqlObject } from './gql-kit.js';
import { withIdempotency } from './idempotent-directive.js';
import type { ResolverContext } from './resolver-context.js';

/**
 * inventoryAdjustQuantities / inventorySetQuantities as of 2026-04+: `@idempotent` mandatory,
 * `changeFromQuantity` mandatory per change (explicit null = no check; stale = CHANGE_FROM_QUANTITY_STALE).
 * All changes are checked first; one bad change applies none.
 */
const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

interface Change {
  itemId: number;
  locationId: number;
  delta: number;
}

type Fail = { field: string[]; message: string; code: string };

function check(
  ctx: ResolverContext,
  input: Args,
  list: Args[],
  listName: string,
  absolute: boolean,
): { changes: Change[]; errors: Fail[] } {
  const errors: Fail[] = [];
  const changes: Change[] = [];
  const name = String(input.name);
  if (name !== 'available' && name !== 'on_hand')
    errors.push({
      field: ['input', 'name'],
      message: `The quantity name ${name} is not supported`,
      code: absolute ? 'INVALID_NAME' : 'INVALID_QUANTITY_NAME',
    });
  if (!REASONS.has(String(input.reason)))
    errors.push({ field: ['input', 'reason'], message: 'The specified reason is invalid', code: 'INVALID_REASON' });
  const ref = input.referenceDocumentUri as string | null | undefined;
  if (ref != null && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(ref))
    errors.push({
      field: ['input', 'referenceDocumentUri'],
      message: 'The reference document URI is invalid',
      code: 'INVALID_REFERENCE_DOCUMENT',
    });
  list.forEach((c, i) => {
    const field = ['input', listName, String(i)];
    const itemId = parseGid(c.inventoryItemId, 'InventoryItem');
    const locationId = parseGid(c.locationId, 'Location');
    const level = itemId === null || locationId === null ? null : ctx.state.level(itemId, locationId);
    if (itemId === null || !ctx.state.variantByInventoryItem(itemId))
      return errors.push({
        field: [...field, 'inventoryItemId'],
        message: 'The specified inventory item could not be found',
        code: 'INVALID_INVENTORY_ITEM',
      });
    if (locationId === null || !level)
      return errors.push({
        field: [...field, 'locationId'],
        message: 'The specified location could not be found',
        code: 'INVALID_LOCATION',
      });
    const current = name === 'on_hand' ? level.available + level.committed : level.available;
    if (!('changeFromQuantity' in c)) {
      return errors.push({
        field: [...field, 'changeFromQuantity'],
        message: 'changeFromQuantity is required; pass null to skip the compare-and-swap check',
        code: absolute ? 'COMPARE_QUANTITY_REQUIRED' : 'ADJUST_QUANTITIES_FAILED',
      });
    }
    if (c.changeFromQuantity !== null && c.changeFromQuantity !== current) {
      return errors.push({
        field: [...field, 'changeFromQuantity'],
        message: `The quantity has changed since changeFromQuantity was read (now ${current})`,
        code: 'CHANGE_FROM_QUANTITY_STALE',
      });
    }
    changes.push({ itemId, locationId, delta: absolute ? (c.quantity as number) - current : (c.delta as number) });
  });
  return { changes, errors };
}

function apply(ctx: ResolverContext, input: Args, changes: Change[]): GqlObject {
  const { state } = ctx;
  const name = String(input.name);
  const applied = changes.map((c) => {
    const level = state.changeAvailable(c.itemId, c.locationId, c.delta);
    const after = name === 'on_hand' ? level.available + level.committed : level.available;
    const loc = state.locations.find((l) => l.id === c.locationId);
    return {
      __typename: 'InventoryChange',
      name,
      delta: c.delta,
      quantityAfterChange: after,
      ledgerDocumentUri: null,
      item: gqlInventoryItem(state, c.itemId),
      location: loc ? gqlLocation(state, loc) : null,
    };
  });
  ctx.stats.count('inventoryAdjustments');
  return {
    __typename: 'InventoryAdjustmentGroup',
    id: gid('InventoryAdjustmentGroup', state.nextId()),
    createdAt: state.clock.nowIso(),
    reason: String(input.reason),
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes: applied,
  };
}

function mutation(listName: 'changes' | 'quantities', absolute: boolean) {
  return (a: Args, ctx: ResolverContext, info: GraphQLResolveInfo): Record<string, unknown> => {
    const input = a.input as Args;
    const mismatch = () => ({
      inventoryAdjustmentGroup: null,
      userErrors: [
        userError(
          ['input'],
          'The idempotency key was already used with different parameters',
          'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
        ),
      ],
    });
    return withIdempotency(
      info,
      ctx,
      input,
      () => {
        const { changes, errors } = check(ctx, input, input[listName] as Args[], listName, absolute);
        if (errors.length > 0)
          return {
            inventoryAdjustmentGroup: null,
            userErrors: errors.map((e) => userError(e.field, e.message, e.code)),
          };
        return { inventoryAdjustmentGroup: apply(ctx, input, changes), userErrors: [] };
      },
      mismatch,
    );
  };
}

export const inventoryAdjustQuantities = mutation('changes', false);
export const inventorySetQuantities = mutation('quantities', true);
