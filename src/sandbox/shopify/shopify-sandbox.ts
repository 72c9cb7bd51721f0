import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../lib/clock.js';
import { defaultShopifyCatalog, type ShopifyProductSeed } from './catalog.js';
import {
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  SANDBOX_SHOPIFY_CLIENT_ID,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
  gid,
} from './constants.js';
import { ShopifyFaults, type ShopifyFaultConfig } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { LeakyBucket } from './leaky-bucket.js';
import { MerchantActions } from './merchant-actions.js';
import type { ResolverContext } from './resolver-context.js';
import { ShopState } from './shop-state.js';
import { ShopifyStats, type ShopifySandboxStats } from './stats.js';
import { ShopifyTokens } from './shopify-auth.js';
import { ShopifyWebhookDispatcher } from './webhook-dispatcher.js';
import { wireWebhooks } from './webhook-events.js';

export interface ShopifySandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** Shop currency, default EUR. */
  currency?: string;
  shopName?: string;
  /** Default: the Amazon sandbox's catalogue SKUs, 100 in stock each, with barcodes. */
  products?: ShopifyProductSeed[];
  /** Cost points restored per second (Standard plan: 100). */
  restoreRate?: number;
  /** Bucket size in cost points (default 2000). */
  bucketSize?: number;
  /** How late `orders(query:)` / `productVariants(query:)` see changes (default 1000 ms). */
  searchIndexLagMs?: number;
  /** true: orderCreate is limited to 5 new orders per rolling minute (trial/development stores). */
  devStore?: boolean;
  faults?: ShopifyFaultConfig;
  /** Retries of a failed webhook delivery (Shopify: 8 over 4 h); default short delays. */
  webhookRetryDelaysMs?: number[];
  /** Signs webhooks; default the client secret. */
  webhookSecret?: string;
  /** How long an orderCancel job runs before it is done (default 200 ms). */
  jobDelayMs?: number;
  clock?: Clock;
}

/** The shop's state plus merchant actions (the /_sandbox routes call these too). */
export class ShopifySandbox extends MerchantActions {
  readonly stats = new ShopifyStats();
  readonly faults: ShopifyFaults;
  readonly tokens: ShopifyTokens;
  readonly bucket: LeakyBucket;
  readonly idempotency = new IdempotencyStore();
  readonly webhooks: ShopifyWebhookDispatcher;
  private jobTimers = new Set<NodeJS.Timeout>();
  private readonly jobDelayMs: number;

  constructor(options: ShopifySandboxOptions = {}) {
    const clock = options.clock ?? systemClock;
    const currency = options.currency ?? 'EUR';
    const state = new ShopState(
      clock,
      {
        name: options.shopName ?? 'OrderBridge Sandbox',
        currency,
        ianaTimezone: 'Etc/UTC',
        searchIndexLagMs: options.searchIndexLagMs ?? 1000,
        devStore: options.devStore ?? false,
      },
      options.products ?? defaultShopifyCatalog(currency),
    );
    super(state);
    const seed = options.seed ?? 11;
    this.faults = new ShopifyFaults(seed, options.faults);
    this.tokens = new ShopifyTokens(
      clock,
      SANDBOX_SHOPIFY_ACCESS_TOKEN,
      SANDBOX_SHOPIFY_CLIENT_ID,
      SANDBOX_SHOPIFY_CLIENT_SECRET,
    );
    this.bucket = new LeakyBucket(options.bucketSize ?? 2000, options.restoreRate ?? 100, () => clock.now().getTime());
    this.jobDelayMs = options.jobDelayMs ?? 200;
    this.webhooks = new ShopifyWebhookDispatcher(
      options.webhookSecret ?? SANDBOX_SHOPIFY_CLIENT_SECRET,
      options.webhookRetryDelaysMs ?? [100, 500, 2000],
      this.faults,
      this.stats,
      () => clock.nowIso(),
      () => state.nextId(),
    );
    wireWebhooks(state, this.webhooks);
  }

  /** The GraphQL resolvers' context for one request (finishes due jobs first). */
  context(): ResolverContext {
    this.settleJobs();
    return {
      state: this.state,
      stats: this.stats,
      idempotency: this.idempotency,
      webhooks: this.webhooks,
      startJob: (run) => this.startJob(run),
    };
  }

  addWebhook(topic: string, address: string): void {
    this.webhooks.subscribe(topic, address);
  }

  setFaults(f: ShopifyFaultConfig): void {
    this.faults.configure(f);
  }

  statsSnapshot(): ShopifySandboxStats {
    return this.stats.snapshot();
  }

  /** Runs every job whose time has come (also on each request, for manual clocks). */
  settleJobs(): void {
    const now = this.state.nowMs();
    for (const job of this.state.jobs.values()) {
      if (job.done || job.doneAtMs > now) continue;
      job.done = true;
      job.run();
    }
  }

  private startJob(run: () => void): string {
    const id = gid('Job', randomUUID());
    this.state.jobs.set(id, { id, doneAtMs: this.state.nowMs() + this.jobDelayMs, done: false, run });
    const timer = setTimeout(() => {
      this.jobTimers.delete(timer);
      this.settleJobs();
    }, this.jobDelayMs + 5);
    this.jobTimers.add(timer);
    return id;
  }

  /** Stops timers (jobs, webhook retries); waits for deliveries in flight. */
  async shutdown(): Promise<void> {
    for (const t of this.jobTimers) clearTimeout(t);
    this.jobTimers.clear();
    this.webhooks.close();
    await this.webhooks.settled();
  }
}
