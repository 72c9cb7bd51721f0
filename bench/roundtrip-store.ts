import { SANDBOX_MAGENTO_ACCESS_TOKEN, startMagentoSandbox } from '../src/sandbox/magento2/index.js';
import {
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
  startShopifySandbox,
  type StartedShopifySandbox,
} from '../src/sandbox/shopify/index.js';
import {
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  startWooSandbox,
  type StartedWooSandbox,
} from '../src/sandbox/woocommerce/index.js';
import { magentoOrdersByAmazonId, shopifyOrdersByAmazonId } from '../test/helpers/store-test-env.js';

export type BenchPlatform = 'woocommerce' | 'shopify' | 'magento2';
export const BENCH_PLATFORMS: readonly BenchPlatform[] = ['woocommerce', 'shopify', 'magento2'];

/** A store order as the benchmark's merchant sees it in the store. */
export interface BenchStoreOrder {
  id: string;
  /** Complete and paid: the merchant acts on it (a half-made order is still being created). */
  ready: boolean;
}

/**
 * The store sandbox of the roundtrip benchmark, one shape for every platform: what OrderBridge is
 * given to reach it, what the merchant does in it, and its own state (the counts read only that).
 */
export interface BenchStore {
  platform: BenchPlatform;
  /** `app.stores.add` input (name aside). */
  input: { platform: string; baseUrl: string; settings: Record<string, unknown>; secrets: Record<string, string> };
  /** Webhook topics the merchant subscribes OrderBridge's address to ([] = the store is only polled). */
  webhookTopics: readonly string[];
  addWebhook(topic: string, address: string): void;
  /** The store product (ref) of a catalogue SKU. */
  refOf(sku: string): string;
  /** Store orders per Amazon order id, a duplicate included. */
  ordersByAmazonId(): Map<string, BenchStoreOrder[]>;
  /** Ships the whole order with a carrier Amazon knows (`mapped`) or one it does not. */
  ship(orderId: string, trackingNumber: string, mapped: boolean): void;
  cancel(orderId: string): void;
  setStock(sku: string, quantity: number): void;
  /** What the store can sell — what the Amazon listing must show (Magento: the salable quantity, not the source). */
  getStock(sku: string): number;
  faults(on: boolean, seed: number): void;
  /** The store sandbox's own counters, printed as a progress line. */
  stats(): Record<string, number>;
  close(): Promise<void>;
}

export function openBenchStore(platform: BenchPlatform, seed: number): Promise<BenchStore> {
  if (platform === 'magento2') return openMagento(seed);
  return platform === 'shopify' ? openShopify(seed) : openWoo(seed);
}

async function openWoo(seed: number): Promise<BenchStore> {
  const woo: StartedWooSandbox = await startWooSandbox({ seed });
  const byAmazonId = () =>
    woo.sandbox.ordersByMeta('_amazon_order_id') as Map<string, Array<{ id: number; status?: string }>>;
  return {
    platform: 'woocommerce',
    input: {
      platform: 'woocommerce',
      baseUrl: woo.url,
      settings: { pollIntervalSeconds: 2 },
      secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET },
    },
    webhookTopics: [],
    addWebhook: () => undefined,
    refOf: (sku) => {
      const stock = woo.sandbox.getStock(sku);
      return stock.variationId ? `${stock.productId}:${stock.variationId}` : String(stock.productId);
    },
    ordersByAmazonId: () =>
      new Map(
        [...byAmazonId()].map(([id, orders]) => [
          id,
          orders.map((o) => ({ id: String(o.id), ready: o.status === 'processing' })),
        ]),
      ),
    ship: (orderId, trackingNumber, mapped) =>
      woo.sandbox.shipOrder({
        orderId: Number(orderId),
        trackingNumber,
        ...(mapped ? { provider: 'dhl-de' } : { customProvider: 'Speedy Parcel' }),
      }),
    cancel: (orderId) => void woo.sandbox.cancelOrder(Number(orderId), 'cannot fulfil'),
    setStock: (sku, quantity) => void woo.sandbox.setStock(sku, quantity),
    getStock: (sku) => Math.max(0, woo.sandbox.getStock(sku).stockQuantity ?? 0),
    faults: (on, faultSeed) =>
      woo.sandbox.setFaults(on ? { seed: faultSeed, rate: 0.05, timeoutMs: 1_500, loseOrderCreateResponses: 5 } : {}),
    stats: () => ({ ...woo.sandbox.statsSnapshot() }) as unknown as Record<string, number>,
    close: () => woo.close(),
  };
}

/**
 * Shopify with a Standard plan's restore rate (100 points/s) and a small bucket (1000 points, the
 * most one query may cost), so OrderBridge is throttled and must wait; 5xx, lost orderCreate/fulfilment answers, duplicate and
 * failing webhook deliveries (retried by the sandbox like Shopify, on a shorter schedule).
 */
async function openShopify(seed: number): Promise<BenchStore> {
  const shop: StartedShopifySandbox = await startShopifySandbox({
    seed,
    currency: 'EUR',
    // BENCH_SHOPIFY_RESTORE_RATE=1000: a Shopify Plus shop.
    restoreRate: Number(process.env.BENCH_SHOPIFY_RESTORE_RATE ?? 100),
    bucketSize: 1_000,
    webhookRetryDelaysMs: [500, 1_000, 2_000, 4_000, 8_000],
  });
  return {
    platform: 'shopify',
    input: {
      platform: 'shopify',
      baseUrl: shop.url,
      settings: { pollIntervalSeconds: 2 },
      secrets: { accessToken: SANDBOX_SHOPIFY_ACCESS_TOKEN, webhookSecret: SANDBOX_SHOPIFY_CLIENT_SECRET },
    },
    webhookTopics: ['orders/fulfilled', 'orders/partially_fulfilled', 'orders/cancelled', 'inventory_levels/update'],
    addWebhook: (topic, address) => shop.sandbox.addWebhook(topic, address),
    refOf: (sku) => {
      const variant = shop.sandbox.variantBySku(sku);
      if (!variant) throw new Error(`the Shopify sandbox has no variant ${sku}`);
      return variant.variantId;
    },
    ordersByAmazonId: () =>
      new Map(
        [...shopifyOrdersByAmazonId(shop)].map(([id, orders]) => [
          id,
          orders.map((o) => ({ id: o.id, ready: o.cancelledAt === null && o.financialStatus === 'PAID' })),
        ]),
      ),
    ship: (orderId, trackingNumber, mapped) =>
      void shop.sandbox.fulfillOrder({
        orderId,
        trackingNumber,
        trackingCompany: mapped ? 'DHL Express' : 'Kangaroo Express',
      }),
    cancel: (orderId) => void shop.sandbox.cancelOrder(orderId, { reason: 'INVENTORY', restock: true }),
    setStock: (sku, quantity) => shop.sandbox.setStock(sku, quantity),
    getStock: (sku) => Math.max(0, shop.sandbox.getStock(sku)),
    faults: (on) =>
      shop.sandbox.setFaults(
        on ? { serverErrorRate: 0.03, lostResponseRate: 0.03, duplicateWebhookRate: 0.2, failWebhookRate: 0.05 } : {},
      ),
    stats: () => ({ ...shop.sandbox.statsSnapshot() }),
    close: () => shop.close(),
  };
}

/**
 * Magento 2 (direct order save, OrderBridge deducts the stock): polled only, as Magento Open Source
 * sends no webhooks, every 2 s; 5xx and lost write answers (saved, then the connection dies). Orders
 * are not invoiced: Magento cancels only orders not fully invoiced, and the merchant cancels some.
 */
async function openMagento(seed: number): Promise<BenchStore> {
  const shop = await startMagentoSandbox({ seed, currency: 'EUR' });
  const entityId = (orderId: string): number => Number(orderId);
  return {
    platform: 'magento2',
    input: {
      platform: 'magento2',
      baseUrl: shop.url,
      settings: { pollIntervalSeconds: 2, invoice: false },
      secrets: { accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN },
    },
    webhookTopics: [],
    addWebhook: () => undefined,
    refOf: (sku) => {
      const product = shop.sandbox.productBySku(sku);
      if (!product) throw new Error(`the Magento sandbox has no product ${sku}`);
      return product.sku;
    },
    ordersByAmazonId: () =>
      new Map(
        [...magentoOrdersByAmazonId(shop)].map(([id, orders]) => [
          id,
          // A directly saved order is whole from the start (one request); cancelled ones are done with.
          orders.map((o) => ({ id: String(o.entity_id), ready: o.state === 'new' })),
        ]),
      ),
    ship: (orderId, trackNumber, mapped) =>
      void shop.sandbox.shipOrder({
        orderId: entityId(orderId),
        trackNumber,
        ...(mapped ? { carrierCode: 'dhl', title: 'DHL' } : { carrierCode: 'custom', title: 'Kangaroo Express' }),
      }),
    cancel: (orderId) => void shop.sandbox.cancelOrder(entityId(orderId)),
    setStock: (sku, quantity) => shop.sandbox.setStock(sku, quantity),
    // MSI's shipment and cancel compensations leave a directly saved order's source q lower than what is
    // salable; Amazon gets the salable quantity.
    getStock: (sku) => Math.max(0, shop.sandbox.salableQuantity(sku)),
    faults: (on, faultSeed) =>
      shop.sandbox.setFaults(on ? { seed: faultSeed, serverErrorRate: 0.03, lostResponseRate: 0.03 } : {}),
    stats: () => ({ ...shop.sandbox.statsSnapshot() }) as unknown as Record<string, number>,
    close: () => shop.close(),
  };
}
