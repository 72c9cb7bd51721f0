import { afterEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { startDemo, type Demo } from '../../src/app/demo.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { silentLogger } from '../../src/lib/logger.js';
import type { MagentoOrderView } from '../../src/sandbox/magento2/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { testConfig } from '../helpers/test-app.js';
import { freeSandboxPort } from '../helpers/free-ports.js';

/** `npm start -- --store magento2`: the demo delivers to the Magento sandbox, also after starting with WooCommerce. */
describeEachDatabase('demo with the Magento 2 sandbox (start --store magento2)', (ctx) => {
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

  /** The Magento sandbox's orders, read through its control API as a merchant's script would. */
  const magentoOrders = async (d: Demo): Promise<MagentoOrderView[]> =>
    ((await (await fetch(`${d.storeUrl}/_sandbox/orders`)).json()) as { orders: MagentoOrderView[] }).orders;

  it('a fresh installation delivers the backlog to the Magento sandbox; a shipment there comes back', async () => {
    app = await open();
    demo = await startDemo(app, { store: 'magento2' });
    expect(demo.storePlatform).toBe('magento2');
    expect(demo.storeUrl).toBe(`http://127.0.0.1:${app.config.sandboxPort + 3}`);
    expect(demo.storeLines.join('\n')).toContain(`Magento 2 sandbox ${demo.storeUrl}`);
    const delivered = await importAndDeliver(app, demo);
    const orders = await magentoOrders(demo);
    expect(delivered).toBeGreaterThan(20);
    expect(orders).toHaveLength(delivered);
    // One Magento order per Amazon order: its number is AMZ- + the Amazon order id, which it also keeps.
    const ids = orders.map((o) => o.ext_order_id);
    expect(new Set(ids).size).toBe(delivered);
    expect(ids.every((id) => typeof id === 'string' && /^\d{3}-\d{7}-\d{7}$/.test(id))).toBe(true);
    expect(orders.every((o) => o.increment_id === `AMZ-${o.ext_order_id}`)).toBe(true);
    expect(orders.every((o) => o.order_currency_code === 'EUR')).toBe(true);
    expect((await app.stores.test(app.accountId, 'sandbox-magento2')).ok).toBe(true);

    // A merchant ships one in Magento: the next poll brings it, and it is confirmed to Amazon.
    const store = await app.stores.get(app.accountId, 'sandbox-magento2');
    if (!store.ok) throw store.error;
    let seller: MagentoOrderView | undefined;
    for (const o of orders) {
      const amazon = await fetch(`${demo.sandboxUrl}/_sandbox/orders/${encodeURIComponent(o.ext_order_id ?? '')}`);
      const { order } = (await amazon.json()) as { order: { fulfillment?: Record<string, string> } };
      if (order.fulfillment?.fulfilledBy === 'MERCHANT' && order.fulfillment.fulfillmentStatus === 'UNSHIPPED') {
        seller = o;
        break;
      }
    }
    if (!seller) throw new Error('no unshipped seller-fulfilled order in Magento');
    expect(seller.state).toBe('processing'); // invoiced (the default)
    const shipped = await fetch(`${demo.storeUrl}/_sandbox/orders/${seller.entity_id}/ship`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trackNumber: 'DEMO-TRACK-1', carrierCode: 'dhl', title: 'DHL' }),
    });
    expect(shipped.ok, await shipped.clone().text()).toBe(true);
    const polled = await app.storeSideService.pollStore(app.accountId, store.value.id);
    if (!polled.ok) throw polled.error;
    expect(polled.value.shipments).toBeGreaterThanOrEqual(1);
    await app.runStoreJobs();
    const shipments = await app.storeSideService.shipments(app.accountId, { limit: 50 });
    if (!shipments.ok) throw shipments.error;
    expect(shipments.value.find((s) => s.trackingNumber === 'DEMO-TRACK-1')).toMatchObject({
      storeId: store.value.id,
      state: 'confirmed',
    });
  });

  it('starting with Magento after WooCommerce links the demo connection to the Magento store; back again too', async () => {
    app = await open();
    demo = await startDemo(app, { store: 'woocommerce' });
    await demo.stop();
    demo = await startDemo(app, { store: 'magento2' });
    const stores = await app.stores.list(app.accountId);
    const byName = Object.fromEntries(stores.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['sandbox-magento2', 'sandbox-woocommerce']);
    expect(byName['sandbox-magento2']).toMatchObject({
      platform: 'magento2',
      baseUrl: demo.storeUrl,
      settings: { pollIntervalSeconds: 15 },
    });
    expect(byName['sandbox-magento2']?.secretHints).toHaveProperty('accessToken');
    const connections = await app.connections.list(app.accountId);
    expect(connections.map((c) => [c.name, c.storeId])).toEqual([['sandbox-demo', byName['sandbox-magento2']?.id]]);

    const delivered = await importAndDeliver(app, demo);
    expect(delivered).toBeGreaterThan(20);
    expect(await magentoOrders(demo)).toHaveLength(delivered);

    await demo.stop();
    demo = await startDemo(app, { store: 'woocommerce' });
    expect((await app.connections.list(app.accountId)).map((c) => c.storeId)).toEqual([
      byName['sandbox-woocommerce']?.id,
    ]);
    expect((await app.stores.list(app.accountId)).length).toBe(2);
  });
});
