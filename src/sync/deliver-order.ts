import { NEEDS_PRODUCTS, planDelivery, type DeliveryAction } from '../domain/delivery-plan.js';
import type { Order } from '../domain/order.js';
import { AMAZON_TO_STATUS, isOrderStatus, type OrderStatus } from '../domain/order-status.js';
import type { StoreState } from '../domain/store.js';
import { monthStart, ordersLeftThisMonth } from '../domain/plan.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { StoreConnector } from '../stores/store-connector.js';
import { claimStoreOrder } from './claim-store-order.js';
import { carryOut } from './delivery-steps.js';
import { LINKED_PRODUCT_MISSING, resolveProducts } from './resolve-products.js';
import type { StoreSideDeps } from './store-side-deps.js';

export type DeliveryOutcome = DeliveryAction | 'held' | 'skipped' | 'no_store' | 'inactive' | 'gone';

export const UNKNOWN_SKU_HOLD = 'unknown_sku';
export const PLAN_QUOTA_HOLD = 'plan_quota';

const leaseLost = (): AppError =>
  new AppError('job_lease_lost', 'The delivery job lost its lease; another runner takes the order', {
    kind: 'conflict',
    retryable: true,
  });

/** A held-for-unknown-SKU order is re-checked as what Amazon says it is (a new link may release it). */
function effectiveStatus(order: Order): OrderStatus {
  const status = isOrderStatus(order.status) ? order.status : 'failed';
  const releasable = [UNKNOWN_SKU_HOLD, PLAN_QUOTA_HOLD].some((p) => order.holdReason?.startsWith(p));
  if (status === 'held' && releasable && order.amazonStatus) {
    const fromAmazon = AMAZON_TO_STATUS[order.amazonStatus];
    return order.flags?.buyerCancelRequested && fromAmazon === 'ready' ? 'cancel_requested' : fromAmazon;
  }
  return status;
}

async function applyUnknownSkuPolicy(
  deps: StoreSideDeps,
  order: Order,
  unknown: string[],
  policy: 'hold' | 'import_unlinked' | 'skip',
): Promise<DeliveryOutcome | null> {
  if (unknown.length === 0 || policy === 'import_unlinked') return null;
  const now = deps.clock.nowIso();
  const reason = `${UNKNOWN_SKU_HOLD}: ${unknown.join(', ')}`;
  if (order.status === 'held' && order.holdReason === reason) return 'held';
  await deps.db.transaction().execute(async (trx) => {
    if (policy === 'hold') await deps.orderStore.setHold(trx, order.id, reason, now);
    else
      await deps.orderStore.setStoreState(
        trx,
        order.id,
        { storeState: 'not_needed', status: 'skipped', skipReason: `unknown SKU ${unknown.join(', ')}` },
        now,
      );
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: 'internal',
      kind: policy === 'hold' ? 'order.held' : 'order.skipped',
      summary:
        policy === 'hold'
          ? `Held: no store product for ${unknown.join(', ')}. Link the SKU and the order is delivered automatically.`
          : `Skipped (unknown SKU policy): no store product for ${unknown.join(', ')}`,
      payload: { unknown },
    });
  });
  return policy === 'hold' ? 'held' : 'skipped';
}

/**
 * Brings the store side of one order to where its status says it should be (PRODUCT.md §5–§6):
 * plan the step, resolve products when the step needs them, apply the unknown-SKU policy, then
 * carry the step out. Idempotent: every step checks or keys what it already did.
 */
export async function deliverOrder(
  deps: StoreSideDeps,
  orderId: string,
  signal?: AbortSignal,
): Promise<Result<DeliveryOutcome>> {
  const order = await deps.orders.findById(orderId);
  if (!order) return ok('gone');
  const connection = await deps.connections.findById(order.connectionId);
  if (!connection) return ok('gone');
  if (!connection.config.active) return ok('inactive');
  if (!connection.storeId) return ok('no_store');
  const connector = await deps.connectorFor(connection.storeId);
  if (!connector.ok) return connector;
  const events = await deps.orders.events(order.id);
  const cancellations = await deps.cancellations.forOrder(order.id);
  const status = effectiveStatus(order);
  const action = planDelivery({
    status,
    storeState: order.storeState as StoreState | null,
    syncLevel: connection.config.syncLevel,
    fba: order.fulfillmentChannel === 'AFN',
    fbaOrdersLowerStock: connection.config.fbaOrdersLowerStock,
    reservePendingStock: connection.config.reservePendingStock,
    cancelRequestNoted: events.some((e) => e.kind === 'store.cancel_request_noted'),
    cancelledByStore: cancellations.length > 0,
  });
  if (action === 'none') return ok('none');
  // One store order per Amazon order and shop, whatever connection it comes from.
  if (action === 'create' || action === 'take_stock') {
    const claimed = await claimStoreOrder(deps, order, connection, connection.storeId);
    if (!claimed.ok) return claimed;
  }
  if (NEEDS_PRODUCTS.has(action)) {
    const held = await resolveAndCheck(deps, order, connection.config, connector.value);
    if (!held.ok) return held;
    if (held.value) return ok(held.value);
  }
  if (action === 'create' || action === 'take_stock') {
    const over = await holdOverQuota(deps, order, connection.accountId);
    if (over) return ok('held');
  }
  // A job whose lease was lost (its process stalled) must not act: another runner owns the order now.
  if (signal?.aborted) return err(leaseLost());
  const done = await carryOut(deps, action, order, status, connection.config, connector.value);
  return done.ok ? ok(action) : err(done.error);
}

/**
 * Over the plan's monthly quota the order is kept but held back from the store, with a visible
 * notice, until the plan allows it (next month, or an upgrade releases it at once). Never dropped.
 */
async function holdOverQuota(deps: StoreSideDeps, order: Order, accountId: string): Promise<boolean> {
  const plan = await deps.plans.ofAccount(accountId);
  if (!plan || plan.ordersPerMonth === null) return false;
  const delivered = await deps.plans.deliveredSince(accountId, monthStart(deps.clock.now()));
  if (ordersLeftThisMonth(plan, delivered) > 0) return false;
  const reason = `${PLAN_QUOTA_HOLD}: plan "${plan.name}" allows ${plan.ordersPerMonth} orders per month`;
  if (order.status === 'held' && order.holdReason === reason) return true;
  const now = deps.clock.nowIso();
  await deps.db.transaction().execute(async (trx) => {
    await deps.orderStore.setHold(trx, order.id, reason, now);
    await deps.orders.addEvent(trx, {
      orderId: order.id,
      connectionId: order.connectionId,
      occurredAt: now,
      direction: 'internal',
      kind: 'order.held',
      summary: `Held back from the store: the plan "${plan.name}" allows ${plan.ordersPerMonth} orders per month and ${delivered} reached the store this month. The order is kept and goes to the store when the plan allows it.`,
      payload: { plan: plan.id, ordersPerMonth: plan.ordersPerMonth, delivered },
    });
  });
  return true;
}

async function resolveAndCheck(
  deps: StoreSideDeps,
  order: Order,
  config: Parameters<typeof resolveProducts>[3],
  connector: StoreConnector,
): Promise<Result<DeliveryOutcome | null>> {
  const lines = await deps.orders.lines(order.id);
  const resolution = await resolveProducts(deps, order, lines, config, connector);
  // A link to no store product is the merchant's to fix (named SKU), not a failed lookup.
  if (!resolution.ok && resolution.error.code === LINKED_PRODUCT_MISSING) return resolution;
  if (!resolution.ok) {
    return err(
      new AppError('store_product_lookup_failed', `Product lookup failed: ${resolution.error.message}`, {
        kind: resolution.error.kind,
        retryable: resolution.error.retryable,
        cause: resolution.error,
      }),
    );
  }
  return ok(await applyUnknownSkuPolicy(deps, order, resolution.value.unknown, config.unknownSkuPolicy));
}
