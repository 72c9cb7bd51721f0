import type { FulfillmentStatus } from '@sp-api-sdk/orders-api-2026-01-01';
import { sellerWarehouse } from './address-generator.js';
import { carriersFor, trackingNumber } from './carrier-catalog.js';
import { isoSeconds } from './iso-time.js';
import type { MarketplaceInfo } from './marketplace-catalog.js';
import { concealPending } from './order-concealment.js';
import {
  cancelOrder,
  requestCancellation,
  shipOrder,
  unshippedQuantity,
  type CancelledBy,
  type PackageInput,
  type ShipLine,
} from './order-lifecycle.js';
import type { SeededRandom } from './seeded-random.js';
import type { StoredOrder } from './stored-order.js';

/** Moves through time from createdTime, never past `capMs` (generated history ends before "now"). */
export class Timeline {
  private current: number;
  constructor(
    createdMs: number,
    private readonly capMs: number,
  ) {
    this.current = createdMs;
  }
  step(rng: SeededRandom, minMinutes: number, maxMinutes: number): string {
    const next = this.current + rng.int(minMinutes * 60_000, maxMinutes * 60_000);
    this.current = Math.max(this.current, Math.min(next, this.capMs));
    return isoSeconds(this.current);
  }
}

const CANCEL_REASONS: readonly (readonly [CancelledBy, string])[] = [
  ['BUYER', 'Order created by mistake'],
  ['MERCHANT', 'NoInventory'],
  ['AMAZON', 'Payment could not be authorised'],
];
const REQUEST_REASONS = ['Found a better price', 'Delivery time too long', 'Ordered by mistake'];

/**
 * Brings a fresh UNSHIPPED order to `target` through the same lifecycle steps the control API uses,
 * stamping each step on the timeline (so lastUpdatedTime is the time of the last step).
 */
export function shapeStatus(
  stored: StoredOrder,
  target: FulfillmentStatus,
  rng: SeededRandom,
  mp: MarketplaceInfo,
  timeline: Timeline,
): void {
  const { order } = stored;
  const pendingLike = target === 'PENDING' || target === 'PENDING_AVAILABILITY';
  const cancelWhilePending = target === 'CANCELLED' && rng.chance(0.5);
  if (pendingLike || cancelWhilePending) {
    concealPending(stored);
    order.fulfillment = { ...order.fulfillment, fulfillmentStatus: pendingLike ? target : 'PENDING' };
    if (target === 'PENDING_AVAILABILITY') order.programs = [...new Set([...(order.programs ?? []), 'PREORDER'])];
  } else order.lastUpdatedTime = timeline.step(rng, 1, 30);
  if (['PENDING', 'PENDING_AVAILABILITY', 'UNSHIPPED'].includes(target) && rng.chance(0.05)) {
    requestCancellation(stored, null, rng.pick(REQUEST_REASONS), timeline.step(rng, 5, 120));
  }
  if (target === 'CANCELLED') {
    const [by, reason] = rng.pick(CANCEL_REASONS);
    cancelOrder(stored, by, reason, timeline.step(rng, 10, 600));
  } else if (target === 'SHIPPED' || target === 'PARTIALLY_SHIPPED') {
    shipInPackages(stored, target === 'SHIPPED', rng, mp, timeline);
  } else if (target === 'UNFULFILLABLE') {
    order.fulfillment = { ...order.fulfillment, fulfillmentStatus: 'UNFULFILLABLE' };
  }
}

function shipInPackages(
  stored: StoredOrder,
  all: boolean,
  rng: SeededRandom,
  mp: MarketplaceInfo,
  timeline: Timeline,
): void {
  const units = stored.order.orderItems.map((i) => ({ id: i.orderItemId, left: unshippedQuantity(i) }));
  const total = units.reduce((sum, u) => sum + u.left, 0);
  const packages = all && total > 1 && rng.chance(0.2) ? 2 : 1;
  let toShip = all ? total : Math.max(1, Math.floor(total / 2));
  for (let p = 1; p <= packages && toShip > 0; p++) {
    let budget = p === packages ? toShip : Math.ceil(toShip / 2);
    toShip -= budget;
    const lines: ShipLine[] = [];
    for (const u of units) {
      const q = Math.min(u.left, budget);
      if (q <= 0) continue;
      lines.push({ orderItemId: u.id, quantity: q });
      u.left -= q;
      budget -= q;
    }
    const at = timeline.step(rng, 30, 600);
    shipOrder(
      stored,
      lines,
      stored.order.fulfillment?.fulfilledBy === 'AMAZON' ? null : newPackage(rng, mp, p, at),
      at,
    );
  }
}

function newPackage(rng: SeededRandom, mp: MarketplaceInfo, ref: number, at: string): PackageInput {
  const carrier = rng.pick(carriersFor(mp.country));
  return {
    packageReferenceId: String(ref),
    carrier: carrier.code,
    trackingNumber: trackingNumber(rng, carrier, mp.country),
    shipTime: at,
    shippingService: carrier.service,
    shipFromAddress: sellerWarehouse(mp),
  };
}
