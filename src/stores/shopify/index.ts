import type { StorePlatform } from '../store-connector.js';
import { ShopifyConnector } from './shopify.connector.js';
import { normaliseShopUrl, shopifySecretsSchema, shopifySettingsSchema } from './shopify.settings.js';

/**
 * Shopify through the Admin GraphQL API (version SHOPIFY_API_VERSION) with @shopify/admin-api-client.
 * baseUrl = `https://{shop}.myshopify.com` (`shop`, `shop.myshopify.com` or the URL are accepted).
 * Secrets: `{ accessToken }` or `{ clientId, clientSecret }` (client-credentials grant), optional
 * `webhookSecret`. Settings: `{ locationId?, orderNumbering?, tags?, sendReceipt?, identifierMetafield?, webhookSecret? }`.
 */
export const shopifyPlatform: StorePlatform = {
  id: ShopifyConnector.id,
  title: 'Shopify',
  parseSettings: (settings) => shopifySettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => {
    const parsed = shopifySecretsSchema.parse(secrets);
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  },
  normaliseBaseUrl: normaliseShopUrl,
  create: (config, deps) => new ShopifyConnector(config, deps),
};

export { ShopifyConnector } from './shopify.connector.js';
export { SHOPIFY_API_VERSION } from './shopify.client.js';
export { SHOPIFY_DOCUMENTS } from './shopify.documents.js';
export { ORDER_METAFIELD, ORDER_ID_METAFIELD } from './shopify-order.input.js';
export { normaliseShopUrl } from './shopify.settings.js';
export { signShopifyWebhook } from './shopify.webhook.js';
export type { ShopifySettings, ShopifySecrets } from './shopify.settings.js';
