import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
} from '../sandbox/amazon/index.js';
import type { NewConnectionInput } from '../sync/connection-input.js';
import { MARKETPLACES } from '../sandbox/amazon/marketplace-catalog.js';
import { registerInProcessOrigin, unregisterInProcessOrigin } from '../net/in-process-origins.js';
import type { App } from './app-context.js';
import { DEFAULT_ACCOUNT_NAME } from './default-account.js';
import type { DemoStorePlatform } from '../config/env.js';
import type { ShopifySandbox } from '../sandbox/shopify/index.js';
import { startDemoStore } from './demo-store.js';

/** The input of a connection to a running sandbox, with its built-in credentials (demo, tests, benchmarks). */
export function sandboxConnectionInput(
  sandboxUrl: string,
  options: {
    name: string;
    marketplaceId: string;
    sellerId?: string;
    active?: boolean;
    config?: Record<string, unknown>;
  },
): NewConnectionInput {
  return {
    name: options.name,
    marketplaceId: options.marketplaceId,
    sellerId: options.sellerId ?? SANDBOX_SELLER_ID,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    refreshToken: SANDBOX_REFRESH_TOKEN,
    spApiBaseUrl: sandboxUrl,
    lwaUrl: `${sandboxUrl}/auth/o2/token`,
    active: options.active ?? true,
    config: {
      orderTypes: ['MFN', 'AFN'],
      syncFromDate: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      ...options.config,
    },
  };
}

/**
 * Crops the sandbox's SKU spellings back to the store's SKU ("FBA/X", "X-DE", "X-VARIANT-…" → "X");
 * lower-case spellings stay unknown, as in a real catalogue, and wait in needs-attention for a link.
 */
export const SANDBOX_SKU_CROP = {
  removePrefixes: ['FBA/'],
  removeSuffixes: [...new Set(MARKETPLACES.map((m) => `-${m.country}`))],
  regex: { pattern: '-VARIANT-[A-Z0-9]+$', replacement: '' },
};

export interface Demo {
  connectionId: string;
  connectionName: string;
  sandboxUrl: string;
  storePlatform: DemoStorePlatform;
  storeId: string;
  storeUrl: string;
  /** What `start` prints about the store sandbox. */
  storeLines: string[];
  /** The Shopify sandbox (state and merchant actions) when the demo delivers to Shopify. */
  shopifySandbox: ShopifySandbox | null;
  /** Subscribes the store sandbox's webhooks to OrderBridge listening at `baseUrl` (once it listens). */
  sendWebhooksTo(baseUrl: string): void;
  stop(): Promise<void>;
}

const DEMO_CONNECTION = 'sandbox-demo';
const DEMO_BACKLOG = 120;
const DEMO_ACTIVITY_MS = 20_000;
const DEMO_MARKETPLACE = 'A1PA6795UKMFR9'; // Amazon.de

/**
 * First start without configuration: the built-in Amazon sandbox with a seeded backlog, and an
 * active connection to it, so orders arrive within a minute. New orders keep coming while it runs.
 * The connection delivers to the sandbox store of `options.store` (default ORDERBRIDGE_DEMO_STORE);
 * starting with another store than last time links the connection to that store instead.
 */
export async function startDemo(app: App, options: { store?: DemoStorePlatform } = {}): Promise<Demo> {
  const started = await startAmazonSandbox({ port: app.config.sandboxPort, seed: 1 });
  // Our own simulators on 127.0.0.1: reachable whatever the installation's network settings say.
  registerInProcessOrigin(started.url);
  const store = await startDemoStore(app, options.store ?? app.config.demoStore).catch(async (error: unknown) => {
    unregisterInProcessOrigin(started.url);
    await started.close();
    throw error;
  });
  const account = await app.accounts.deps.accounts.findById(app.accountId);
  if (account?.name === DEFAULT_ACCOUNT_NAME) await app.accounts.deps.accounts.rename(app.accountId, 'Demo account');
  started.sandbox.generateOrders({ count: DEMO_BACKLOG, marketplaceId: DEMO_MARKETPLACE });
  const existing = await app.connections.get(app.accountId, DEMO_CONNECTION);
  const endpoints = { spApiBaseUrl: started.url, lwaUrl: `${started.url}/auth/o2/token` };
  // One active connection per seller + marketplace: when another connection holds the sandbox seller
  // on Amazon.de now (e.g. another account connected it), the demo connection stays disabled.
  const free = await app.connections.sellerAvailability(app.accountId, SANDBOX_SELLER_ID, DEMO_MARKETPLACE);
  const active =
    !free.ok || free.value.available || (existing.ok && free.value.existingConnectionId === existing.value.id);
  const result = existing.ok
    ? await app.connections.update(
        app.accountId,
        DEMO_CONNECTION,
        { ...endpoints, active, store: store.storeId },
        'demo',
      )
    : await app.connections.add(
        app.accountId,
        sandboxConnectionInput(started.url, {
          name: DEMO_CONNECTION,
          marketplaceId: DEMO_MARKETPLACE,
          active,
          config: {
            pollIntervalMinutes: 1,
            skuCrop: SANDBOX_SKU_CROP,
            syncFromDate: new Date(Date.now() - 7 * 86_400_000).toISOString(),
          },
        }),
        'demo',
      );
  if (!result.ok) {
    unregisterInProcessOrigin(started.url);
    await started.close();
    await store.close();
    throw result.error;
  }
  if (!existing.ok) {
    const linked = await app.connections.update(app.accountId, DEMO_CONNECTION, { store: store.storeId }, 'demo');
    if (!linked.ok) throw linked.error;
  }
  // A trickle of new orders, as a live seller would have (visible to searchOrders after Amazon's 2 minutes).
  const timer = setInterval(
    () =>
      started.sandbox.generateOrders({
        count: 1,
        marketplaceId: DEMO_MARKETPLACE,
        createdAfter: new Date().toISOString(),
      }),
    DEMO_ACTIVITY_MS,
  );
  timer.unref();
  return {
    connectionId: result.value.id,
    connectionName: DEMO_CONNECTION,
    sandboxUrl: started.url,
    storePlatform: store.platform,
    storeId: store.storeId,
    storeUrl: store.url,
    storeLines: store.lines,
    shopifySandbox: store.shopify,
    sendWebhooksTo: (baseUrl) => store.sendWebhooksTo(baseUrl),
    stop: async () => {
      clearInterval(timer);
      unregisterInProcessOrigin(started.url);
      await started.close();
      await store.close();
    },
  };
}
