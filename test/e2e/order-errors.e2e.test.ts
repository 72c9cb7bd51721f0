import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases.js';
import { openStoreTestEnv, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

/** An error belongs to the side that recorded it: a re-import never wipes a store-side failure. */
describeEachDatabase('Order errors by owner', (ctx) => {
  let env: StoreTestEnv;
  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url(), { seed: 31 });
  });
  afterEach(async () => {
    await env.close();
  });

  it('keeps a store-side error (and the order in needs-attention) when Amazon changes the order', async () => {
    const [amazonId] = env.amazon.sandbox.generateOrders({
      count: 1,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await env.app.importOrders(env.connectionId, { trigger: 'manual' });
    await env.app.runStoreJobs();
    const order = await env.app.orders.find(env.app.accountId, amazonId!);
    if (!order.ok) throw order.error;
    await env.app.storeSide.orderStore.recordFailure(
      order.value.id,
      { code: 'shipment_rejected', message: 'Amazon rejected the shipment' },
      env.app.clock.nowIso(),
    );

    env.amazon.sandbox.advanceOrder(amazonId!, 'requestCancel');
    const summary = await env.app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!summary.ok) throw summary.error;
    expect(summary.value.ordersUpdated).toBe(1); // the change was imported …
    const after = await env.app.orders.find(env.app.accountId, amazonId!);
    if (!after.ok) throw after.error;
    expect(after.value).toMatchObject({ errorCode: 'shipment_rejected' }); // … and the error stayed
    const attention = await env.app.storeSideService.needsAttention(env.app.accountId, 50);
    expect(attention.map((o) => o.id)).toContain(order.value.id);
  });
});
