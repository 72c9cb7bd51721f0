import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../lib/result.js';
import { availableOf, variantGid, variantsByRefs } from './shopify-catalog.js';
import type { ShopifyContext } from './shopify.context.js';
import { invalid, notFound, userError } from './shopify.errors.js';
import type { ShopifyUserError } from './shopify.types.js';

const MAX_ATTEMPTS = 5;
const REPLAYS = 2;

/** A UUID (v5 layout) derived from `name`: the same adjustment key always gives the same UUID. */
export function idempotencyKey(name: string): string {
  const h = createHash('sha256').update(`orderbridge:${name}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Outcome =
  | { kind: 'applied'; after: number | null }
  | { kind: 'stale' | 'mismatch' }
  | { kind: 'failed'; result: Result<never> };

interface AdjustPayload {
  inventoryAdjustQuantities: {
    inventoryAdjustmentGroup: { changes: { name: string; quantityAfterChange: number | null }[] } | null;
    userErrors: ShopifyUserError[];
  };
}

async function send(
  ctx: ShopifyContext,
  change: { inventoryItemId: string; locationId: string; delta: number; changeFromQuantity: number },
  key: string,
  ref: string,
): Promise<Outcome> {
  const input = {
    name: 'available',
    reason: 'correction',
    referenceDocumentUri: `orderbridge://stock-adjustment/${encodeURIComponent(ref)}`,
    changes: [change],
  };
  let res = await ctx.client.request<AdjustPayload>('inventoryAdjust', { input, key });
  // An answer lost on the way: the same key and input again, Shopify answers the original result.
  for (let i = 0; i < REPLAYS && !res.ok && res.error.retryable; i++) {
    res = await ctx.client.request<AdjustPayload>('inventoryAdjust', { input, key });
  }
  if (!res.ok) return { kind: 'failed', result: res };
  const payload = res.value.inventoryAdjustQuantities;
  const codes = payload.userErrors.map((e) => e.code);
  if (codes.includes('CHANGE_FROM_QUANTITY_STALE')) return { kind: 'stale' };
  if (codes.includes('IDEMPOTENCY_KEY_PARAMETER_MISMATCH')) return { kind: 'mismatch' };
  if (payload.userErrors.length > 0)
    return { kind: 'failed', result: err(userError(payload.userErrors, 'inventoryAdjustQuantities')) };
  const after = payload.inventoryAdjustmentGroup?.changes.find((c) => c.name === 'available')?.quantityAfterChange;
  return { kind: 'applied', after: after ?? null };
}

/**
 * `delta` on the location's `available` quantity, once per `key`: inventoryAdjustQuantities with
 * `@idempotent(key)` (a UUID from key + attempt) and `changeFromQuantity` = the quantity just read.
 * A lost answer is replayed with the same key and input (Shopify returns the original result); only
 * a definite CHANGE_FROM_QUANTITY_STALE (nothing applied) re-reads and moves to the next attempt.
 * IDEMPOTENCY_KEY_PARAMETER_MISMATCH means an earlier call (before a crash) used that attempt's key:
 * it is replayed with the quantity it would have read had it applied; applied → done, stale → next.
 */
export async function adjustStock(
  ctx: ShopifyContext,
  ref: string,
  delta: number,
  key: string,
): Promise<Result<number>> {
  const id = variantGid(ref);
  if (id === null) return err(invalid('shopify_invalid_product_ref', `"${ref}" is not a Shopify variant id.`));
  const location = await ctx.locationId();
  if (!location.ok) return location;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = await variantsByRefs(ctx, [id]);
    if (!read.ok) return read;
    const variant = read.value.get(id);
    if (!variant) return err(notFound(`Shopify has no variant ${id}.`));
    const current = availableOf(variant);
    if (current === null) {
      return err(
        invalid('shopify_stock_not_tracked', `Shopify does not track stock of ${id}: turn on "Track quantity".`),
      );
    }
    const base = { inventoryItemId: variant.inventoryItem.id, locationId: location.value, delta };
    const uuid = idempotencyKey(`${key}#${attempt}`);
    const outcome = await send(ctx, { ...base, changeFromQuantity: current }, uuid, key);
    if (outcome.kind === 'applied') return ok(outcome.after ?? current + delta);
    if (outcome.kind === 'failed') return outcome.result;
    if (outcome.kind === 'mismatch') {
      const replay = await send(ctx, { ...base, changeFromQuantity: current - delta }, uuid, key);
      if (replay.kind === 'applied') return ok(current); // applied before this call read the stock
      if (replay.kind === 'failed') return replay.result;
    }
  }
  return err(invalid('shopify_stock_contended', `Stock of ${id} kept changing during ${MAX_ATTEMPTS} attempts.`));
}
