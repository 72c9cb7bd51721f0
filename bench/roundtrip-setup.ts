import { openApp, type App } from '../src/app/app-context.js';
import { SANDBOX_SKU_CROP, sandboxConnectionInput } from '../src/app/demo.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/lib/logger.js';
import { PRODUCTS } from '../src/sandbox/amazon/product-catalog.js';
import type { StartedAmazonSandbox } from '../src/sandbox/amazon/index.js';
import { buildHttpServer } from '../src/http/http-server.js';
import type { BenchStore } from './roundtrip-store.js';

export const BENCH_SECRET_KEY = 'b'.repeat(64);

export function openBenchApp(dataDir: string, databaseUrl: string | undefined): Promise<App> {
  const config = loadConfig({
    ORDERBRIDGE_DATA_DIR: dataDir,
    ORDERBRIDGE_SECRET_KEY: BENCH_SECRET_KEY,
    // The benchmark's sandboxes run on 127.0.0.1 (in this or the parent process).
    ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'true',
    ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: 'true',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  return openApp(config, { logger: silentLogger });
}

/** The merchant's one-time setup: store, active connection, and links for the lower-case SKU spellings. */
export async function setUpMerchant(
  app: App,
  amazon: StartedAmazonSandbox,
  shop: BenchStore,
  marketplaceId: string,
): Promise<{ connectionId: string; storeId: string }> {
  const store = await app.stores.add(app.accountId, { name: 'store', ...shop.input }, 'bench');
  if (!store.ok) throw store.error;
  const input = sandboxConnectionInput(amazon.url, {
    name: 'amazon',
    marketplaceId,
    config: {
      orderTypes: ['MFN'],
      skuCrop: SANDBOX_SKU_CROP,
      defaultOrderShippingMethod: 'DHL Paket',
      carrierMapping: { 'dhl-de': 'DHL' },
      cancellationReason: 'NoInventory',
      lookbackOverlapSeconds: 60,
    },
  });
  const connection = await app.connections.add(app.accountId, { ...input, store: 'store' }, 'bench');
  if (!connection.ok) throw connection.error;
  for (const p of PRODUCTS) {
    const spelling = p.sku.toLowerCase().replace(/-/g, ' ');
    if (spelling === p.sku) continue;
    const linked = await app.storeSideService.linkSku(app.accountId, connection.value.id, spelling, shop.refOf(p.sku));
    if (!linked.ok) throw linked.error;
  }
  return { connectionId: connection.value.id, storeId: store.value.id };
}

/**
 * OrderBridge's HTTP server in the benchmark's own process (the workers get killed, the web
 * process does not), subscribed to the store's webhooks as a merchant would; null when the store
 * sends none. Its app only records webhook events; the workers run the jobs.
 */
export async function listenForWebhooks(
  dataDir: string,
  databaseUrl: string | undefined,
  shop: BenchStore,
  storeId: string,
): Promise<{ close(): Promise<void> } | null> {
  if (shop.webhookTopics.length === 0) return null;
  const app = await openBenchApp(dataDir, databaseUrl);
  const server = await buildHttpServer({ app, requestSync: () => Promise.resolve('job') });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  for (const topic of shop.webhookTopics) shop.addWebhook(topic, `${base}/api/stores/${storeId}/webhook`);
  return {
    async close() {
      await server.close();
      await app.close();
    },
  };
}

/** The store product an Amazon seller SKU spelling stands for (the same rules as the crop and the links). */
export function productOfSpelling(sku: string): string | null {
  const base = sku.replace(/^FBA\//, '').replace(/-VARIANT-[A-Z0-9]+$/, '');
  const candidates = [base, base.replace(/-[A-Z]{2}$/, '')];
  const product = PRODUCTS.find((p) => candidates.includes(p.sku) || p.sku.toLowerCase().replace(/-/g, ' ') === sku);
  return product?.sku ?? null;
}
