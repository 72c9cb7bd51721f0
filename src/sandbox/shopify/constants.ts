/** Fixed identities of the shipped Shopify sandbox (the contract in index.ts re-exports them). */
export const SANDBOX_SHOPIFY_SHOP = 'orderbridge-sandbox.myshopify.com';
export const SANDBOX_SHOPIFY_ACCESS_TOKEN = 'shpat_orderbridge_sandbox_00000000000000000';
export const SANDBOX_SHOPIFY_CLIENT_ID = 'orderbridge-sandbox-client-id';
/** Also signs webhooks unless the sandbox is given another secret. */
export const SANDBOX_SHOPIFY_CLIENT_SECRET = 'shpss_orderbridge_sandbox_000000000000000';
export const SANDBOX_SHOPIFY_SCOPES =
  'read_products,write_orders,read_orders,write_inventory,read_inventory,read_locations,' +
  'read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders';

/** Shopify's trial/development store limit for orderCreate. */
export const DEV_STORE_ORDERS_PER_MINUTE = 5;
/** Shopify refuses single queries above this cost (MAX_COST_EXCEEDED). */
export const MAX_QUERY_COST = 1000;

export type ResourceType =
  | 'Shop'
  | 'Order'
  | 'LineItem'
  | 'ShippingLine'
  | 'Product'
  | 'ProductVariant'
  | 'InventoryItem'
  | 'InventoryLevel'
  | 'Location'
  | 'Fulfillment'
  | 'FulfillmentOrder'
  | 'FulfillmentOrderLineItem'
  | 'FulfillmentLineItem'
  | 'Job'
  | 'MetafieldDefinition'
  | 'Metafield'
  | 'OrderTransaction'
  | 'WebhookSubscription'
  | 'InventoryAdjustmentGroup';

export const gid = (type: ResourceType, id: number | string): string => `gid://shopify/${type}/${id}`;

/** The numeric id of a GID (or of a plain number string); null when it is not one of `type`. */
export function parseGid(value: unknown, type: ResourceType): number | null {
  if (typeof value !== 'string') return null;
  const plain = /^\d+$/.test(value) ? value : null;
  const match = plain ?? new RegExp(`^gid://shopify/${type}/(\\d+)(\\?.*)?$`).exec(value)?.[1] ?? null;
  if (match === null) return null;
  const n = Number(match);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
