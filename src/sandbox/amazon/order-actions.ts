import { AppError } from '../../lib/errors.js';
import { sellerWarehouse } from './address-generator.js';
import { carriersFor, trackingNumber } from './carrier-catalog.js';
import { parseIsoDateTime, isoSeconds } from './iso-time.js';
import { findMarketplace } from './marketplace-catalog.js';
import {
  cancelOrder,
  releaseOrder,
  requestCancellation,
  shipOrder,
  touchOrder,
  unshippedQuantity,
  type CancelledBy,
  type PackageInput,
  type ShipLine,
} from './order-lifecycle.js';
import type { SeededRandom } from './seeded-random.js';
import type { StoredOrder } from './stored-order.js';

export const ORDER_ACTIONS = ['release', 'ship', 'cancel', 'requestCancel', 'touch'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Options of advanceOrder; each action reads the ones it needs (README "Control API"). */
export interface AdvanceOptions {
  /** ship: lines and quantities (default: everything unshipped). requestCancel: item ids (default: all). */
  items?: ShipLine[] | string[];
  packageReferenceId?: string;
  carrier?: string;
  trackingNumber?: string;
  shippingService?: string;
  shipTime?: string;
  /** cancel: who cancels (default MERCHANT) and why. */
  by?: CancelledBy;
  reason?: string;
}

const invalid = (message: string): AppError => new AppError('invalid_action', message, { kind: 'invalid' });
const DEFAULT_CANCEL_REASON: Record<CancelledBy, string> = {
  BUYER: 'BuyerCanceled',
  MERCHANT: 'NoInventory',
  AMAZON: 'Payment could not be authorised',
};

export function advanceStoredOrder(
  stored: StoredOrder,
  action: OrderAction,
  options: AdvanceOptions,
  at: string,
  rng: SeededRandom,
): void {
  switch (action) {
    case 'release':
      return releaseOrder(stored, at);
    case 'ship':
      return shipOrder(stored, shipLines(stored, options), packageFor(stored, options, at, rng), at);
    case 'cancel': {
      const by = options.by ?? 'MERCHANT';
      if (!(by in DEFAULT_CANCEL_REASON)) throw invalid('by must be BUYER, MERCHANT or AMAZON.');
      return cancelOrder(stored, by, options.reason ?? DEFAULT_CANCEL_REASON[by], at);
    }
    case 'requestCancel': {
      const ids = options.items?.map((i) => (typeof i === 'string' ? i : i.orderItemId)) ?? null;
      return requestCancellation(stored, ids, options.reason ?? 'Ordered by mistake', at);
    }
    case 'touch':
      return touchOrder(stored, at);
    default:
      throw invalid(`Unknown action "${String(action)}"; use ${ORDER_ACTIONS.join(', ')}.`);
  }
}

function shipLines(stored: StoredOrder, options: AdvanceOptions): ShipLine[] {
  if (options.items) {
    return options.items.map((i) => {
      if (typeof i === 'string') throw invalid('ship items must be {orderItemId, quantity} objects.');
      return i;
    });
  }
  return stored.order.orderItems
    .filter((i) => unshippedQuantity(i) > 0)
    .map((i) => ({ orderItemId: i.orderItemId, quantity: unshippedQuantity(i) }));
}

/** Seller-fulfilled orders get a package (details drawn when not given); FBA orders ship without one. */
function packageFor(stored: StoredOrder, options: AdvanceOptions, at: string, rng: SeededRandom): PackageInput | null {
  const { order } = stored;
  if (order.fulfillment?.fulfilledBy === 'AMAZON') return null;
  const mp = findMarketplace(order.salesChannel.marketplaceId ?? '');
  const country = mp?.country ?? 'US';
  const carrier = rng.pick(carriersFor(country));
  const used = (order.packages ?? []).map((p) => Number(p.packageReferenceId)).filter(Number.isFinite);
  const shipMs = options.shipTime === undefined ? null : parseIsoDateTime(options.shipTime);
  if (shipMs === null && options.shipTime !== undefined) throw invalid('shipTime must be an ISO 8601 date-time.');
  return {
    packageReferenceId: options.packageReferenceId ?? String(Math.max(0, ...used) + 1),
    carrier: options.carrier ?? carrier.code,
    trackingNumber: options.trackingNumber ?? trackingNumber(rng, carrier, country),
    shipTime: shipMs === null ? at : isoSeconds(shipMs),
    shippingService: options.shippingService ?? carrier.service,
    ...(mp ? { shipFromAddress: sellerWarehouse(mp) } : {}),
  };
}
