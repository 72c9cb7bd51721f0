import type { FulfillmentStatus, Order } from '@sp-api-sdk/orders-api-2026-01-01';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { buildCustomOrder, type CreateOrderInput } from './create-order.js';
import { CredentialStore, type AddSellerInput } from './credential-store.js';
import type { FeedControlView } from './feeds-control.routes.js';
import type { OrderFeedAction } from './feeds-order-cancel.js';
import { processFeed } from './feeds-processing.js';
import {
  listFeedViews,
  processFeedsNow,
  setFeedTiming,
  setListingQuantity,
  type ListingQuantityInput,
} from './feeds-sandbox-api.js';
import { FeedStore, type FeedTiming } from './feeds-store.js';
import { FaultInjector, type FaultConfig } from './fault-injector.js';
import { generateOrderBatch, type GenerateOrdersOptions } from './generate-orders.js';
import { isoSeconds } from './iso-time.js';
import { ListingStore, type ListingsFilter, type SandboxListing } from './listings-store.js';
import { MARKETPLACES } from './marketplace-catalog.js';
import { advanceStoredOrder, type AdvanceOptions, type OrderAction } from './order-actions.js';
import { OrderStore } from './order-store.js';
import { PaginationTokens } from './pagination-token.js';
import { RateLimiter } from './rate-limiter.js';
import { SandboxClock } from './sandbox-clock.js';
import * as C from './sandbox-constants.js';
import { SandboxStats, type SandboxStatsSnapshot } from './sandbox-stats.js';
import { SeededRandom } from './seeded-random.js';
import type { StoredOrder } from './stored-order.js';

export interface AmazonSandboxOptions {
  /** 0 = random free port (default 0). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generator and fault seed (default 1). */
  seed?: number;
  /** Multiplies every operation's refill rate (1 = Amazon's defaults); burst stays Amazon's. */
  rateScale?: number;
  /** Default true. */
  enforceRateLimits?: boolean;
  /** Default: the system clock; the control API adds an offset on top of whichever clock is given. */
  clock?: Clock;
  /** Replay Amazon's static sandbox cases on every request (default false: only with the header). */
  staticCases?: boolean;
  /** Feed processing timing (default IN_QUEUE 0.5 s, DONE after 2 s; `processingMs: 0` = instant). */
  feedTiming?: Partial<FeedTiming>;
}

export interface ListOrdersFilter {
  sellerId?: string;
  statuses?: FulfillmentStatus[];
  marketplaceId?: string;
  limit?: number;
}

const notFound = (orderId: string): AppError =>
  new AppError('order_not_found', `No order ${orderId} in the sandbox.`, { kind: 'not_found' });

/** The simulator's state and its in-process control surface (the same operations as /_sandbox). */
export class AmazonSandbox {
  readonly clock: SandboxClock;
  readonly seed: number;
  readonly staticCases: boolean;
  readonly credentials = new CredentialStore(C.SANDBOX_CLIENT_ID);
  readonly orders = new OrderStore();
  readonly rateLimiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly paginationTokens = new PaginationTokens();
  readonly feeds: FeedStore;
  readonly listings = new ListingStore();
  /** What acknowledgement feeds did to each order (control API order view). */
  readonly feedOrderActions = new Map<string, OrderFeedAction[]>();
  private readonly counters = new SandboxStats();
  private generateCalls = 0;
  private actionRng: SeededRandom;

  constructor(options: AmazonSandboxOptions = {}) {
    this.seed = options.seed ?? 1;
    this.clock = new SandboxClock(options.clock);
    this.staticCases = options.staticCases ?? false;
    this.rateLimiter = new RateLimiter(options.rateScale ?? 1, options.enforceRateLimits ?? true);
    this.faults = new FaultInjector(this.seed);
    this.actionRng = new SeededRandom(this.seed + 7919);
    this.feeds = new FeedStore(this.clock, (feed) => processFeed(this, feed));
    if (options.feedTiming) this.feeds.setTiming(options.feedTiming);
    this.addDefaults();
  }

  private addDefaults(): void {
    this.credentials.addApp(C.SANDBOX_CLIENT_ID, C.SANDBOX_CLIENT_SECRET);
    this.credentials.addSeller({
      sellerId: C.SANDBOX_SELLER_ID,
      refreshToken: C.SANDBOX_REFRESH_TOKEN,
      marketplaceIds: MARKETPLACES.map((mp) => mp.id),
    });
    this.seedListings();
  }

  private seedListings(): void {
    for (const s of this.credentials.listSellers()) this.listings.seed(s.sellerId, s.marketplaceIds, this.nowIso());
  }

  addSeller(input: AddSellerInput): { sellerId: string; marketplaceIds: string[]; roles: string[] } {
    const seller = this.credentials.addSeller({
      ...input,
      marketplaceIds: input.marketplaceIds ?? MARKETPLACES.map((mp) => mp.id),
    });
    this.listings.seed(seller.sellerId, seller.marketplaceIds, this.nowIso());
    return { sellerId: seller.sellerId, marketplaceIds: [...seller.marketplaceIds], roles: [...seller.roles] };
  }

  /** Generates and stores orders; returns their ids. Without a seed, each call continues the sandbox's seed. */
  generateOrders(options: GenerateOrdersOptions): string[] {
    const sellerId = options.sellerId ?? C.SANDBOX_SELLER_ID;
    const seller = this.requireSeller(sellerId);
    const batch = generateOrderBatch(options, {
      sellerId,
      sellerMarketplaceIds: seller.marketplaceIds,
      nowMs: this.clock.nowMs(),
      seed: this.seed * 1_000_003 + this.generateCalls++,
      taken: (id) => this.orders.has(id),
    });
    for (const stored of batch) {
      this.orders.add(stored);
      this.listOrderSkus(sellerId, stored.order);
    }
    return batch.map((s) => s.order.orderId);
  }

  private listOrderSkus(sellerId: string, order: Order): void {
    const marketplaceId = order.salesChannel?.marketplaceId ?? '';
    for (const item of order.orderItems ?? []) {
      this.listings.ensure(sellerId, marketplaceId, item.product?.sellerSku ?? '', this.nowIso());
    }
  }

  createOrder(input: CreateOrderInput = {}): Order {
    const sellerId = input.sellerId ?? C.SANDBOX_SELLER_ID;
    const seller = this.requireSeller(sellerId);
    const stored = buildCustomOrder(input, {
      sellerId,
      sellerMarkets: seller.marketplaceIds,
      nowMs: this.clock.nowMs(),
      rng: this.actionRng.fork('create'),
      taken: (id) => this.orders.has(id),
    });
    this.orders.add(stored);
    this.listOrderSkus(sellerId, stored.order);
    return structuredClone(stored.order);
  }

  advanceOrder(orderId: string, action: OrderAction, options: AdvanceOptions = {}): Order {
    const stored = this.storedOrder(orderId);
    advanceStoredOrder(stored, action, options, this.nowIso(), this.actionRng);
    return structuredClone(stored.order);
  }

  /** The stored v2026 order with every data set (what Amazon would show right now). */
  getOrder(orderId: string): Order {
    return structuredClone(this.storedOrder(orderId).order);
  }

  listOrders(filter: ListOrdersFilter = {}): Order[] {
    const out: Order[] = [];
    for (const { sellerId, order } of this.orders.values()) {
      if (filter.sellerId !== undefined && sellerId !== filter.sellerId) continue;
      if (filter.marketplaceId !== undefined && order.salesChannel.marketplaceId !== filter.marketplaceId) continue;
      if (filter.statuses && !filter.statuses.includes(order.fulfillment?.fulfillmentStatus ?? 'UNSHIPPED')) continue;
      out.push(structuredClone(order));
      if (filter.limit !== undefined && out.length >= filter.limit) break;
    }
    return out;
  }

  /** Moves the sandbox clock forward (token expiry, pagination-token expiry, the 2-minute rule). */
  advanceClock(seconds: number): string {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new AppError('invalid_clock', 'advanceSeconds must be a number ≥ 0.', { kind: 'invalid' });
    }
    this.clock.advance(seconds);
    this.feeds.sweep();
    return this.clock.nowIso();
  }

  /** Now on the sandbox clock, whole seconds with Z (the stamp every order change gets). */
  nowIso(): string {
    return isoSeconds(this.clock.nowMs());
  }

  setFaults(config: FaultConfig): void {
    this.faults.configure(config);
  }

  stats(): SandboxStatsSnapshot {
    return this.counters.snapshot();
  }

  resetStats(): void {
    this.counters.reset();
  }

  /** Counters the HTTP layer updates. */
  get record(): SandboxStats {
    return this.counters;
  }

  revokeRefreshToken(token: string): boolean {
    return this.credentials.revokeRefreshToken(token);
  }

  setRoles(sellerId: string, roles: readonly string[]): void {
    this.credentials.setRoles(sellerId, roles);
  }

  /** Forgets orders, faults, stats, throttling state and the clock offset; sellers and tokens stay. */
  reset(): void {
    this.orders.clear();
    this.faults.configure({});
    this.counters.reset();
    this.rateLimiter.reset();
    this.clock.resetOffset();
    this.feeds.clear();
    this.feedOrderActions.clear();
    this.listings.clear();
    this.seedListings();
  }

  /** Feeds of every seller (or one), newest first, with status brought up to date and the report text. */
  listFeeds(sellerId?: string): FeedControlView[] {
    return listFeedViews(this, sellerId);
  }

  /** Finishes IN_QUEUE / IN_PROGRESS feeds now (all, or one). */
  processFeedsNow(feedId?: string): FeedControlView[] {
    return processFeedsNow(this, feedId);
  }

  /** Feed timing from now on (FeedTiming; `processingMs: 0` = feeds finish inside createFeed). */
  setFeedTiming(timing: Partial<FeedTiming>): FeedTiming {
    return setFeedTiming(this.feeds, timing);
  }

  /** Listings (DEFAULT-channel quantities); catalog SKUs are seeded in every marketplace of a seller. */
  listListings(filter: ListingsFilter = {}): SandboxListing[] {
    return this.listings.list(filter);
  }

  /** Creates or updates a listing's quantity (default seller; every marketplace of the seller if none given). */
  setListingQuantity(input: ListingQuantityInput): SandboxListing[] {
    const seller = this.requireSeller(input.sellerId ?? C.SANDBOX_SELLER_ID);
    return setListingQuantity(this, seller.sellerId, seller.marketplaceIds, input);
  }

  /** What acknowledgement feeds did to an order (acknowledged, cancelled lines with reasons). */
  orderFeedActions(orderId: string): OrderFeedAction[] {
    return structuredClone(this.feedOrderActions.get(orderId) ?? []);
  }

  storedOrder(orderId: string): StoredOrder {
    const stored = this.orders.get(orderId);
    if (!stored) throw notFound(orderId);
    return stored;
  }

  private requireSeller(sellerId: string): NonNullable<ReturnType<CredentialStore['seller']>> {
    const seller = this.credentials.seller(sellerId);
    if (!seller) throw new AppError('seller_not_found', `Unknown seller ${sellerId}.`, { kind: 'not_found' });
    return seller;
  }
}
