import type { Kysely } from 'kysely';
import type { OutboundPolicy } from '../net/outbound-policy.js';
import type { CancellationRepository } from '../db/cancellation.repository.js';
import type { ConnectionRepository } from '../db/connection.repository.js';
import type { OrderStoreRepository } from '../db/order-store.repository.js';
import type { OrderRepository } from '../db/order.repository.js';
import type { PlanRepository } from '../db/plan.repository.js';
import type { Database } from '../db/schema.js';
import type { ShipmentRepository } from '../db/shipment.repository.js';
import type { SkuLinkRepository } from '../db/sku-link.repository.js';
import type { StockRepository } from '../db/stock.repository.js';
import type { StoreRepository } from '../db/store.repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import type { Result } from '../lib/result.js';
import type { StoreConnector } from '../stores/store-connector.js';
import type { AmazonWriteBackPort } from './write-back-ports.js';

/** Everything the store-side use cases (deliver, store events, write-back) work with: one bag, passed in. */
export interface StoreSideDeps {
  db: Kysely<Database>;
  /** Where store and webhook calls may go (src/net/outbound-policy.ts); absent = public addresses only. */
  outbound?: OutboundPolicy;
  orders: OrderRepository;
  orderStore: OrderStoreRepository;
  shipments: ShipmentRepository;
  cancellations: CancellationRepository;
  stock: StockRepository;
  plans: PlanRepository;
  stores: StoreRepository;
  skuLinks: SkuLinkRepository;
  connections: ConnectionRepository;
  jobs: JobQueue;
  clock: Clock;
  logger: Logger;
  connectorFor(storeId: string): Promise<Result<StoreConnector>>;
  /** A store's opened credentials (webhook secrets of hub-api stores). */
  openSecrets(storeId: string): Promise<Record<string, string>>;
  amazonFor(connectionId: string): Promise<AmazonWriteBackPort>;
}

/** Job names of the store side; payloads carry ids only. */
export const JOBS = {
  deliver: 'orders.deliver',
  confirmShipment: 'shipments.confirm',
  submitCancellations: 'cancellations.submit',
  pollFeed: 'feeds.poll',
  pushStock: 'stock.push',
  pollStore: 'stores.poll',
  deliverWebhook: 'webhooks.deliver',
} as const;

/** Enqueues the delivery of an order; one queue per store keeps store writes (stock!) in order. */
export function enqueueDelivery(
  deps: Pick<StoreSideDeps, 'jobs'>,
  orderId: string,
  storeId: string,
  trx?: Kysely<Database>,
): Promise<string> {
  return deps.jobs.enqueue(JOBS.deliver, { orderId }, { key: `deliver:${orderId}`, queue: `store:${storeId}`, trx });
}

/** Shipment confirmations run before routine jobs (pulls, polls: priority 0) when both wait. */
export const SHIPMENT_CONFIRM_PRIORITY = -10;

/** One confirmation job per shipment (key), one at a time per order (queue): packages never race. */
export function enqueueShipmentConfirm(
  deps: Pick<StoreSideDeps, 'jobs'>,
  shipment: { id: string; orderId: string },
  trx?: Kysely<Database>,
): Promise<string> {
  return deps.jobs.enqueue(
    JOBS.confirmShipment,
    { shipmentId: shipment.id },
    {
      key: `ship:${shipment.id}`,
      queue: `ship:${shipment.orderId}`,
      trx,
      maxAttempts: 12,
      priority: SHIPMENT_CONFIRM_PRIORITY,
    },
  );
}

/** One cancellation feed job per connection at a time; pending cancellations are batched into it. */
export function enqueueCancellationSubmit(
  deps: Pick<StoreSideDeps, 'jobs'>,
  connectionId: string,
  options: { trx?: Kysely<Database>; runAt?: Date } = {},
): Promise<string> {
  return deps.jobs.enqueue(
    JOBS.submitCancellations,
    { connectionId },
    { key: `cancel-submit:${connectionId}`, queue: `feeds:${connectionId}`, trx: options.trx, runAt: options.runAt },
  );
}

/** Amazon needs a moment to process a feed; the first poll waits this long. */
export const FEED_POLL_DELAY_MS = 2_000;

/** Polls one submitted feed until Amazon is done (up to 40 attempts with backoff). */
export function enqueueFeedPoll(
  deps: Pick<StoreSideDeps, 'jobs' | 'clock'>,
  feedId: string,
  trx: Kysely<Database>,
): Promise<string> {
  const runAt = new Date(deps.clock.now().getTime() + FEED_POLL_DELAY_MS);
  return deps.jobs.enqueue(JOBS.pollFeed, { feedId }, { key: `feed:${feedId}`, runAt, trx, maxAttempts: 40 });
}

const STOCK_DEBOUNCE_MS = 2_000;

/** Stock pushes are debounced: changes within a couple of seconds go to Amazon together. */
export function enqueueStockPush(deps: Pick<StoreSideDeps, 'jobs' | 'clock'>, connectionId: string): Promise<string> {
  const runAt = new Date(deps.clock.now().getTime() + STOCK_DEBOUNCE_MS);
  return deps.jobs.enqueue(
    JOBS.pushStock,
    { connectionId },
    { key: `stock-push:${connectionId}`, queue: `stock:${connectionId}`, runAt },
  );
}
