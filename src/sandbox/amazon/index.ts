/**
 * The shipped Amazon SP-API sandbox: a stateful HTTP simulator of LWA, Orders API v2026-01-01
 * (searchOrders, getOrder), Orders v0 confirmShipment, Feeds 2021-06-30 (order acknowledgement and
 * JSON listings feeds) and Listings Items 2021-08-01 (quantity), with a control API under /_sandbox.
 * It talks HTTP only and imports nothing from OrderBridge outside src/sandbox and src/lib.
 */
export {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  ALL_ROLES,
  DEFAULT_USAGE_PLANS,
  ROLE_DIRECT_TO_CONSUMER_DELIVERY,
  ROLE_INVENTORY_AND_ORDER_TRACKING,
  ROLE_TAX_INVOICING,
  ROLE_TAX_REMITTANCE,
  STATIC_MODE_HEADER,
  type OperationId,
} from './sandbox-constants.js';
export { AmazonSandbox, type AmazonSandboxOptions, type ListOrdersFilter } from './sandbox-state.js';
export { startAmazonSandbox, type StartedAmazonSandbox } from './sandbox-server.js';
export type { AddSellerInput } from './credential-store.js';
export type { CreateOrderInput } from './create-order.js';
export type { FaultConfig, FaultRule } from './fault-injector.js';
export type { GenerateOrdersOptions } from './generate-orders.js';
export type { AdvanceOptions, OrderAction } from './order-actions.js';
export type { SandboxStatsSnapshot } from './sandbox-stats.js';
export type { FeedControlView } from './feeds-control.routes.js';
export type { OrderFeedAction } from './feeds-order-cancel.js';
export { DEFAULT_FEED_TIMING, type FeedTiming } from './feeds-store.js';
export { SEED_PRODUCT_TYPE, SEED_QUANTITY, type ListingsFilter, type SandboxListing } from './listings-store.js';
