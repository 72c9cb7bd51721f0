/**
 * The shipped WooCommerce sandbox: a stateful simulator of the WooCommerce REST API v3, the
 * Shipment Tracking extension and webhooks, with WooCommerce's pitfalls (tax recomputation, no
 * idempotency key, absolute stock) and a control API under /_sandbox. See README.md.
 */
export { startWooSandbox, type StartedWooSandbox } from './sandbox-server.js';
export {
  WooSandbox,
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  type WooSandboxOptions,
  type ShipOrderInput,
  type StockView,
} from './woo-sandbox.js';
export { DEFAULT_TAX_RATES, type WooTaxRate } from './tax-table.js';
export { defaultCatalog, ean13, type WooProductSeed, type WooVariationSeed } from './woo-catalog.js';
export type { WooFaultConfig, WooFaultKind } from './woo-faults.js';
export type { WebhookInput } from './webhook-dispatcher.js';
export type { WooStatsSnapshot } from './woo-stats.js';
export type { TrackingItem } from './woo-model.js';
