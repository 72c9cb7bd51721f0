import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { up as catchUpStoreStates } from '../../src/db/migrations/2026_12_06_0012_store_side_state.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  linkHeldSkus,
  openStoreTestEnv,
  runJobsUntil,
  wooOrdersByAmazonId,
  type StoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

const FBA_NOTE = 'Fulfilled by Amazon (FBA): Amazon ships this order — do not ship it from the store';
const NOT_SENT = 'not sent to Amazon: Amazon fulfils FBA orders';

/**
 * FBA orders reach WooCommerce as already fulfilled by Amazon, and the store's shipments or
 * cancellations of them stay out of Amazon; after a write-back succeeds the order shows Amazon's new
 * status and the store's state at once, without waiting for a pull. Checked in the sandboxes' state.
 */
describeEachDatabase('FBA orders and state after write-back (Amazon ⇄ WooCommerce)', (ctx) => {
  let env: StoreTestEnv;

  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url(), {
      seed: 5,
      config: { orderTypes: ['MFN', 'AFN'], fbaOrdersLowerStock: false, defaultOrderShippingMethod: 'DHL Paket' },
    });
  });
  afterEach(async () => env.close());

  async function details(amazonOrderId: string) {
    const d = await env.app.orders.details(env.app.accountId, amazonOrderId);
    if (!d.ok) throw d.error;
    return d.value;
  }

  /** Imports the orders and delivers them all to the store (linking the sandbox's odd SKU spellings). */
  async function deliver(ids: string[]): Promise<Map<string, number>> {
    const imported = await env.app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!imported.ok) throw imported.error;
    await env.app.runStoreJobs();
    await linkHeldSkus(env);
    await runJobsUntil(env.app, () => ids.every((id) => wooOrdersByAmazonId(env.woo).has(id)));
    const byAmazonId = wooOrdersByAmazonId(env.woo);
    return new Map(ids.map((id) => [id, byAmazonId.get(id)?.[0]?.id ?? 0]));
  }

  async function poll(): Promise<void> {
    const polled = await env.app.storeSideService.pollStore(env.app.accountId, env.storeId);
    if (!polled.ok) throw polled.error;
  }

  it('an FBA order is completed in the store with the FBA note, no ship-by notes and no stock taken', async () => {
    const ids = env.amazon.sandbox.generateOrders({
      count: 3,
      marketplaceId: DE,
      fulfillment: 'AFN',
      statuses: { UNSHIPPED: 1 },
    });
    const wooIds = await deliver(ids);
    for (const id of ids) {
      const woo = env.woo.sandbox.getOrder(wooIds.get(id) ?? 0) as {
        status: string;
        notes: string[];
        line_items: Array<{ sku: string; quantity: number }>;
      };
      expect(woo.status, id).toBe('completed');
      expect(woo.notes, id).toContain(FBA_NOTE);
      expect(
        woo.notes.filter((n) => /ship by/i.test(n)),
        id,
      ).toEqual([]);
      // "FBA orders lower store stock" is off: the completed order took nothing.
      expect(
        woo.notes.some((n) => n.startsWith('Stock levels reduced')),
        id,
      ).toBe(false);
      expect(woo.line_items.length, id).toBeGreaterThan(0);
    }
  });

  it("the store's shipment or cancellation of an FBA order is kept on the timeline, not sent to Amazon, not failed", async () => {
    const [shipId, cancelId] = env.amazon.sandbox.generateOrders({
      count: 2,
      marketplaceId: DE,
      fulfillment: 'AFN',
      statuses: { UNSHIPPED: 1 },
    }) as [string, string];
    const wooIds = await deliver([shipId, cancelId]);
    env.amazon.sandbox.resetStats();
    env.woo.sandbox.shipOrder({ orderId: wooIds.get(shipId) ?? 0, provider: 'DHL', trackingNumber: 'FBA-1' });
    env.woo.sandbox.cancelOrder(wooIds.get(cancelId) ?? 0, 'customer changed their mind');
    await poll();
    for (let i = 0; i < 3; i++) await env.app.runStoreJobs();

    const stats = env.amazon.sandbox.stats();
    expect(stats.calls.confirmShipment).toBe(0);
    expect(stats.calls.createFeed).toBe(0);
    const shipped = await details(shipId);
    expect(shipped.shipments.map((s) => s.state)).toEqual(['not_sent']);
    expect(shipped.timeline.some((e) => e.kind === 'store.shipment_not_sent' && e.summary.includes(NOT_SENT))).toBe(
      true,
    );
    const cancelled = await details(cancelId);
    expect(cancelled.cancellations.map((c) => c.state)).toEqual(['not_sent']);
    expect(
      cancelled.timeline.some((e) => e.kind === 'store.cancellation_not_sent' && e.summary.includes(NOT_SENT)),
    ).toBe(true);
    for (const d of [shipped, cancelled]) {
      expect(d.order.errorCode, d.order.amazonOrderId).toBeNull();
      expect(d.timeline.some((e) => /rejected|failed/.test(e.kind))).toBe(false);
    }
    expect(shipped.order.storeState).toBe('shipped');
    expect(cancelled.order.storeState).toBe('cancelled');
    const attention = await env.app.storeSideService.needsAttention(env.app.accountId, 100);
    expect(attention.map((o) => o.amazonOrderId)).not.toContain(cancelId);
    expect(attention.map((o) => o.amazonOrderId)).not.toContain(shipId);
  });

  it("a confirmed shipment and an applied cancellation update the order's state at once; the API shows Amazon's feed id", async () => {
    const [shipId, cancelId] = env.amazon.sandbox.generateOrders({
      count: 2,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    }) as [string, string];
    const wooIds = await deliver([shipId, cancelId]);
    const pulls = () => env.amazon.sandbox.stats().calls.searchOrders ?? 0;
    const pullsBefore = pulls();

    env.woo.sandbox.shipOrder({ orderId: wooIds.get(shipId) ?? 0, provider: 'DHL', trackingNumber: 'MFN-1' });
    env.woo.sandbox.cancelOrder(wooIds.get(cancelId) ?? 0, 'out of stock');
    await poll();
    // The store's side moves as soon as its shipment or cancellation is recorded.
    expect((await details(shipId)).order.storeState).toBe('shipped');
    expect((await details(cancelId)).order.storeState).toBe('cancelled');

    await runJobsUntil(env.app, async () => (await details(shipId)).shipments[0]?.state === 'confirmed');
    const shipped = (await details(shipId)).order;
    expect([shipped.amazonStatus, shipped.status, shipped.storeState]).toEqual(['SHIPPED', 'shipped', 'shipped']);

    await runJobsUntil(env.app, async () => (await details(cancelId)).cancellations[0]?.state === 'applied');
    const cancelled = await details(cancelId);
    expect([cancelled.order.amazonStatus, cancelled.order.status, cancelled.order.storeState]).toEqual([
      'CANCELLED',
      'cancelled',
      'cancelled',
    ]);
    expect(pulls()).toBe(pullsBefore);

    // Amazon's feed id, not OrderBridge's record id, in the REST API.
    const amazonFeedIds = env.amazon.sandbox.listFeeds().map((f) => f.feedId);
    const server: FastifyInstance = await buildHttpServer({ app: env.app, requestSync: () => Promise.resolve('job') });
    try {
      await authorize(server, env.app);
      const res = await server.inject({ method: 'GET', url: `/api/orders/${cancelled.order.id}` });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ cancellations: Array<{ feedId: string; amazonFeedId: string | null }> }>();
      const [c] = body.cancellations;
      expect(amazonFeedIds).toContain(c?.amazonFeedId);
      expect(c?.amazonFeedId).not.toBe(c?.feedId);
    } finally {
      await server.close();
    }

    // A later pull keeps it: Amazon says the same, nothing regresses.
    env.amazon.sandbox.advanceClock(180);
    await env.app.importOrders(env.connectionId, { trigger: 'manual' });
    const after = (await details(shipId)).order;
    expect([after.amazonStatus, after.status, after.storeState]).toEqual(['SHIPPED', 'shipped', 'shipped']);
  });

  it('orders recorded before this change catch up: shipped and cancelled store orders leave "created" (migration 0012)', async () => {
    const [shipId, cancelId, openId] = env.amazon.sandbox.generateOrders({
      count: 3,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    }) as [string, string, string];
    const wooIds = await deliver([shipId, cancelId, openId]);
    env.woo.sandbox.shipOrder({ orderId: wooIds.get(shipId) ?? 0, provider: 'DHL', trackingNumber: 'OLD-1' });
    env.woo.sandbox.cancelOrder(wooIds.get(cancelId) ?? 0, 'out of stock');
    await poll();
    await runJobsUntil(env.app, async () => (await details(cancelId)).cancellations[0]?.state === 'applied');
    const ids = await Promise.all([shipId, cancelId, openId].map(async (id) => (await details(id)).order.id));
    // As the rows were before: the store state never moved.
    await env.app.db.updateTable('orders').set({ store_state: 'created' }).where('id', 'in', ids).execute();
    await catchUpStoreStates(env.app.db as unknown as Kysely<unknown>);
    const states = await Promise.all(
      [shipId, cancelId, openId].map(async (id) => (await details(id)).order.storeState),
    );
    expect(states).toEqual(['shipped', 'cancelled', 'created']);
  });
});
