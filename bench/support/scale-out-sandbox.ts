// The scale-out benchmark's Amazon: the shipped sandbox in its own process (its CPU is not a worker's),
// driven by the benchmark over IPC: add sellers, run a trickle of new orders, report the orders made.
// The benchmark reads the sandbox's searchOrders log over HTTP (GET /_sandbox/stats/search-orders).
import type { Clock } from '../../src/lib/clock.js';
import { startAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { SeededRandom } from '../../src/sandbox/amazon/seeded-random.js';

export interface BenchSeller {
  sellerId: string;
  refreshToken: string;
  marketplaceIds: string[];
}

export interface CreatedOrder {
  orderId: string;
  sellerId: string;
  marketplaceId: string;
  /** Wall clock when the sandbox created it. */
  createdMs: number;
}

export type SandboxCommand =
  | { type: 'sellers'; sellers: BenchSeller[] }
  | { type: 'trickle'; ordersPerSecond: number }
  | { type: 'orders'; since: number };

export type SandboxReply =
  | { type: 'ready'; url: string; aheadMs: number }
  | { type: 'sellers'; count: number }
  | { type: 'trickle'; ordersPerSecond: number }
  | { type: 'orders'; orders: CreatedOrder[]; next: number };

/**
 * Orders are stamped with real time while the sandbox's clock runs this far ahead, so a new order is
 * visible to searchOrders at once instead of after Amazon's 2 minutes: the lag measured is OrderBridge's.
 */
const AHEAD_MS = 121_000;
let stampingNow = false;
const clock: Clock = {
  now: () => new Date(Date.now() + (stampingNow ? 0 : AHEAD_MS)),
  nowIso: () => clock.now().toISOString(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const rateScale = Number(process.argv[2] ?? 1000);
const started = await startAmazonSandbox({ seed: 11, rateScale, clock });
const { sandbox } = started;
const rng = new SeededRandom(11);
const sellers: BenchSeller[] = [];
const created: CreatedOrder[] = [];
let trickle: NodeJS.Timeout | null = null;

function createOrder(): void {
  const seller = rng.pick(sellers);
  const marketplaceId = rng.pick(seller.marketplaceIds);
  stampingNow = true;
  try {
    const order = sandbox.createOrder({
      sellerId: seller.sellerId,
      salesChannel: { marketplaceId },
      fulfillment: { fulfilledBy: 'MERCHANT', fulfillmentStatus: 'UNSHIPPED' },
    });
    created.push({ orderId: order.orderId, sellerId: seller.sellerId, marketplaceId, createdMs: Date.now() });
  } finally {
    stampingNow = false;
  }
}

/** A steady trickle: every 100 ms a tenth of the rate, spread over random sellers and marketplaces. */
function startTrickle(ordersPerSecond: number): void {
  if (trickle) clearInterval(trickle);
  trickle = null;
  if (ordersPerSecond <= 0 || sellers.length === 0) return;
  let owed = 0;
  trickle = setInterval(() => {
    owed += ordersPerSecond / 10;
    for (; owed >= 1; owed -= 1) createOrder();
  }, 100);
}

const reply = (message: SandboxReply): void => {
  process.send?.(message);
};

process.on('message', (command: SandboxCommand) => {
  if (command.type === 'sellers') {
    for (const s of command.sellers) {
      sandbox.addSeller({ sellerId: s.sellerId, refreshToken: s.refreshToken, marketplaceIds: s.marketplaceIds });
      sellers.push(s);
    }
    reply({ type: 'sellers', count: sellers.length });
  } else if (command.type === 'trickle') {
    startTrickle(command.ordersPerSecond);
    reply({ type: 'trickle', ordersPerSecond: command.ordersPerSecond });
  } else {
    reply({ type: 'orders', orders: created.slice(command.since), next: created.length });
  }
});
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready', url: started.url, aheadMs: AHEAD_MS });
