import type { StartedAmazonSandbox } from '../src/sandbox/amazon/index.js';
import { productOfSpelling } from './roundtrip-setup.js';
import type { BenchStore } from './roundtrip-store.js';

/** What the benchmark's merchant did; the counts compare it with the sandboxes' own state. */
export interface Ledger {
  orders: number;
  /** MFN orders that must become store orders (released, and not cancelled before that). */
  expectedStoreOrders: Set<string>;
  shipped: Map<string, string>; // Amazon order id → tracking number the store shipped with
  cancelled: Set<string>; // Amazon order ids the store cancelled
  stockChanged: Set<string>; // store SKUs whose stock the merchant set
  marketplaceId: string;
}

export interface RoundtripCounts {
  orders: number;
  expectedStoreOrders: number;
  storeOrders: number;
  duplicates: number;
  lost: number;
  shipmentsExpected: number;
  shipmentsConfirmed: number;
  cancellationsExpected: number;
  cancellationsApplied: number;
  stockUpdatesExpected: number;
  stockUpdatesApplied: number;
}

/** Amazon SKUs (spellings seen in delivered MFN orders) per store SKU. */
function spellingsByProduct(amazon: StartedAmazonSandbox, ids: Iterable<string>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const id of ids) {
    for (const item of amazon.sandbox.getOrder(id).orderItems ?? []) {
      const sku = item.product?.sellerSku;
      const product = sku ? productOfSpelling(sku) : null;
      if (sku && product) map.set(product, (map.get(product) ?? new Set()).add(sku));
    }
  }
  return map;
}

/** Counted from the sandboxes' state only, never from OrderBridge's records. */
export function countRoundtrip(amazon: StartedAmazonSandbox, shop: BenchStore, ledger: Ledger): RoundtripCounts {
  const store = shop.ordersByAmazonId();
  let duplicates = 0;
  for (const orders of store.values()) duplicates += orders.length - 1;
  const lost = [...ledger.expectedStoreOrders].filter((id) => !store.has(id)).length;
  let shipmentsConfirmed = 0;
  for (const [id, tracking] of ledger.shipped) {
    const packages = (amazon.sandbox.getOrder(id).packages ?? []).filter((p) => p.trackingNumber === tracking);
    if (packages.length === 1) shipmentsConfirmed += 1;
  }
  let cancellationsApplied = 0;
  for (const id of ledger.cancelled) {
    const order = amazon.sandbox.getOrder(id);
    const byFeed = /NoInventory|BuyerCanceled/.test(JSON.stringify(amazon.sandbox.orderFeedActions(id)));
    if (order.fulfillment?.fulfillmentStatus === 'CANCELLED' && byFeed) cancellationsApplied += 1;
  }
  const spellings = spellingsByProduct(amazon, store.keys());
  let stockUpdatesApplied = 0;
  for (const sku of ledger.stockChanged) {
    const wanted = shop.getStock(sku);
    const listed = [...(spellings.get(sku) ?? [])].map(
      (s) => amazon.sandbox.listListings({ sku: s, marketplaceId: ledger.marketplaceId })[0]?.quantity,
    );
    if (listed.length > 0 && listed.every((q) => q === wanted)) stockUpdatesApplied += 1;
  }
  return {
    orders: ledger.orders,
    expectedStoreOrders: ledger.expectedStoreOrders.size,
    storeOrders: store.size,
    duplicates,
    lost,
    shipmentsExpected: ledger.shipped.size,
    shipmentsConfirmed,
    cancellationsExpected: ledger.cancelled.size,
    cancellationsApplied,
    stockUpdatesExpected: ledger.stockChanged.size,
    stockUpdatesApplied,
  };
}
