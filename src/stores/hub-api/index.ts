import type { StorePlatform } from '../store-connector.js';
import { HubApiConnector } from './hub-api.connector.js';
import { hubApiSecretsSchema, hubApiSettingsSchema, readHubApiSettings } from './hub-api.settings.js';

/**
 * hub-api (PRODUCT.md §9): any store or ERP pulls new orders from OrderBridge's REST API and posts
 * back shipments, cancellations and stock (docs/hub-api.md). Settings: `{ webhookUrl?, pollIntervalSeconds? }`;
 * secrets: `{ apiKey, webhookSecret }` (24+ characters each).
 */
export const hubApiPlatform: StorePlatform = {
  id: HubApiConnector.id,
  title: 'OrderBridge Hub API (the store pulls orders)',
  parseSettings: (settings) => hubApiSettingsSchema.parse(settings ?? {}),
  parseSecrets: (secrets) => hubApiSecretsSchema.parse(secrets ?? {}),
  create: (config, deps) => new HubApiConnector(config, deps, readHubApiSettings(config.settings)),
};

export { HubApiConnector, HUB_TOPICS } from './hub-api.connector.js';
export { hubApiSecretsSchema, hubApiSettingsSchema, readHubApiSettings } from './hub-api.settings.js';
export type { HubApiSecrets, HubApiSettings } from './hub-api.settings.js';
