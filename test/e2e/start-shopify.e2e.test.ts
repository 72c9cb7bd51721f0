import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifyOrderView } from '../../src/sandbox/shopify/index.js';
import { testDatabases } from '../helpers/databases.js';
import { openTestApp } from '../helpers/test-app.js';
import { createInstallation, servedAt, startOrderBridge, until, type Installation } from './support/orderbridge-cli.js';
import { freeSandboxPort } from '../helpers/free-ports.js';

/**
 * `orderbridge start --store shopify` as a newcomer runs it (the network defaults): the demo's
 * orders reach the Shopify sandbox, and a fulfilment made there comes back by webhook as a
 * shipment confirmed to Amazon.
 */
for (const dialect of testDatabases) {
  describe(`start --store shopify [${dialect}]`, () => {
    let installation: Installation;
    beforeAll(async () => {
      installation = await createInstallation(dialect);
    });
    afterAll(async () => {
      await installation.close();
    });

    it('delivers the demo orders to Shopify and takes its fulfilment webhooks', { timeout: 90_000 }, async () => {
      const sandboxPort = String(await freeSandboxPort());
      const start = startOrderBridge(installation, ['start', '--store', 'shopify'], {
        ORDERBRIDGE_SANDBOX_PORT: sandboxPort,
        ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'false',
        ORDERBRIDGE_ALLOW_PRIVATE_STORE_ADDRESSES: 'false',
      });
      const app = await openTestApp(installation.database);
      try {
        const base = await servedAt(start);
        const shop = (await start.waitFor(/Shopify sandbox (http:\/\/\S+)/))[1] as string;
        const orders = async (): Promise<ShopifyOrderView[]> =>
          (await (await fetch(`${shop}/_sandbox/orders`)).json()) as ShopifyOrderView[];
        const open = await until(
          'demo orders in the Shopify sandbox',
          async () =>
            (await orders()).find((o) => !o.cancelledAt && o.displayFulfillmentStatus === 'UNFULFILLED') ?? null,
          { timeoutMs: 45_000, processes: [start] },
        );
        const store = await app.stores.get(app.accountId, 'sandbox-shopify');
        if (!store.ok) throw store.error;
        const webhooks = (await (await fetch(`${shop}/_sandbox/webhooks`)).json()) as { topic: string; uri: string }[];
        expect(webhooks.map((w) => w.uri)).toContain(`${base}/api/stores/${store.value.id}/webhook`);

        const fulfilled = await fetch(`${shop}/_sandbox/orders/${encodeURIComponent(open.id)}/fulfill`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ trackingCompany: 'DHL Express', trackingNumber: 'JD014600003828' }),
        });
        expect(fulfilled.status).toBe(201);
        // The store is polled once a minute: a shipment within seconds came by webhook.
        const shipment = await until(
          'the shipment from the webhook, confirmed to Amazon',
          async () => {
            const list = await app.storeSideService.shipments(app.accountId, { limit: 50 });
            if (!list.ok) throw list.error;
            return list.value.find((s) => s.trackingNumber === 'JD014600003828' && s.state === 'confirmed') ?? null;
          },
          { timeoutMs: 20_000, processes: [start] },
        );
        expect(shipment).toMatchObject({ carrierCode: 'DHL Express', storeId: store.value.id });
      } finally {
        await start.stop();
        await app.close();
      }
    });
  });
}

it('start refuses a store it has no sandbox for', async () => {
  const installation = await createInstallation('sqlite');
  try {
    const start = startOrderBridge(installation, ['start', '--store', 'magento']);
    expect(await start.exited).not.toBe(0);
    expect(start.output()).toMatch(/--store.*magento.*woocommerce, shopify/s);
  } finally {
    await installation.close();
  }
});
