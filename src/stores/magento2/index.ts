import type { StorePlatform } from '../store-connector.js';
import { Magento2Connector } from './magento2.connector.js';
import { magento2SecretsSchema, magento2SettingsSchema, normaliseMagentoUrl } from './magento2.settings.js';

/**
 * Magento 2 / Adobe Commerce through the admin REST API (2.4.x, validated against 2.4.9).
 * baseUrl = the shop's root URL (a pasted `/rest/<code>/V1` is dropped). Secrets: `{ accessToken }`
 * (Bearer) or `{ consumerKey, consumerSecret, accessToken, accessTokenSecret }` (OAuth 1.0a).
 * Settings: `{ storeCode?, orderCreation?, incrementIdPrefix?, paymentMethod?, invoice?, sourceCode?,
 * stockId?, cartShippingMethod?, pollIntervalSeconds? }` (README.md in this folder).
 */
export const magento2Platform: StorePlatform = {
  id: Magento2Connector.id,
  title: 'Magento 2 / Adobe Commerce',
  parseSettings: (settings) => magento2SettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => {
    const parsed = magento2SecretsSchema.parse(secrets);
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  },
  normaliseBaseUrl: normaliseMagentoUrl,
  create: (config, deps) => new Magento2Connector(config, deps),
};

export { Magento2Connector } from './magento2.connector.js';
export { MAGENTO_OPERATIONS } from './magento2.operations.js';
export { normaliseMagentoUrl } from './magento2.settings.js';
export { STOCK_LOG_ATTRIBUTE } from './magento2-stock.ledger.js';
export { ORDER_ID_INFO } from './magento2.types.js';
export type { Magento2Settings, Magento2Secrets } from './magento2.settings.js';
