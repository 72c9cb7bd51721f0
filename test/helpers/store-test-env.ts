import type { App } from '../../src/app/app-context.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { PRODUCTS } from '../../src/sandbox/amazon/product-catalog.js';
import { SANDBOX_SKU_CROP } from '../../src/app/demo.js';
import {
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  startWooSandbox,
  type StartedWooSandbox,
} from '../../src/sandbox/woocommerce/index.js';
import { addSandboxConnection, openTestApp } from './test-app.js';

export { SANDBOX_SKU_CROP };

/** The Amazon sandbox, the WooCommerce sandbox and an app with a connection delivering to that store. */
export interface StoreTestEnv {
  amazon: StartedAmazonSandbox;
  woo: StartedWooSandbox;
  app: App;
  connectionId: string;
  storeId: string;
  close(): Promise<void>;
}

export async function openStoreTestEnv(
  databaseUrlOrPath: string,
  options: {
    seed?: number;
    /** The Amazon sandbox's rate limits: 1 = Amazon's real rates (default 1000× faster). */
    rateScale?: number;
    config?: Record<string, unknown>;
    marketplaceId?: string;
    storeSecrets?: Record<string, string>;
    /** The address OrderBridge is given for the WooCommerce sandbox (e.g. a slow proxy in front of it). */
    wooBaseUrl?: (sandboxUrl: string) => Promise<string>;
    /** Another store than the WooCommerce sandbox (the sandbox still runs, unused). */
    store?: { platform: string; baseUrl: string; settings?: Record<string, unknown>; secrets?: Record<string, string> };
  } = {},
): Promise<StoreTestEnv> {
  const amazon = await startAmazonSandbox({ seed: options.seed ?? 3, rateScale: options.rateScale ?? 1000 });
  const woo = await startWooSandbox({ seed: options.seed ?? 3 });
  const app = await openTestApp(databaseUrlOrPath);
  const store = await app.stores.add(
    app.accountId,
    {
      name: 'shop',
      ...(options.store ?? {
        platform: 'woocommerce',
        baseUrl: options.wooBaseUrl ? await options.wooBaseUrl(woo.url) : woo.url,
        secrets: {
          consumerKey: SANDBOX_CONSUMER_KEY,
          consumerSecret: SANDBOX_CONSUMER_SECRET,
          ...options.storeSecrets,
        },
      }),
    },
    'test',
  );
  if (!store.ok) throw store.error;
  const connection = await addSandboxConnection(app, amazon, {
    ...(options.marketplaceId !== undefined && { marketplaceId: options.marketplaceId }),
    config: { orderTypes: ['MFN'], skuCrop: SANDBOX_SKU_CROP, ...options.config },
  });
  const linked = await app.connections.update(app.accountId, connection.id, { store: 'shop' }, 'test');
  if (!linked.ok) throw linked.error;
  return {
    amazon,
    woo,
    app,
    connectionId: connection.id,
    storeId: store.value.id,
    async close() {
      await app.close();
      await woo.close();
      await amazon.close();
    },
  };
}

/** Runs due store-side jobs until `done()` holds (jobs may be delayed: debounce, feed polls). */
export async function runJobsUntil(
  app: App,
  done: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await app.runStoreJobs();
    if (await done()) return;
    if (Date.now() > until) throw new Error('store-side jobs did not reach the expected state in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const wooRefOf = (env: StoreTestEnv, catalogueSku: string): string => {
  const stock = env.woo.sandbox.getStock(catalogueSku);
  return stock.variationId ? `${stock.productId}:${stock.variationId}` : String(stock.productId);
};

/**
 * Links every SKU of held orders to the store product it is a spelling of (what a merchant does
 * once). `refOf` names the store product of a catalogue SKU (default: the WooCommerce sandbox's).
 */
export async function linkHeldSkus(
  env: StoreTestEnv,
  refOf: (catalogueSku: string) => string | undefined = (sku) => wooRefOf(env, sku),
): Promise<number> {
  const held = await env.app.storeSideService.needsAttention(env.app.accountId, 500);
  let linked = 0;
  for (const order of held.filter((o) => o.holdReason?.startsWith('unknown_sku'))) {
    const unknown = (order.holdReason ?? '').replace(/^unknown_sku: /, '').split(', ');
    for (const sku of unknown) {
      const product = PRODUCTS.find((p) => p.sku.toLowerCase().replace(/-/g, ' ') === sku || p.sku === sku);
      const ref = product ? refOf(product.sku) : undefined;
      if (ref === undefined) continue;
      const r = await env.app.storeSideService.linkSku(env.app.accountId, env.connectionId, sku, ref);
      if (!r.ok) throw r.error;
      linked += 1;
    }
  }
  return linked;
}

/** Links the lower-case spelling of every catalogue SKU to its store product up front (what a merchant does once). */
export async function linkCatalogueSpellings(app: App, woo: StartedWooSandbox, connectionId: string): Promise<void> {
  for (const product of PRODUCTS) {
    const stock = woo.sandbox.getStock(product.sku);
    const ref = stock.variationId ? `${stock.productId}:${stock.variationId}` : String(stock.productId);
    const sku = product.sku.toLowerCase().replace(/-/g, ' ');
    const r = await app.storeSideService.linkSku(app.accountId, connectionId, sku, ref);
    if (!r.ok) throw r.error;
  }
}

type WooOrder = Record<string, unknown> & { id: number; meta_data: Array<{ key: string; value: unknown }> };

/** Store orders per Amazon order id, read from the WooCommerce sandbox's own state. */
export function wooOrdersByAmazonId(woo: StartedWooSandbox): Map<string, WooOrder[]> {
  return woo.sandbox.ordersByMeta('_amazon_order_id') as Map<string, WooOrder[]>;
}
