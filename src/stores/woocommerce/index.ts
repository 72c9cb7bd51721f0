import type { StorePlatform } from '../store-connector.js';
import { WooCommerceConnector } from './woocommerce.connector.js';
import { wooSecretsSchema, wooSettingsSchema } from './woocommerce.settings.js';

/**
 * WooCommerce (REST API v3 + the Shipment Tracking extension). Settings:
 * `{ orderStatus?: 'processing' | 'on-hold', webhookSecret?, shippingMethodId? }`;
 * secrets: `{ consumerKey, consumerSecret, webhookSecret? }`; baseUrl = the site root.
 */
export const woocommercePlatform: StorePlatform = {
  id: WooCommerceConnector.id,
  title: 'WooCommerce',
  parseSettings: (settings) => wooSettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => {
    const parsed = wooSecretsSchema.parse(secrets);
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  },
  create: (config, deps) => new WooCommerceConnector(config, deps),
};

export { WooCommerceConnector } from './woocommerce.connector.js';
export type { WooSettings, WooSecrets } from './woocommerce.settings.js';
