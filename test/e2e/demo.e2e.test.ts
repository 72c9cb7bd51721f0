import { afterEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { startDemo, type Demo } from '../../src/app/demo.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { silentLogger } from '../../src/lib/logger.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { testConfig } from '../helpers/test-app.js';
import { freeSandboxPort } from '../helpers/free-ports.js';

/** First start: the demo's sandbox seller and sandbox WooCommerce store, with orders arriving in the store. */
describeEachDatabase('demo (npm start)', (ctx) => {
  let app: App | null = null;
  let demo: Demo | null = null;
  afterEach(async () => {
    await demo?.stop();
    await app?.close();
  });

  it('imports the backlog and delivers its orders to the sandbox store; a second start reuses both', async () => {
    const sandboxPort = await freeSandboxPort();
    const config = { ...testConfig(ctx.url()), sandboxPort };
    app = await openApp(config, { logger: silentLogger });
    demo = await startDemo(app);
    const worker = new SyncWorker(app, app.jobs);
    await worker.requestSync(demo.connectionId, 'startup');
    await app.jobs.drain(worker.handlers);
    await app.runStoreJobs();
    const { orders: storeOrders } = (await (await fetch(`${demo.storeUrl}/_sandbox/orders`)).json()) as {
      orders: unknown[];
    };
    const all = await app.orders.list(app.accountId, { limit: 500, offset: 0 });
    if (!all.ok) throw all.error;
    const delivered = all.value.orders.filter((o) => o.storeOrderRef !== null);
    expect(delivered.length).toBeGreaterThan(20);
    expect(storeOrders.length).toBe(delivered.length);

    await demo.stop();
    demo = await startDemo(app); // restart: same connection and store, no duplicates
    expect((await app.stores.list(app.accountId)).map((s) => s.name)).toEqual(['sandbox-woocommerce']);
    expect((await app.connections.list(app.accountId)).map((c) => c.storeId)).toEqual([
      (await app.stores.list(app.accountId))[0]?.id,
    ]);
  });
});
