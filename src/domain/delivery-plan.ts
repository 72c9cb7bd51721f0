import type { OrderStatus } from './order-status.js';
import type { StoreState } from './store.js';

/**
 * What the store side of one order needs next (PRODUCT.md §5 levels, §6 status model), as data:
 * one pure function of the order's status and store state. src/sync/deliver-order.ts carries it out.
 */
export type DeliveryAction =
  | 'none'
  | 'reserve' // pending on Amazon: hold its quantities back from Amazon's stock, no store order yet
  | 'wait' // pending, reservations off: nothing until Amazon releases it
  | 'create' // create the store order (finds the existing one after a crash)
  | 'note_cancel_request' // the buyer asked to cancel an order already in the store
  | 'cancel_store_order' // Amazon cancelled an order that is in the store
  | 'release' // a reservation ends without a store order
  | 'take_stock' // Stock only: lower the store's stock by the ordered quantities
  | 'return_stock' // Stock only: cancelled before shipping, give the stock back
  | 'not_needed'; // nothing will ever be needed in the store for this order

export interface DeliveryInput {
  status: OrderStatus;
  storeState: StoreState | null;
  syncLevel: 'orders_and_stock' | 'stock_only';
  fba: boolean;
  fbaOrdersLowerStock: boolean;
  reservePendingStock: boolean;
  cancelRequestNoted: boolean;
  /** The store itself cancelled the order (a store cancellation is recorded): nothing to cancel there. */
  cancelledByStore: boolean;
}

const NOT_IN_STORE: ReadonlySet<StoreState | null> = new Set([null, 'waiting', 'reserved']);
/** The store order exists and still has units to ship: a cancel request or Amazon's cancellation concerns it. */
const OPEN_IN_STORE: ReadonlySet<StoreState | null> = new Set(['created', 'awaiting_pickup', 'partially_shipped']);

function ordersAndStock(i: DeliveryInput): DeliveryAction {
  const open = NOT_IN_STORE.has(i.storeState);
  switch (i.status) {
    case 'pending':
      if (!open || i.storeState === 'reserved') return 'none';
      return i.reservePendingStock && !i.fba ? 'reserve' : i.storeState === 'waiting' ? 'none' : 'wait';
    case 'ready':
      return open ? 'create' : 'none';
    case 'cancel_requested':
      if (open) return 'create';
      return OPEN_IN_STORE.has(i.storeState) && !i.cancelRequestNoted ? 'note_cancel_request' : 'none';
    case 'cancelled':
      if (OPEN_IN_STORE.has(i.storeState)) {
        return i.cancelledByStore ? 'none' : 'cancel_store_order';
      }
      if (i.storeState === 'reserved') return 'release';
      return open ? 'not_needed' : 'none';
    case 'shipped':
    case 'skipped':
      if (i.storeState === 'reserved') return 'release';
      return open ? 'not_needed' : 'none';
    case 'in_store':
    case 'held':
    case 'failed':
      return 'none';
  }
}

function stockOnly(i: DeliveryInput): DeliveryAction {
  const untouched = i.storeState === null || i.storeState === 'waiting';
  if (i.fba && !i.fbaOrdersLowerStock) return untouched ? 'not_needed' : 'none';
  switch (i.status) {
    case 'pending':
      if (!untouched) return 'none';
      return i.reservePendingStock ? 'take_stock' : i.storeState === 'waiting' ? 'none' : 'wait';
    case 'ready':
    case 'cancel_requested':
    case 'in_store':
      return untouched ? 'take_stock' : 'none';
    case 'cancelled':
      if (i.storeState === 'stock_taken') return 'return_stock';
      return untouched ? 'not_needed' : 'none';
    case 'shipped':
    case 'skipped':
      return untouched ? 'not_needed' : 'none';
    case 'held':
    case 'failed':
      return 'none';
  }
}

/** The next store-side step for an order; 'none' when it is where it should be. */
export function planDelivery(input: DeliveryInput): DeliveryAction {
  return input.syncLevel === 'stock_only' ? stockOnly(input) : ordersAndStock(input);
}

/** Actions that need every item line linked to a store product first. */
export const NEEDS_PRODUCTS: ReadonlySet<DeliveryAction> = new Set(['reserve', 'create', 'take_stock']);
