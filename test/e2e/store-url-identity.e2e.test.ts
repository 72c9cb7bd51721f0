import { afterEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { storeIdentity } from '../../src/domain/store-identity.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { openTestApp } from '../helpers/test-app.js';

const MAGENTO_SECRETS = { accessToken: 'integration-token' };
const SHOPIFY_SECRETS = { accessToken: 'shpat_test' };

/**
 * A store's URL is saved the way its platform spells the shop (a pasted Magento REST URL, a Shopify
 * admin URL), so two rows for one shop share one identity and the once-per-shop claim holds across them.
 */
describeEachDatabase('store URLs saved as the shop', (ctx) => {
  let app: App | undefined;
  afterEach(async () => app?.close());

  async function add(name: string, platform: string, baseUrl: string, secrets: Record<string, string>) {
    const added = await app!.stores.add(app!.accountId, { name, platform, baseUrl, secrets }, 'test');
    if (!added.ok) throw added.error;
    return added.value;
  }

  it('cuts a pasted Magento REST URL back to the shop and keeps its path prefix', async () => {
    app = await openTestApp(ctx.url());
    const pasted = await add('m1', 'magento2', 'https://shop.example.com/rest/de/V1/orders', MAGENTO_SECRETS);
    const plain = await add('m2', 'magento2', 'https://shop.example.com/', MAGENTO_SECRETS);
    const prefixed = await add('m3', 'magento2', 'https://shop.example.com/index.php/rest/default/V1', MAGENTO_SECRETS);
    expect([pasted.baseUrl, plain.baseUrl, prefixed.baseUrl]).toEqual([
      'https://shop.example.com',
      'https://shop.example.com',
      'https://shop.example.com/index.php',
    ]);
    expect(storeIdentity('magento2', pasted.baseUrl)).toBe(storeIdentity('magento2', plain.baseUrl));
    const saved = await app.stores.get(app.accountId, 'm1');
    expect(saved.ok && saved.value.baseUrl).toBe('https://shop.example.com');
  });

  it('saves a Shopify admin or storefront-path URL as the shop’s origin', async () => {
    app = await openTestApp(ctx.url());
    const admin = await add('s1', 'shopify', 'https://My-Shop.myshopify.com/admin/orders', SHOPIFY_SECRETS);
    const plain = await add('s2', 'shopify', 'https://my-shop.myshopify.com', SHOPIFY_SECRETS);
    expect(admin.baseUrl).toBe('https://my-shop.myshopify.com');
    expect(storeIdentity('shopify', admin.baseUrl)).toBe(storeIdentity('shopify', plain.baseUrl));
  });
});
