import type { Connection } from '../domain/connection.js';
import type { Order } from '../domain/order.js';
import { storeIdentity } from '../domain/store-identity.js';
import { StoreOrderClaimRepository, type StoreOrderClaim } from '../db/store-order-claim.repository.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { StoreSideDeps } from './store-side-deps.js';

export const DUPLICATE_AMAZON_ORDER = 'duplicate_amazon_order';

/**
 * Before an order reaches its store (a store order, or Stock only's stock movement) it claims
 * (shop, Amazon order id) in the database. A second copy of the same Amazon order — from another
 * connection of the seller, or through another store row (any account) pointing at the same shop —
 * is refused with `duplicate_amazon_order` and waits in needs-attention: never a second store order,
 * never silently dropped. A retry of the order that holds the claim passes.
 */
export async function claimStoreOrder(
  deps: StoreSideDeps,
  order: Order,
  connection: Connection,
  storeId: string,
): Promise<Result<void>> {
  const store = await deps.stores.findById(storeId);
  if (!store) return err(new AppError('store_not_found', `No store "${storeId}"`, { kind: 'not_found' }));
  const holder = await new StoreOrderClaimRepository(deps.db).claim({
    storeKey: storeIdentity(store.platform, store.baseUrl),
    amazonOrderId: order.amazonOrderId,
    orderId: order.id,
    connectionId: connection.id,
    storeId: store.id,
    claimedAt: deps.clock.nowIso(),
  });
  if (holder.orderId === order.id) return ok(undefined);
  return err(await duplicateError(deps, order, connection, store.id, holder));
}

/** Names the connection that delivered first only when it is in the same account (tenant isolation). */
async function duplicateError(
  deps: StoreSideDeps,
  order: Order,
  connection: Connection,
  storeId: string,
  holder: StoreOrderClaim,
): Promise<AppError> {
  const first = await deps.connections.findById(holder.connectionId);
  const sameAccount = first !== null && first.accountId === connection.accountId;
  let by = 'a connection of another account of this installation';
  if (sameAccount) {
    const viaStore = holder.storeId === storeId ? null : await deps.stores.findById(holder.storeId);
    by = `connection "${first.name}"${viaStore ? ` through store "${viaStore.name}" (the same shop)` : ''}`;
  }
  return new AppError(
    DUPLICATE_AMAZON_ORDER,
    `Amazon order ${order.amazonOrderId} was already delivered to this store by ${by}; this copy is not sent again (one store order per Amazon order)`,
    {
      kind: 'conflict',
      retryable: false,
      details: {
        amazonOrderId: order.amazonOrderId,
        ...(sameAccount && { connectionId: holder.connectionId, orderId: holder.orderId }),
      },
    },
  );
}
