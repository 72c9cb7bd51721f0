import { openApp, type App } from '../../src/app/app-context.js';
import type { Clock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { findMarketplace } from '../../src/sandbox/amazon/marketplace-catalog.js';
import { PRODUCTS } from '../../src/sandbox/amazon/product-catalog.js';
import { SANDBOX_SKU_CROP } from '../../src/app/demo.js';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  startMagentoSandbox,
  type MagentoOrderView,
  type MagentoSandboxOptions,
  type StartedMagentoSandbox,
} from '../../src/sandbox/magento2/index.js';
import {
  SANDBOX_SHOPIFY_CLIENT_ID,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
  startShopifySandbox,
  type ShopifyOrderView,
  type ShopifySandboxOptions,
  type StartedShopifySandbox,
} from '../../src/sandbox/shopify/index.js';
import {
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  startWooSandbox,
  type StartedWooSandbox,
} from '../../src/sandbox/woocommerce/index.js';
import { addSandboxConnection, DE, testConfig } from './test-app.js';

export { SANDBOX_SKU_CROP };

/** The store platforms whose shipped sandbox an e2e test can deliver to. */
export type SandboxStorePlatform = 'woocommerce' | 'shopify' | 'magento2';

/** The Amazon sandbox, the WooCommerce sandbox and an app with a connection delivering to that store. */
export interface StoreTestEnv {
  amazon: StartedAmazonSandbox;
  woo: StartedWooSandbox;
  /** The Shopify sandbox, when the env was opened with `platform: 'shopify'`. */
  shopify?: StartedShopifySandbox;
  /** The Magento sandbox, when the env was opened with `platform: 'magento2'`. */
  magento?: StartedMagentoSandbox;
  app: App;
  connectionId: string;
  storeId: string;
  close(): Promise<void>;
}

/** A StoreTestEnv delivering to the Shopify sandbox. */
export interface ShopifyStoreTestEnv extends StoreTestEnv {
  shopify: StartedShopifySandbox;
}

/** A StoreTestEnv delivering to the Magento 2 sandbox. */
export interface MagentoStoreTestEnv extends StoreTestEnv {
  magento: StartedMagentoSandbox;
}

export interface StoreTestEnvOptions {
  seed?: number;
  /** The Amazon sandbox's rate limits: 1 = Amazon's real rates (default 1000× faster). */
  rateScale?: number;
  config?: Record<string, unknown>;
  marketplaceId?: string;
  /** WooCommerce: merged into the sandbox's keys. Shopify, Magento: replaces the credentials. */
  storeSecrets?: Record<string, string>;
  /** Platform settings of the store (Shopify, Magento; WooCommerce when `store` is not given). */
  storeSettings?: Record<string, unknown>;
  /** The address OrderBridge is given for the WooCommerce sandbox (e.g. a slow proxy in front of it). */
  wooBaseUrl?: (sandboxUrl: string) => Promise<string>;
  /** Another store than the WooCommerce sandbox (the sandbox still runs, unused). */
  store?: { platform: string; baseUrl: string; settings?: Record<string, unknown>; secrets?: Record<string, string> };
  /** The sandbox store delivered to (default WooCommerce; the WooCommerce sandbox runs either way). */
  platform?: SandboxStorePlatform;
  /** Shopify sandbox options; the shop currency defaults to the marketplace's. */
  shopify?: ShopifySandboxOptions;
  /** The address OrderBridge is given for the Shopify sandbox (e.g. a proxy in front of it). */
  shopifyBaseUrl?: (sandboxUrl: string) => Promise<string>;
  /** Magento sandbox options; the base currency defaults to the marketplace's. */
  magento?: MagentoSandboxOptions;
  /** The address OrderBridge is given for the Magento sandbox (e.g. a proxy in front of it). */
  magentoBaseUrl?: (sandboxUrl: string) => Promise<string>;
  /** The address OrderBridge is given for the Amazon sandbox (e.g. a proxy in front of it). */
  amazonBaseUrl?: (sandboxUrl: string) => Promise<string>;
  /** OrderBridge's clock (default the system clock), e.g. one a test moves past a poll's schedule. */
  clock?: Clock;
}

export function openStoreTestEnv(
  databaseUrlOrPath: string,
  options: StoreTestEnvOptions & { platform: 'shopify' },
): Promise<ShopifyStoreTestEnv>;
export function openStoreTestEnv(
  databaseUrlOrPath: string,
  options: StoreTestEnvOptions & { platform: 'magento2' },
): Promise<MagentoStoreTestEnv>;
export function openStoreTestEnv(databaseUrlOrPath: string, options?: StoreTestEnvOptions): Promise<StoreTestEnv>;
export async function openStoreTestEnv(
  databaseUrlOrPath: string,
  options: StoreTestEnvOptions = {},
): Promise<StoreTestEnv> {
  const amazon = await startAmazonSandbox({ seed: options.seed ?? 3, rateScale: options.rateScale ?? 1000 });
  const woo = await startWooSandbox({ seed: options.seed ?? 3 });
  const shopify =
    options.platform === 'shopify'
      ? closingOnce(
          await startShopifySandbox({
            seed: options.seed ?? 3,
            currency: shopCurrencyFor(options.marketplaceId ?? DE),
            ...options.shopify,
          }),
        )
      : undefined;
  const magento =
    options.platform === 'magento2'
      ? await startMagentoSandbox({
          seed: options.seed ?? 3,
          currency: shopCurrencyFor(options.marketplaceId ?? DE),
          ...options.magento,
        })
      : undefined;
  const app = await openApp(testConfig(databaseUrlOrPath), {
    logger: silentLogger,
    ...(options.clock && { clock: options.clock }),
  });
  const store = await app.stores.add(
    app.accountId,
    { name: 'shop', ...(options.store ?? (await sandboxStoreInput(options, woo, shopify, magento))) },
    'test',
  );
  if (!store.ok) throw store.error;
  const amazonUrl = options.amazonBaseUrl ? await options.amazonBaseUrl(amazon.url) : amazon.url;
  const connection = await addSandboxConnection(
    app,
    { ...amazon, url: amazonUrl },
    {
      ...(options.marketplaceId !== undefined && { marketplaceId: options.marketplaceId }),
      config: { orderTypes: ['MFN'], skuCrop: SANDBOX_SKU_CROP, ...options.config },
    },
  );
  const linked = await app.connections.update(app.accountId, connection.id, { store: 'shop' }, 'test');
  if (!linked.ok) throw linked.error;
  return {
    amazon,
    woo,
    ...(shopify && { shopify }),
    ...(magento && { magento }),
    app,
    connectionId: connection.id,
    storeId: store.value.id,
    async close() {
      await app.close();
      await shopify?.close();
      await magento?.close();
      await woo.close();
      await amazon.close();
    },
  };
}

/** A test may close the Shopify sandbox before the env (to stop its webhooks first): close it once. */
function closingOnce(started: StartedShopifySandbox): StartedShopifySandbox {
  let closed: Promise<void> | null = null;
  return { ...started, close: () => (closed ??= started.close()) };
}

/** The shop currency a merchant selling on `marketplaceId` runs (Shopify refuses other currencies). */
export function shopCurrencyFor(marketplaceId: string): string {
  const currency = findMarketplace(marketplaceId)?.currency;
  if (!currency) throw new Error(`unknown marketplace ${marketplaceId}`);
  return currency;
}

async function sandboxStoreInput(
  options: StoreTestEnvOptions,
  woo: StartedWooSandbox,
  shopify: StartedShopifySandbox | undefined,
  magento: StartedMagentoSandbox | undefined,
): Promise<{ platform: string; baseUrl: string; settings?: Record<string, unknown>; secrets: Record<string, string> }> {
  const settings = options.storeSettings ? { settings: options.storeSettings } : {};
  if (magento) {
    return {
      platform: 'magento2',
      baseUrl: options.magentoBaseUrl ? await options.magentoBaseUrl(magento.url) : magento.url,
      ...settings,
      // An integration's access token used as Bearer (the sandbox has the switch on by default).
      secrets: options.storeSecrets ?? { accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN },
    };
  }
  if (shopify) {
    return {
      platform: 'shopify',
      baseUrl: options.shopifyBaseUrl ? await options.shopifyBaseUrl(shopify.url) : shopify.url,
      ...settings,
      // The client-credentials grant (a merchant's own app since 2026); the client secret signs webhooks.
      secrets: options.storeSecrets ?? {
        clientId: SANDBOX_SHOPIFY_CLIENT_ID,
        clientSecret: SANDBOX_SHOPIFY_CLIENT_SECRET,
      },
    };
  }
  return {
    platform: 'woocommerce',
    baseUrl: options.wooBaseUrl ? await options.wooBaseUrl(woo.url) : woo.url,
    ...settings,
    secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET, ...options.storeSecrets },
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

const wooRefOf = (woo: StartedWooSandbox, catalogueSku: string): string => {
  const stock = woo.sandbox.getStock(catalogueSku);
  return stock.variationId ? `${stock.productId}:${stock.variationId}` : String(stock.productId);
};

/** The Shopify variant (GID) of a catalogue SKU in the Shopify sandbox. */
export const shopifyRefOf = (shopify: StartedShopifySandbox, catalogueSku: string): string | undefined =>
  shopify.sandbox.variantBySku(catalogueSku)?.variantId;

/** The Magento product ref of a catalogue SKU: its SKU, when the Magento sandbox sells it. */
export const magentoRefOf = (magento: StartedMagentoSandbox, catalogueSku: string): string | undefined =>
  magento.sandbox.productBySku(catalogueSku)?.sku;

/** The store product of a catalogue SKU in the env's store (Shopify or Magento when it runs, else WooCommerce). */
export const storeRefOf = (env: StoreTestEnv, catalogueSku: string): string | undefined =>
  env.shopify
    ? shopifyRefOf(env.shopify, catalogueSku)
    : env.magento
      ? magentoRefOf(env.magento, catalogueSku)
      : wooRefOf(env.woo, catalogueSku);

/**
 * Links every SKU of held orders to the store product it is a spelling of (what a merchant does
 * once). `refOf` names the store product of a catalogue SKU (default: the env's sandbox store's).
 */
export async function linkHeldSkus(
  env: StoreTestEnv,
  refOf: (catalogueSku: string) => string | undefined = (sku) => storeRefOf(env, sku),
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

/** Links the lower-case spelling of every catalogue SKU to its WooCommerce product up front (what a merchant does once). */
export async function linkCatalogueSpellings(app: App, woo: StartedWooSandbox, connectionId: string): Promise<void> {
  await linkCatalogueSpellingsTo(app, connectionId, (sku) => wooRefOf(woo, sku));
}

/** Links the lower-case spelling of every catalogue SKU to the store product `refOf` names. */
export async function linkCatalogueSpellingsTo(
  app: App,
  connectionId: string,
  refOf: (catalogueSku: string) => string | undefined,
): Promise<void> {
  for (const product of PRODUCTS) {
    const ref = refOf(product.sku);
    if (ref === undefined) throw new Error(`the store has no product ${product.sku}`);
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

/**
 * Shopify orders per Amazon order id, read from the Shopify sandbox's own state: by the order's
 * `amazon_order_id` custom attribute (a duplicate order shows up here) or else its unique metafield.
 */
export function shopifyOrdersByAmazonId(shopify: StartedShopifySandbox): Map<string, ShopifyOrderView[]> {
  const byId = new Map<string, ShopifyOrderView[]>();
  for (const order of shopify.sandbox.listOrders()) {
    const id = order.customAttributes.find((a) => a.key === 'amazon_order_id')?.value ?? order.amazonOrderId;
    if (id) byId.set(id, [...(byId.get(id) ?? []), order]);
  }
  return byId;
}

/**
 * Magento orders per Amazon order id, read from the Magento sandbox's own state: by the order's
 * `ext_order_id`, else the `amazon_order_id:` entry OrderBridge writes into the payment's
 * additional information (a duplicate order shows up here as a second entry).
 */
export function magentoOrdersByAmazonId(magento: StartedMagentoSandbox): Map<string, MagentoOrderView[]> {
  const byId = new Map<string, MagentoOrderView[]>();
  for (const order of magento.sandbox.listOrders()) {
    const id = order.ext_order_id || amazonIdInPayment(order);
    if (id) byId.set(id, [...(byId.get(id) ?? []), order]);
  }
  return byId;
}

function amazonIdInPayment(order: MagentoOrderView): string | null {
  const info = (order.payment?.additional_information ?? []) as unknown[];
  const entry = info.find((x): x is string => typeof x === 'string' && x.startsWith('amazon_order_id:'));
  return entry ? entry.slice('amazon_order_id:'.length) : null;
}
