import { SANDBOX_MAGENTO_STORE_CODE, SANDBOX_MAGENTO_STORE_ID } from './constants.js';
import type { Json } from './magento-format.js';
import type { MagentoRoute } from './magento-route.js';
import type { MagentoSandbox } from './magento-sandbox.js';

/** The sandbox has one website with one store view, `default` (store_id 1). */
export const STORE_CODES: readonly string[] = [SANDBOX_MAGENTO_STORE_CODE];

export function storeConfigView(sandbox: MagentoSandbox): Json {
  const base = `${sandbox.baseUrl}/`;
  return {
    id: SANDBOX_MAGENTO_STORE_ID,
    code: SANDBOX_MAGENTO_STORE_CODE,
    website_id: 1,
    locale: 'en_US',
    base_currency_code: sandbox.currency,
    default_display_currency_code: sandbox.currency,
    timezone: 'UTC',
    weight_unit: 'kgs',
    base_url: base,
    base_link_url: base,
    base_static_url: `${base}static/version1/`,
    base_media_url: `${base}media/`,
    secure_base_url: base,
    secure_base_link_url: base,
    secure_base_static_url: `${base}static/version1/`,
    secure_base_media_url: `${base}media/`,
  };
}

export const STORE_ROUTES: readonly MagentoRoute[] = [
  {
    method: 'GET',
    pattern: '/V1/store/storeConfigs',
    resource: 'Magento_Backend::store',
    run: (ctx) => {
      // storeCodes[]=default (or storeCodes[0]=…) narrows the list; unknown codes are left out.
      const wanted = [...ctx.query].filter(([k]) => k.startsWith('storeCodes')).map(([, v]) => v);
      const all = [storeConfigView(ctx.sandbox)];
      return wanted.length === 0 ? all : all.filter((s) => wanted.includes(String(s.code)));
    },
  },
];
