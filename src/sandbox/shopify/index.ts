/**
 * The shipped Shopify sandbox: a stateful simulator of the Admin GraphQL API 2026-10 on Shopify's own
 * schema (validation, cost limits, unique metafields, search lag, inventory CAS + @idempotent, async
 * cancel jobs), signed webhooks with retries and duplicates, faults, and a control API under /_sandbox.
 * See README.md.
 */
export {
  SANDBOX_SHOPIFY_SHOP,
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  SANDBOX_SHOPIFY_CLIENT_ID,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
} from './constants.js';
export { startShopifySandbox, type StartedShopifySandbox } from './sandbox-server.js';
export { ShopifySandbox, type ShopifySandboxOptions } from './shopify-sandbox.js';
export { defaultShopifyCatalog, type ShopifyProductSeed } from './catalog.js';
export type { ShopifyFaultConfig } from './faults.js';
export type { ShopifySandboxStats } from './stats.js';
export type { ShopifyOrderView, ShopifyFulfillmentView } from './order-view.js';
export { SandboxActionError, type FulfilOrderInput } from './merchant-actions.js';
