import type { StorePlatform } from '../store-connector.js';
import { VendureConnector } from './vendure.connector.js';
import { vendureSecretsSchema, vendureSettingsSchema } from './vendure.settings.js';

/**
 * Vendure 3.x through the Admin API plus the OrderBridge Vendure plugin
 * (packages/vendure-plugin). baseUrl = the Admin API URL (or the server root: `/admin-api` is
 * appended). Settings: `{ channelToken?, shippingMethodCode?, paymentMethodCode?, webhookSecret? }`;
 * secrets: `{ username, password }` of an administrator, or `{ apiKey }`; `webhookSecret?`.
 */
export const vendurePlatform: StorePlatform = {
  id: VendureConnector.id,
  title: 'Vendure',
  parseSettings: (settings) => vendureSettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => {
    const parsed = vendureSecretsSchema.parse(secrets);
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  },
  create: (config, deps) => new VendureConnector(config, deps),
};

export { VendureConnector } from './vendure.connector.js';
export type { VendureSettings, VendureSecrets } from './vendure.settings.js';
