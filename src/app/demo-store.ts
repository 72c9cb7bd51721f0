import type { DemoStorePlatform } from '../config/env.js';
import {
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
  SANDBOX_SHOPIFY_SHOP,
  startShopifySandbox,
  type ShopifySandbox,
} from '../sandbox/shopify/index.js';
import { WEBHOOK_TOPICS } from '../stores/shopify/shopify.webhook.js';
import { SANDBOX_CONSUMER_KEY, SANDBOX_CONSUMER_SECRET, startWooSandbox } from '../sandbox/woocommerce/index.js';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_STORE_CODE,
  startMagentoSandbox,
  type MagentoSandbox,
} from '../sandbox/magento2/index.js';
import type { NewStoreInput } from '../sync/store.service.js';
import { registerInProcessOrigin, unregisterInProcessOrigin } from '../net/in-process-origins.js';
import type { App } from './app-context.js';

/** The demo's store: a sandbox this process runs, and the store row that points at it. */
export interface DemoStore {
  platform: DemoStorePlatform;
  storeId: string;
  url: string;
  /** What `start` prints about it. */
  lines: string[];
  /** The Shopify sandbox's state and merchant actions (null for the other platforms). */
  shopify: ShopifySandbox | null;
  /** The Magento sandbox's state and merchant actions (null for the other platforms). */
  magento: MagentoSandbox | null;
  /** Subscribes the sandbox's webhooks to OrderBridge at `baseUrl` (WooCommerce: polled only, no-op). */
  sendWebhooksTo(baseUrl: string): void;
  close(): Promise<void>;
}

/** Starts the sandbox of `platform` next to the Amazon sandbox and adds (or updates) its store row. */
export async function startDemoStore(app: App, platform: DemoStorePlatform): Promise<DemoStore> {
  switch (platform) {
    case 'shopify':
      return startShopifyDemoStore(app);
    case 'magento2':
      return startMagentoDemoStore(app);
    case 'woocommerce':
      return startWooDemoStore(app);
  }
}

async function startWooDemoStore(app: App): Promise<DemoStore> {
  const woo = inProcess(await startWooSandbox({ port: app.config.sandboxPort + 1, seed: 1 }));
  const store = await demoStoreRow(app, woo, {
    name: 'sandbox-woocommerce',
    platform: 'woocommerce',
    settings: { pollIntervalSeconds: 15 },
    secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET },
  });
  return {
    platform: 'woocommerce',
    storeId: store.id,
    url: woo.url,
    lines: [
      `  WooCommerce sandbox ${woo.url}: orders are delivered there; ship or cancel them with its control API`,
      `    (curl -X POST ${woo.url}/_sandbox/orders/<id>/ship -H 'content-type: application/json' -d '{"trackingNumber":"T1","customProvider":"My Courier"}')`,
    ],
    shopify: null,
    magento: null,
    sendWebhooksTo: () => undefined,
    close: () => woo.close(),
  };
}

async function startShopifyDemoStore(app: App): Promise<DemoStore> {
  const shop = inProcess(await startShopifySandbox({ port: app.config.sandboxPort + 2, seed: 1, currency: 'EUR' }));
  const store = await demoStoreRow(app, shop, {
    name: 'sandbox-shopify',
    platform: 'shopify',
    // Webhooks bring shipments at once; the poll is the reconciliation behind them.
    settings: { pollIntervalSeconds: 60 },
    secrets: { accessToken: SANDBOX_SHOPIFY_ACCESS_TOKEN, webhookSecret: SANDBOX_SHOPIFY_CLIENT_SECRET },
  });
  return {
    platform: 'shopify',
    storeId: store.id,
    url: shop.url,
    lines: [
      `  Shopify sandbox ${shop.url} (${SANDBOX_SHOPIFY_SHOP}): orders are delivered there; fulfil or cancel them with its control API`,
      `    (curl -X POST ${shop.url}/_sandbox/orders/<id>/fulfill -H 'content-type: application/json' -d '{"trackingCompany":"DHL Express","trackingNumber":"T1"}')`,
    ],
    shopify: shop.sandbox,
    magento: null,
    // The connector subscribes the same topics at ORDERBRIDGE_PUBLIC_URL on its first poll and skips
    // those already there; these reach this process at once, whatever the public URL says.
    sendWebhooksTo: (baseUrl) => {
      const address = `${baseUrl.replace(/\/+$/, '')}/api/stores/${store.id}/webhook`;
      for (const topic of WEBHOOK_TOPICS) shop.sandbox.addWebhook(topic, address);
    },
    close: () => shop.close(),
  };
}

async function startMagentoDemoStore(app: App): Promise<DemoStore> {
  const magento = inProcess(await startMagentoSandbox({ port: app.config.sandboxPort + 3, seed: 1, currency: 'EUR' }));
  const store = await demoStoreRow(app, magento, {
    name: 'sandbox-magento2',
    platform: 'magento2',
    // Magento Open Source sends no webhooks: shipments and cancellations come with the poll.
    settings: { storeCode: SANDBOX_MAGENTO_STORE_CODE, pollIntervalSeconds: 15 },
    secrets: { accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN },
  });
  return {
    platform: 'magento2',
    storeId: store.id,
    url: magento.url,
    lines: [
      `  Magento 2 sandbox ${magento.url}: orders are delivered there; ship or cancel them with its control API`,
      `    (curl -X POST ${magento.url}/_sandbox/orders/<entity_id>/ship -H 'content-type: application/json' -d '{"trackNumber":"T1","carrierCode":"dhl","title":"DHL"}')`,
    ],
    shopify: null,
    magento: magento.sandbox,
    sendWebhooksTo: () => undefined,
    close: () => magento.close(),
  };
}

/**
 * A sandbox of this process on 127.0.0.1: reachable whatever the installation's network settings
 * say, until it closes.
 */
function inProcess<S extends { url: string; close(): Promise<void> }>(started: S): S {
  registerInProcessOrigin(started.url);
  const close = started.close.bind(started);
  started.close = async () => {
    unregisterInProcessOrigin(started.url);
    await close();
  };
  return started;
}

/**
 * The demo's store row for `sandbox`. Its URL changes with the sandbox port, so an existing row
 * is updated; credentials and settings stay as they are.
 */
async function demoStoreRow(
  app: App,
  sandbox: { url: string; close(): Promise<void> },
  input: Omit<NewStoreInput, 'baseUrl'>,
): Promise<{ id: string }> {
  const { url } = sandbox;
  const existing = await app.stores.findByRef(app.accountId, input.name);
  if (existing) {
    if (existing.baseUrl !== url) await app.storeSide.stores.update(existing.id, { baseUrl: url }, app.clock.nowIso());
    return existing;
  }
  const added = await app.stores.add(app.accountId, { ...input, baseUrl: url }, 'demo');
  if (added.ok) return added.value;
  await sandbox.close();
  throw added.error;
}
