import type { StartedAmazonSandbox } from '../src/sandbox/amazon/index.js';
import type { SeededRandom } from '../src/sandbox/amazon/seeded-random.js';
import type { Ledger } from './roundtrip-count.js';
import type { BenchStore } from './roundtrip-store.js';

const SHIP_SHARE = 0.35;
const CANCEL_SHARE = 0.12;

/**
 * The seller and the merchant of the roundtrip benchmark, one tick at a time: Amazon releases or
 * cancels pending orders; the store ships (mapped and unmapped carriers) or cancels a seeded share
 * of the orders it received, and changes stock. Everything done is written to the ledger.
 */
export class Merchant {
  private readonly seen = new Set<string>();
  private trackingNo = 0;

  constructor(
    private readonly amazon: StartedAmazonSandbox,
    private readonly store: BenchStore,
    private readonly rng: SeededRandom,
    private readonly ledger: Ledger,
    private readonly pending: string[],
  ) {}

  /** Amazon side: a pending order is released (→ a store order) or cancelled (→ never one). */
  amazonTick(): void {
    const id = this.pending.shift();
    if (!id) return;
    if (this.rng.chance(0.8)) {
      this.amazon.sandbox.advanceOrder(id, 'release');
      this.ledger.expectedStoreOrders.add(id);
    } else this.amazon.sandbox.advanceOrder(id, 'cancel');
  }

  /** Store side: acts once on every store order it has not looked at yet. */
  storeTick(): void {
    for (const [amazonId, orders] of this.store.ordersByAmazonId()) {
      const order = orders[0];
      // A merchant acts on paid orders; a pending one is still being created by OrderBridge.
      if (!order || this.seen.has(order.id) || !order.ready) continue;
      this.seen.add(order.id);
      const roll = this.rng.next();
      const amazonStatus = this.amazon.sandbox.getOrder(amazonId).fulfillment?.fulfillmentStatus;
      if (roll < SHIP_SHARE) this.ship(order.id, amazonId);
      else if (roll < SHIP_SHARE + CANCEL_SHARE && amazonStatus === 'UNSHIPPED') {
        this.store.cancel(order.id);
        this.ledger.cancelled.add(amazonId);
      }
    }
  }

  private ship(storeOrderId: string, amazonId: string): void {
    const tracking = `RT${String(++this.trackingNo).padStart(8, '0')}`;
    this.store.ship(storeOrderId, tracking, this.rng.chance(0.5));
    this.ledger.shipped.set(amazonId, tracking);
  }

  /** A stock change in the store for a product that sells on Amazon. */
  stockTick(skus: readonly string[]): void {
    if (skus.length === 0) return;
    const sku = skus[this.rng.int(0, skus.length - 1)] as string;
    this.store.setStock(sku, this.rng.int(0, 60));
    this.ledger.stockChanged.add(sku);
  }
}
