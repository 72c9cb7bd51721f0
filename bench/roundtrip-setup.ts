import { openApp, type App } from '../src/app/app-context.js';
import { SANDBOX_SKU_CROP, sandboxConnectionInput } from '../src/app/demo.js';
import { loadConfig } from '../src/config/env.js';
import { silentLogger } from '../src/lib/logger.js';
import { PRODUCTS } from '../src/sandbox/amazon/product-catalog.js';
import type { StartedAmazonSandbox } from '../src/sandbox/amazon/index.js';
import {
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  type StartedWooSandbox,
} from '../src/sandbox/woocommerce/index.js';

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
  woo: StartedWooSandbox,
  marketplaceId: string,
): Promise<string> {
  const store = await app.stores.add(
    app.accountId,
    {
      name: 'woo',
      platform: 'woocommerce',
      baseUrl: woo.url,
      settings: { pollIntervalSeconds: 2 },
      secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET },
    },
    'bench',
  );
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
  const connection = await app.connections.add(app.accountId, { ...input, store: 'woo' }, 'bench');
  if (!connection.ok) throw connection.error;
  for (const p of PRODUCTS) {
    const spelling = p.sku.toLowerCase().replace(/-/g, ' ');
    if (spelling === p.sku) continue;
    const stock = woo.sandbox.getStock(p.sku);
    const ref = stock.variationId ? `${stock.productId}:${stock.variationId}` : String(stock.productId);
    const linked = await app.storeSideService.linkSku(app.accountId, connection.value.id, spelling, ref);
    if (!linked.ok) throw linked.error;
  }
  return connection.value.id;
}

/** The store product an Amazon seller SKU spelling stands for (the same rules as the crop and the links). */
export function productOfSpelling(sku: string): string | null {
  const base = sku.replace(/^FBA\//, '').replace(/-VARIANT-[A-Z0-9]+$/, '');
  const candidates = [base, base.replace(/-[A-Z]{2}$/, '')];
  const product = PRODUCTS.find((p) => candidates.includes(p.sku) || p.sku.toLowerCase().replace(/-/g, ' ') === sku);
  return product?.sku ?? null;
}
