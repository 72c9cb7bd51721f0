/** The merchant's online store: a platform connector (src/stores/) plus its settings and sealed credentials. */
export interface Store {
  id: string;
  accountId: string;
  name: string;
  /** A platform id of src/stores/registry.ts: 'hub-api', 'woocommerce', 'vendure'. */
  platform: string;
  baseUrl: string;
  settings: Record<string, unknown>;
  eventCursor: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Store-side states of an order (orders.store_state); null = not looked at yet. */
export const STORE_STATES = [
  'waiting', // no store linked, or Amazon has not released it and no reservation is wanted
  'reserved', // Pending on Amazon: its quantities are held back from Amazon's stock
  'created', // the store order exists (store_order_ref)
  'partially_shipped', // the store shipped some of the order's units (a store shipment is recorded)
  'shipped', // the store shipped every open unit (store shipments are recorded)
  'awaiting_pickup', // hub-api: offered to the store, not acknowledged yet
  'stock_taken', // Stock only: the store's stock was lowered by the ordered quantities
  'stock_returned', // Stock only: cancelled before shipping, the stock came back
  'cancelled', // the store order is cancelled: Amazon cancelled it, or the store did (a store cancellation is recorded)
  'released', // a reservation ended without a store order (cancelled while pending)
  'not_needed', // nothing to do in the store (already shipped or cancelled when first seen, skipped)
] as const;

export type StoreState = (typeof STORE_STATES)[number];
