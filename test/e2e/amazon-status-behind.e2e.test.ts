import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { silentLogger } from '../../src/lib/logger.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, testConfig } from '../helpers/test-app.js';

/**
 * After OrderBridge's own confirmed write-back (a confirmed shipment sets SHIPPED at once), a pull
 * whose Amazon answer still says UNSHIPPED keeps the order's Amazon status, says so on the
 * timeline, and stores the rest; a real later change on Amazon still applies.
 */
describeEachDatabase("Amazon's status lagging behind our confirmed write-back", (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;
  let connectionId: string;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 11, rateScale: 1000 });
    app = await openApp(testConfig(ctx.url()), { logger: silentLogger });
    connectionId = (await addSandboxConnection(app, sandbox)).id;
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  const pull = async () => {
    sandbox.sandbox.advanceClock(180); // searchOrders sees changes after Amazon's two minutes
    const result = await app.importOrders(connectionId, { trigger: 'manual' });
    if (!result.ok) throw result.error;
    return result.value;
  };
  const details = async (amazonOrderId: string) => {
    const d = await app.orders.details(app.accountId, amazonOrderId);
    if (!d.ok) throw d.error;
    return d.value;
  };
  /** One UNSHIPPED MFN order pulled, then our write-back's result recorded as confirm-shipment does. */
  async function pulledThenWrittenBack(progress: { amazonStatus: string; status: string }) {
    const [id] = sandbox.sandbox.generateOrders({
      count: 1,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    if (!id) throw new Error('no order');
    expect(await pull()).toMatchObject({ ordersCreated: 1 });
    const before = await details(id);
    await app.storeSide.orderStore.setAmazonProgress(app.db, before.order.id, progress, new Date().toISOString());
    return { id, before };
  }

  it('a lagging UNSHIPPED after a confirmed shipment keeps SHIPPED; Amazon shipping it later changes nothing back', async () => {
    const { id, before } = await pulledThenWrittenBack({ amazonStatus: 'SHIPPED', status: 'shipped' });
    sandbox.sandbox.advanceOrder(id, 'touch'); // Amazon changes the order but still says UNSHIPPED
    expect(await pull()).toMatchObject({ ordersUpdated: 1 });

    const lagged = await details(id);
    expect([lagged.order.amazonStatus, lagged.order.status]).toEqual(['SHIPPED', 'shipped']);
    expect(lagged.order.lastUpdatedTime).not.toBe(before.order.lastUpdatedTime); // the rest of the read is stored
    const behind = lagged.timeline.filter((e) => e.kind === 'amazon.status_behind');
    expect(behind.map((e) => e.summary)).toEqual([expect.stringContaining('Amazon still answered UNSHIPPED')]);
    expect(lagged.timeline.some((e) => e.kind === 'order.transition_refused')).toBe(false);
    expect(lagged.timeline.some((e) => e.summary.includes('Amazon status SHIPPED → UNSHIPPED'))).toBe(false);

    sandbox.sandbox.advanceOrder(id, 'ship'); // Amazon catches up
    expect(await pull()).toMatchObject({ ordersUpdated: 1 });
    const caughtUp = await details(id);
    expect([caughtUp.order.amazonStatus, caughtUp.order.status]).toEqual(['SHIPPED', 'shipped']);
    expect(caughtUp.timeline.filter((e) => e.kind === 'amazon.status_behind')).toHaveLength(1);
  });

  it('a partly confirmed shipment keeps PARTIALLY_SHIPPED against a lagging UNSHIPPED; SHIPPED from Amazon applies', async () => {
    const { id, before } = await pulledThenWrittenBack({ amazonStatus: 'PARTIALLY_SHIPPED', status: 'ready' });
    sandbox.sandbox.advanceOrder(id, 'touch');
    await pull();
    const lagged = await details(id);
    expect([lagged.order.amazonStatus, lagged.order.status]).toEqual(['PARTIALLY_SHIPPED', before.order.status]);
    expect(lagged.timeline.filter((e) => e.kind === 'amazon.status_behind')).toHaveLength(1);

    sandbox.sandbox.advanceOrder(id, 'ship');
    await pull();
    const shipped = await details(id);
    expect([shipped.order.amazonStatus, shipped.order.status]).toEqual(['SHIPPED', 'shipped']);
  });
});
