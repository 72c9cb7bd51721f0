import { hubApiPlatform } from './hub-api/index.js';
import { magento2Platform } from './magento2/index.js';
import { shopifyPlatform } from './shopify/index.js';
import type { StorePlatform } from './store-connector.js';
import { vendurePlatform } from './vendure/index.js';
import { woocommercePlatform } from './woocommerce/index.js';

/** Every store platform OrderBridge can deliver to. A new platform = one folder + one line here. */
const PLATFORMS: readonly StorePlatform[] = [
  hubApiPlatform,
  woocommercePlatform,
  vendurePlatform,
  shopifyPlatform,
  magento2Platform,
];

export const PLATFORM_IDS: readonly string[] = PLATFORMS.map((p) => p.id);

export function platformFor(id: string): StorePlatform | null {
  return PLATFORMS.find((p) => p.id === id) ?? null;
}
