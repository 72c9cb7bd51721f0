import { afterEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { startDemo, type Demo } from '../../src/app/demo.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { silentLogger } from '../../src/lib/logger.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { testConfig } from '../helpers/test-app.js';
import { freeSandboxPort } from '../helpers/free-ports.js';

/** `npm start -- --store shopify`: the demo delivers to the Shopify sandbox, also after starting with WooCommerce. */
describeEachDatabase('demo with the Shopify sandbox (start --store shopify)', (ctx) => {
  let app: App | null = null;
  let demo: Demo | null = null;
  afterEach(async () => {
    await demo?.stop();
    demo = null;
    await app?.close();
  });

  const open = async (): Promise<App> => {
    const sandboxPort = await freeSandboxPort();
    // The network defaults: the demo's sandboxes are reachable as the process's own.
    return openApp({ ...testConfig(ctx.url(), { strictNetwork: true }), sandboxPort }, { logger: silentLogger });
  };

  /** Imports the backlog and runs every store job; the connection's orders that reached a store. */
  const importAndDeliver = async (a: App, d: Demo): Promise<number> => {
    const worker = new SyncWorker(a, a.jobs);
    await worker.requestSync(d.connectionId, 'startup');
    await a.jobs.drain(worker.handlers);
    await a.runStoreJobs();
    const all = await a.orders.list(a.accountId, { limit: 500, offset: 0 });
    if (!all.ok) throw all.error;
    return all.value.orders.filter((o) => o.storeOrderRef !== null).length;
  };

  it('a fresh installation delivers the backlog to the Shopify sandbox', async () => {
    app = await open();
    demo = await startDemo(app, { store: 'shopify' });
    expect(demo.storePlatform).toBe('shopify');
    const delivered = await importAndDeliver(app, demo);
    const shopifyOrders = demo.shopifySandbox?.listOrders() ?? [];
    expect(delivered).toBeGreaterThan(20);
    expect(shopifyOrders).toHaveLength(delivered);
    // One Shopify order per Amazon order, each marked with its Amazon order id.
    const ids = shopifyOrders.map((o) => o.amazonOrderId);
    expect(new Set(ids).size).toBe(delivered);
    expect(ids.every((id) => id !== null && /^\d{3}-\d{7}-\d{7}$/.test(id))).toBe(true);
    expect(shopifyOrders.every((o) => o.currency === 'EUR')).toBe(true);
    expect((await app.stores.test(app.accountId, 'sandbox-shopify')).ok).toBe(true);
  });

  it('starting with Shopify after WooCommerce links the demo connection to the Shopify store; back again too', async () => {
    app = await open();
    demo = await startDemo(app, { store: 'woocommerce' });
    await demo.stop();
    demo = await startDemo(app, { store: 'shopify' });
    const stores = await app.stores.list(app.accountId);
    const byName = Object.fromEntries(stores.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['sandbox-shopify', 'sandbox-woocommerce']);
    expect(byName['sandbox-shopify']).toMatchObject({ platform: 'shopify', baseUrl: demo.storeUrl });
    expect(byName['sandbox-shopify']?.secretHints).toHaveProperty('accessToken');
    const connections = await app.connections.list(app.accountId);
    expect(connections.map((c) => [c.name, c.storeId])).toEqual([['sandbox-demo', byName['sandbox-shopify']?.id]]);

    const delivered = await importAndDeliver(app, demo);
    expect(delivered).toBeGreaterThan(20);
    expect(demo.shopifySandbox?.listOrders()).toHaveLength(delivered);

    await demo.stop();
    demo = await startDemo(app, { store: 'woocommerce' });
    expect((await app.connections.list(app.accountId)).map((c) => c.storeId)).toEqual([
      byName['sandbox-woocommerce']?.id,
    ]);
    expect((await app.stores.list(app.accountId)).length).toBe(2);
  });
});
