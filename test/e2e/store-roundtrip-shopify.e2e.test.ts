import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/http-server.js';
import { deliverOrder } from '../../src/sync/deliver-order.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  linkHeldSkus,
  openStoreTestEnv,
  runJobsUntil,
  shopifyOrdersByAmazonId,
  shopifyRefOf,
  type ShopifyStoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE, US } from '../helpers/test-app.js';
import { differencesFromAmazon } from './support/shopify-amazon-match.js';

/** What a merchant subscribes OrderBridge's webhook address to (docs: the Shopify store setup). */
const TOPICS = ['orders/fulfilled', 'orders/partially_fulfilled', 'orders/cancelled', 'inventory_levels/update'];
const INDEX_LAG_MS = 200;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Delivery {
  headers: Record<string, string | undefined>;
  body: string;
  status: number;
}

/**
 * The loop of store-roundtrip.e2e.test.ts against the shipped Shopify sandbox (Shopify's 2026-10
 * Admin GraphQL schema, cost throttling, index lag, signed webhooks): Amazon orders become Shopify
 * orders with Amazon's lines, prices and taxes on a tax-inclusive (DE, EUR shop) and a
 * tax-exclusive (US, USD shop) marketplace; the merchant's fulfilment (carrier unknown to the
 * mapping, and a known one), cancellation and stock change reach Amazon through Shopify's signed
 * webhooks on the real HTTP route; the reconciliation poll, re-run jobs and a duplicate webhook
 * change nothing. Checked in the Amazon and Shopify sandboxes' own state.
 */
describeEachDatabase('store round trip (Amazon ⇄ Shopify)', (ctx) => {
  let env: ShopifyStoreTestEnv | undefined;
  let http: FastifyInstance | undefined;
  let deliveries: Delivery[] = [];

  afterEach(async () => {
    // The Shopify sandbox first: it stops sending webhooks, and waits for the ones in flight.
    await env?.shopify.close();
    await http?.close();
    await env?.close();
    http = undefined;
    env = undefined;
    deliveries = [];
  });

  /** An env delivering `marketplaceId`'s orders to a Shopify shop in its currency, webhooks subscribed. */
  async function open(marketplaceId: string): Promise<ShopifyStoreTestEnv> {
    const opened = await openStoreTestEnv(ctx.url(), {
      platform: 'shopify',
      marketplaceId,
      // A Shopify Plus shop's restore rate: this test checks what arrives; the roundtrip benchmark
      // runs the Standard plan's rate with a small bucket.
      shopify: { searchIndexLagMs: INDEX_LAG_MS, restoreRate: 1000 },
      config: {
        defaultShippingService: 'Other',
        cancellationReason: 'ShippingAddressUndeliverable',
        // The store order carries Amazon's whole total (no tax left out), so it equals Amazon's to the cent.
        facilitatorTax: 'keep',
      },
    });
    env = opened;
    http = await buildHttpServer({ app: opened.app, requestSync: () => Promise.resolve('job') });
    http.addHook('onResponse', async (req, reply) => {
      if (!req.url.endsWith('/webhook')) return;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      deliveries.push({ headers, body: typeof req.body === 'string' ? req.body : '', status: reply.statusCode });
    });
    const base = await http.listen({ host: '127.0.0.1', port: 0 });
    for (const topic of TOPICS) {
      opened.shopify.sandbox.addWebhook(topic, `${base}/api/stores/${opened.storeId}/webhook`);
    }
    return opened;
  }

  async function orderOf(amazonOrderId: string) {
    return must(await env!.app.orders.details(env!.app.accountId, amazonOrderId));
  }

  /** Imports the orders, links the SKU spellings Shopify does not know, and waits until all are in Shopify. */
  async function deliverAll(e: ShopifyStoreTestEnv, ids: string[]): Promise<void> {
    must(await e.app.importOrders(e.connectionId, { trigger: 'manual' }));
    await e.app.runStoreJobs();
    const held = (await e.app.storeSideService.needsAttention(e.app.accountId, 100)).filter((o) => o.status === 'held');
    expect(shopifyOrdersByAmazonId(e.shopify).size).toBe(ids.length - held.length);
    expect(await linkHeldSkus(e)).toBeGreaterThanOrEqual(held.length);
    await runJobsUntil(e.app, () => shopifyOrdersByAmazonId(e.shopify).size === ids.length);
  }

  /** Exactly one Shopify order per Amazon order, equal to Amazon's lines and total to the cent. */
  async function expectExactOrders(e: ShopifyStoreTestEnv, ids: string[], currency: string, taxesIncluded: boolean) {
    for (const id of ids) {
      const orders = e.shopify.sandbox.ordersByAmazonOrderId(id);
      expect(
        orders.map((o) => o.id),
        id,
      ).toHaveLength(1);
      const order = orders[0]!;
      expect(order.amazonOrderId, id).toBe(id);
      expect(e.shopify.sandbox.getOrder(order.id)?.id).toBe(order.id);
      expect([order.currency, order.taxesIncluded, order.financialStatus], id).toEqual([
        currency,
        taxesIncluded,
        'PAID',
      ]);
      const variantOf = (sku: string) => shopifyRefOf(e.shopify, sku);
      expect(differencesFromAmazon(e.amazon.sandbox.getOrder(id), order, variantOf), id).toEqual([]);
      const { order: ours } = await orderOf(id);
      expect(ours.storeState, id).toBe('created');
      expect([order.id, order.legacyId]).toContain(ours.storeOrderRef);
    }
  }

  it('DE (tax-inclusive, EUR shop): exact orders once; fulfilment, cancellation and stock back to Amazon', async () => {
    const e = await open(DE);
    const { amazon, shopify, app } = e;
    const ids = amazon.sandbox.generateOrders({
      count: 6,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await deliverAll(e, ids);
    await expectExactOrders(e, ids, 'EUR', true);

    // Delivery run again (re-import, due jobs, and each order's delivery step by hand): nothing new in Shopify.
    const created = shopify.sandbox.statsSnapshot().ordersCreated;
    amazon.sandbox.advanceClock(180);
    must(await app.importOrders(e.connectionId, { trigger: 'manual' }));
    await app.runStoreJobs();
    for (const id of ids) must(await deliverOrder(app.storeSide, (await orderOf(id)).order.id));
    expect(shopify.sandbox.statsSnapshot().ordersCreated).toBe(created);
    expect([...shopifyOrdersByAmazonId(shopify).values()].every((o) => o.length === 1)).toBe(true);

    // 1. The merchant fulfils in Shopify: a carrier the mapping does not know, and one Amazon knows. The
    // signed webhooks bring both, each delivered twice (Shopify may repeat a delivery); no poll yet.
    const [shipId, cancelId, knownId] = ids as [string, string, string];
    const shopifyId = (id: string) => shopify.sandbox.ordersByAmazonOrderId(id)[0]!.id;
    shopify.sandbox.setFaults({ duplicateWebhookRate: 1 });
    shopify.sandbox.fulfillOrder({
      orderId: shopifyId(shipId),
      trackingCompany: 'Kangaroo Express',
      trackingNumber: 'KX-0001',
    });
    shopify.sandbox.fulfillOrder({
      orderId: shopifyId(knownId),
      trackingCompany: 'DHL Express',
      trackingNumber: '1234567890',
    });
    await runJobsUntil(
      app,
      () =>
        (amazon.sandbox.getOrder(shipId).packages ?? []).length === 1 &&
        (amazon.sandbox.getOrder(knownId).packages ?? []).length === 1,
    );
    shopify.sandbox.setFaults({});
    expect(shopify.sandbox.statsSnapshot().webhookDuplicates).toBeGreaterThanOrEqual(2);
    expect(deliveries.length).toBeGreaterThanOrEqual(4);
    expect(deliveries.every((d) => d.status === 202)).toBe(true);
    // Amazon accepts a carrier outside its list only as carrierCode 'Other' with carrierName: the
    // sandbox's package shows that name.
    expect(amazon.sandbox.getOrder(shipId).packages?.[0]).toMatchObject({
      carrier: 'Kangaroo Express',
      trackingNumber: 'KX-0001',
      packageReferenceId: '1',
    });
    expect(amazon.sandbox.getOrder(knownId).packages?.[0]).toMatchObject({
      carrier: 'DHL Express',
      trackingNumber: '1234567890',
    });
    expect(amazon.sandbox.getOrder(shipId).fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    const sent = must(await app.storeSideService.shipments(app.accountId, { limit: 10 }));
    expect(sent.map((x) => [x.carrierCode, x.carrierName, x.state]).sort()).toEqual([
      ['DHL Express', null, 'confirmed'],
      ['Other', 'Kangaroo Express', 'confirmed'],
    ]);

    // The reconciliation poll (once Shopify's search index shows the fulfilments) and a replayed
    // webhook see the same fulfilments: nothing is confirmed twice.
    await sleep(INDEX_LAG_MS + 100);
    const polled = must(await app.storeSideService.pollStore(app.accountId, e.storeId));
    expect(polled.shipments).toBe(0);
    const replay = deliveries.find((d) => d.headers['x-shopify-topic'] === 'orders/fulfilled')!;
    const replayHeaders = Object.fromEntries(
      Object.entries(replay.headers).filter(([k]) => k.startsWith('x-shopify-') || k === 'content-type'),
    );
    const replayed = await http!.inject({
      method: 'POST',
      url: `/api/stores/${e.storeId}/webhook`,
      headers: replayHeaders,
      payload: replay.body,
    });
    expect(replayed.statusCode).toBe(202);
    expect(replayed.json<{ shipments: number }>().shipments).toBe(0);
    await app.runStoreJobs();
    expect(amazon.sandbox.getOrder(shipId).packages).toHaveLength(1);
    expect(amazon.sandbox.getOrder(knownId).packages).toHaveLength(1);
    expect((await orderOf(shipId)).timeline.filter((x) => x.kind === 'amazon.shipment_confirmed')).toHaveLength(1);

    // 2. The merchant cancels another order in Shopify → Amazon records the cancellation (configured reason).
    shopify.sandbox.cancelOrder(shopifyId(cancelId), { reason: 'INVENTORY', restock: true });
    await runJobsUntil(app, () => amazon.sandbox.getOrder(cancelId).fulfillment?.fulfillmentStatus === 'CANCELLED');
    expect(JSON.stringify(amazon.sandbox.orderFeedActions(cancelId))).toContain('ShippingAddressUndeliverable');
    await runJobsUntil(app, async () =>
      (await orderOf(cancelId)).timeline.some((x) => x.kind === 'amazon.cancellation_applied'),
    );

    // 3. The merchant changes a SKU's stock in Shopify → the Amazon listing quantity follows.
    const line = (await orderOf(shipId)).lines.find((l) => l.kind === 'item' && l.productRef !== null)!;
    const storeSku = shopify.sandbox
      .listOrders()
      .flatMap((o) => o.lineItems)
      .find((l) => l.variantId === line.productRef)!.sku!;
    shopify.sandbox.setStock(storeSku, 42);
    await runJobsUntil(
      app,
      () => amazon.sandbox.listListings({ sku: line.sellerSku ?? '', marketplaceId: DE })[0]?.quantity === 42,
    );
    expect(shopify.sandbox.getStock(storeSku)).toBe(42);
    expect(deliveries.every((d) => d.status === 202)).toBe(true);
  });

  it('US (tax-exclusive, USD shop): exact orders once; a known carrier reaches Amazon as its code', async () => {
    const e = await open(US);
    const { amazon, shopify, app } = e;
    const ids = amazon.sandbox.generateOrders({
      count: 5,
      marketplaceId: US,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await deliverAll(e, ids);
    await expectExactOrders(e, ids, 'USD', false);

    const [shipId] = ids as [string];
    shopify.sandbox.fulfillOrder({
      orderId: shopify.sandbox.ordersByAmazonOrderId(shipId)[0]!.id,
      trackingCompany: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
    await runJobsUntil(app, () => (amazon.sandbox.getOrder(shipId).packages ?? []).length === 1);
    expect(amazon.sandbox.getOrder(shipId).packages?.[0]).toMatchObject({
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
  });
});
