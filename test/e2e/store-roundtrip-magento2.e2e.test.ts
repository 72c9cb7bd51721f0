import { afterEach, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/sandbox/amazon/product-catalog.js';
import {
  SANDBOX_MAGENTO_ACCESS_TOKEN,
  SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
  SANDBOX_MAGENTO_CONSUMER_KEY,
  SANDBOX_MAGENTO_CONSUMER_SECRET,
} from '../../src/sandbox/magento2/index.js';
import { deliverOrder } from '../../src/sync/deliver-order.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  linkHeldSkus,
  magentoOrdersByAmazonId,
  openStoreTestEnv,
  runJobsUntil,
  type MagentoStoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE, US } from '../helpers/test-app.js';
import { differencesFromAmazon } from './support/magento-amazon-match.js';
import { amazonItemsOf } from './support/shopify-amazon-match.js';
import { ShiftedClock } from './support/magento-shifted-clock.js';

/** The connector reconciles Magento's source quantities on the first poll and then every 5 minutes. */
const STOCK_RECONCILE_MS = 5 * 60_000;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/**
 * The loop of store-roundtrip.e2e.test.ts against the shipped Magento 2 sandbox (the 2.4.9 admin
 * REST schema, searchCriteria, MSI source items, direct order save): Amazon orders become Magento
 * orders with Amazon's items, prices and taxes on a tax-inclusive (DE, EUR) and a tax-exclusive
 * (US, USD) marketplace, exactly one per Amazon order, and the stock OrderBridge deducts for them
 * is deducted once. Magento sends no webhooks: the store poll brings the merchant's shipments
 * (a carrier Amazon does not know, and known ones), cancellation and stock change to Amazon.
 * Re-run jobs and polls change nothing. Checked in the Amazon and Magento sandboxes' own state.
 */
describeEachDatabase('store round trip (Amazon ⇄ Magento 2)', (ctx) => {
  let env: MagentoStoreTestEnv | undefined;
  let clock: ShiftedClock;

  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  /** An env delivering `marketplaceId`'s orders to a Magento store in its currency. */
  async function open(
    marketplaceId: string,
    store: { secrets?: Record<string, string>; settings?: Record<string, unknown> } = {},
  ): Promise<MagentoStoreTestEnv> {
    clock = new ShiftedClock();
    env = await openStoreTestEnv(ctx.url(), {
      platform: 'magento2',
      marketplaceId,
      clock,
      ...(store.secrets && { storeSecrets: store.secrets }),
      ...(store.settings && { storeSettings: store.settings }),
      config: {
        defaultShippingService: 'Other',
        cancellationReason: 'ShippingAddressUndeliverable',
        // The store order carries Amazon's whole total (no tax left out), so it equals Amazon's to the cent.
        facilitatorTax: 'keep',
      },
    });
    return env;
  }

  async function orderOf(amazonOrderId: string) {
    return must(await env!.app.orders.details(env!.app.accountId, amazonOrderId));
  }

  const poll = async (e: MagentoStoreTestEnv) =>
    must(await e.app.storeSideService.pollStore(e.app.accountId, e.storeId));

  /** Source quantity of every catalogue SKU Magento sells. */
  const stockOf = (e: MagentoStoreTestEnv): Map<string, number> =>
    new Map(
      PRODUCTS.filter((p) => e.magento.sandbox.productBySku(p.sku)).map((p) => [
        p.sku,
        e.magento.sandbox.getStock(p.sku),
      ]),
    );

  /** Imports the orders, links the SKU spellings Magento does not know, and waits until all are in Magento. */
  async function deliverAll(e: MagentoStoreTestEnv, ids: string[]): Promise<void> {
    must(await e.app.importOrders(e.connectionId, { trigger: 'manual' }));
    await e.app.runStoreJobs();
    const held = (await e.app.storeSideService.needsAttention(e.app.accountId, 100)).filter((o) => o.status === 'held');
    expect(magentoOrdersByAmazonId(e.magento).size).toBe(ids.length - held.length);
    expect(await linkHeldSkus(e)).toBeGreaterThanOrEqual(held.length);
    await runJobsUntil(e.app, () => magentoOrdersByAmazonId(e.magento).size === ids.length);
  }

  /** Exactly one Magento order per Amazon order, equal to Amazon's items and totals to the cent. */
  async function expectExactOrders(
    e: MagentoStoreTestEnv,
    ids: string[],
    expected: { currency: string; taxIncluded: boolean; state: string },
  ) {
    const { currency, taxIncluded, state } = expected;
    const productOf = (sku: string) => e.magento.sandbox.productBySku(sku) ?? undefined;
    for (const id of ids) {
      const orders = e.magento.sandbox.ordersByExtOrderId(id);
      expect(
        orders.map((o) => o.entity_id),
        id,
      ).toHaveLength(1);
      const order = e.magento.sandbox.getOrder(Number(orders[0]!.entity_id))!;
      const { order: ours } = await orderOf(id);
      expect(
        [order.increment_id, order.ext_order_id, order.order_currency_code, order.base_currency_code, order.state],
        id,
      ).toEqual([`AMZ-${id}`, id, currency, currency, state]);
      expect(order.payment?.additional_information, id).toContain(`orderbridge_order_id:${ours.id}`);
      expect(differencesFromAmazon(e.amazon.sandbox.getOrder(id), order, productOf, taxIncluded), id).toEqual([]);
      expect(ours.storeState, id).toBe('created');
      expect(ours.storeOrderRef).toBe(String(order.entity_id));
    }
  }

  /** Each SKU's source quantity is what it was less every unit ordered of it, deducted once. */
  function expectStockDeducted(e: MagentoStoreTestEnv, before: Map<string, number>): void {
    const ordered = new Map<string, number>();
    for (const order of e.magento.sandbox.listOrders()) {
      for (const item of order.items) ordered.set(item.sku, (ordered.get(item.sku) ?? 0) + Number(item.qty_ordered));
    }
    expect(ordered.size).toBeGreaterThan(0);
    const want = new Map([...before].map(([sku, qty]) => [sku, qty - (ordered.get(sku) ?? 0)]));
    expect(stockOf(e)).toEqual(want);
  }

  it('DE (tax-inclusive, EUR): exact orders once, stock deducted once; shipments and a stock change back to Amazon', async () => {
    // OAuth 1.0a, every request signed: a store that keeps the integration-as-Bearer switch off.
    const e = await open(DE, {
      secrets: {
        consumerKey: SANDBOX_MAGENTO_CONSUMER_KEY,
        consumerSecret: SANDBOX_MAGENTO_CONSUMER_SECRET,
        accessToken: SANDBOX_MAGENTO_ACCESS_TOKEN,
        accessTokenSecret: SANDBOX_MAGENTO_ACCESS_TOKEN_SECRET,
      },
    });
    const { amazon, magento, app } = e;
    magento.sandbox.setIntegrationAsBearer(false);
    const initialStock = stockOf(e);
    const ids = amazon.sandbox.generateOrders({
      count: 6,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await deliverAll(e, ids);
    await expectExactOrders(e, ids, { currency: 'EUR', taxIncluded: true, state: 'processing' });
    expectStockDeducted(e, initialStock);

    // Delivery run again (re-import, due jobs, and each order's delivery step by hand): nothing new in Magento.
    const created = magento.sandbox.statsSnapshot().ordersCreated;
    amazon.sandbox.advanceClock(180);
    must(await app.importOrders(e.connectionId, { trigger: 'manual' }));
    await app.runStoreJobs();
    for (const id of ids) must(await deliverOrder(app.storeSide, (await orderOf(id)).order.id));
    expect(magento.sandbox.statsSnapshot().ordersCreated).toBe(created);
    expect([...magentoOrdersByAmazonId(magento).values()].every((o) => o.length === 1)).toBe(true);
    expectStockDeducted(e, initialStock);

    // The first poll reads every source quantity: each sold SKU's Amazon listing shows Magento's
    // stock after the deduction (many SKUs go to Amazon as one listings feed, processed a moment later).
    expect((await poll(e)).stock).toBeGreaterThan(0);
    const listed = (sellerSku: string) =>
      amazon.sandbox.listListings({ sku: sellerSku, marketplaceId: DE })[0]?.quantity;
    const sold = (await Promise.all(ids.map(async (id) => (await orderOf(id)).lines)))
      .flat()
      .filter((l) => l.kind === 'item' && l.productRef !== null && l.sellerSku !== null);
    const wrongListings = () =>
      sold
        .filter((l) => listed(l.sellerSku!) !== magento.sandbox.salableQuantity(l.productRef!))
        .map((l) => `${l.sellerSku!}: Amazon ${String(listed(l.sellerSku!))}`);
    await runJobsUntil(app, () => wrongListings().length === 0).catch(() => undefined);
    expect(wrongListings()).toEqual([]);

    // 1. The merchant ships in Magento: a carrier Amazon does not know, and one it knows. The poll brings both.
    const [shipId, knownId] = ids as [string, string];
    const magentoId = (id: string) => Number(magento.sandbox.ordersByExtOrderId(id)[0]!.entity_id);
    magento.sandbox.shipOrder({
      orderId: magentoId(shipId),
      carrierCode: 'custom',
      title: 'Kangaroo Express',
      trackNumber: 'KX-0001',
    });
    magento.sandbox.shipOrder({
      orderId: magentoId(knownId),
      carrierCode: 'dhl',
      title: 'DHL',
      trackNumber: '1234567890',
    });
    expect((await poll(e)).shipments).toBe(2);
    await runJobsUntil(
      app,
      () =>
        (amazon.sandbox.getOrder(shipId).packages ?? []).length === 1 &&
        (amazon.sandbox.getOrder(knownId).packages ?? []).length === 1,
    );
    // Amazon accepts a carrier outside its list only as carrierCode 'Other' with carrierName: the
    // sandbox's package shows that name.
    expect(amazon.sandbox.getOrder(shipId).packages?.[0]).toMatchObject({
      carrier: 'Kangaroo Express',
      trackingNumber: 'KX-0001',
      packageReferenceId: '1',
    });
    expect(amazon.sandbox.getOrder(knownId).packages?.[0]).toMatchObject({
      carrier: 'DHL',
      trackingNumber: '1234567890',
    });
    expect(amazon.sandbox.getOrder(shipId).fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    const sent = must(await app.storeSideService.shipments(app.accountId, { limit: 10 }));
    expect(sent.map((x) => [x.carrierCode, x.carrierName, x.state]).sort()).toEqual([
      ['DHL', null, 'confirmed'],
      ['Other', 'Kangaroo Express', 'confirmed'],
    ]);

    // Polled again (the overlap re-reads the same shipments): nothing is confirmed twice.
    expect((await poll(e)).shipments).toBe(0);
    await app.runStoreJobs();
    expect(amazon.sandbox.getOrder(shipId).packages).toHaveLength(1);
    expect(amazon.sandbox.getOrder(knownId).packages).toHaveLength(1);
    expect((await orderOf(shipId)).timeline.filter((x) => x.kind === 'amazon.shipment_confirmed')).toHaveLength(1);

    // 2. The merchant changes a SKU's stock in Magento → the next stock reconciliation (5 minutes
    // later) brings it to the Amazon listing.
    const line = (await orderOf(shipId)).lines.find((l) => l.kind === 'item' && l.productRef !== null)!;
    const sellerSku = line.sellerSku ?? '';
    expect(listed(sellerSku)).toBe(magento.sandbox.salableQuantity(line.productRef!));
    // MSI's shipment placed a +q reservation on top of its source deduction (the directly saved order
    // never reserved): it stays in the salable quantity after the merchant sets the source to 42.
    const compensation = magento.sandbox.salableQuantity(line.productRef!) - magento.sandbox.getStock(line.productRef!);
    expect(compensation).toBeGreaterThan(0);
    magento.sandbox.setStock(line.productRef!, 42);
    clock.advance(STOCK_RECONCILE_MS);
    expect((await poll(e)).stock).toBeGreaterThanOrEqual(1);
    // Amazon gets what Magento can sell: the salable quantity, not the source quantity.
    await runJobsUntil(app, () => listed(sellerSku) === 42 + compensation);
    expect(magento.sandbox.salableQuantity(line.productRef!)).toBe(42 + compensation);
    expect(magento.sandbox.getStock(line.productRef!)).toBe(42);

    // Nothing above made a second order, and Magento refused none of OrderBridge's requests.
    expect([...magentoOrdersByAmazonId(magento).values()].every((o) => o.length === 1)).toBe(true);
    expect(magento.sandbox.statsSnapshot()).toMatchObject({ ordersCreated: created, schemaViolations: 0 });
  });

  it('US (tax-exclusive, USD, not invoiced): exact orders once; a known carrier reaches Amazon as its code; a Magento cancel reaches Amazon', async () => {
    // Not invoiced (orders stay new/pending): Magento cancels only what is not fully invoiced (Order::canCancel).
    const e = await open(US, { settings: { invoice: false } });
    const { amazon, magento, app } = e;
    const initialStock = stockOf(e);
    const ids = amazon.sandbox.generateOrders({
      count: 5,
      marketplaceId: US,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await deliverAll(e, ids);
    await expectExactOrders(e, ids, { currency: 'USD', taxIncluded: false, state: 'new' });
    expectStockDeducted(e, initialStock);

    const [shipId, cancelId] = ids as [string, string];
    const magentoId = (id: string) => Number(magento.sandbox.ordersByExtOrderId(id)[0]!.entity_id);
    magento.sandbox.shipOrder({
      orderId: magentoId(shipId),
      carrierCode: 'ups',
      title: 'United Parcel Service',
      trackNumber: '1Z999AA10123456784',
    });
    expect((await poll(e)).shipments).toBe(1);
    await runJobsUntil(app, () => (amazon.sandbox.getOrder(shipId).packages ?? []).length === 1);
    expect(amazon.sandbox.getOrder(shipId).packages?.[0]).toMatchObject({
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });

    // The merchant cancels another order in Magento → Amazon records the cancellation (configured reason).
    magento.sandbox.cancelOrder(magentoId(cancelId));
    expect((await poll(e)).cancellations).toBe(1);
    await runJobsUntil(app, () => amazon.sandbox.getOrder(cancelId).fulfillment?.fulfillmentStatus === 'CANCELLED');
    expect(JSON.stringify(amazon.sandbox.orderFeedActions(cancelId))).toContain('ShippingAddressUndeliverable');
    await runJobsUntil(app, async () =>
      (await orderOf(cancelId)).timeline.some((x) => x.kind === 'amazon.cancellation_applied'),
    );
    // Polled again: the cancellation is not reported twice, and Amazon got one cancellation.
    expect((await poll(e)).cancellations).toBe(0);
    await app.runStoreJobs();
    expect(amazon.sandbox.orderFeedActions(cancelId)).toHaveLength(1);
    expect(magento.sandbox.statsSnapshot().schemaViolations).toBe(0);
  });

  it('DE cart flow (Magento prices and reserves): one order per Amazon order, no stock taken twice; the Amazon listing shows what Magento can still sell', async () => {
    const e = await open(DE, { settings: { orderCreation: 'cart' } });
    const { amazon, magento, app } = e;
    const initialStock = stockOf(e);
    const ids = amazon.sandbox.generateOrders({
      count: 3,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await deliverAll(e, ids);
    const ordered = new Map<string, number>();
    for (const id of ids) {
      const orders = magento.sandbox.ordersByExtOrderId(id);
      expect(
        orders.map((o) => o.entity_id),
        id,
      ).toHaveLength(1);
      const order = magento.sandbox.getOrder(Number(orders[0]!.entity_id))!;
      // Magento's cart adds a product twice as one item: compared per product.
      const perSku = (pairs: [string, number][]) =>
        [...pairs.reduce((m, [sku, q]) => m.set(sku, (m.get(sku) ?? 0) + q), new Map<string, number>())].sort();
      const amazonItems = amazonItemsOf(amazon.sandbox.getOrder(id)).map((i): [string, number] => [
        i.catalogueSku ?? '?',
        i.quantity,
      ]);
      expect(perSku(order.items.map((i) => [i.sku, Number(i.qty_ordered)])), id).toEqual(perSku(amazonItems));
      expect((await orderOf(id)).order.storeOrderRef).toBe(String(order.entity_id));
      for (const i of order.items) ordered.set(i.sku, (ordered.get(i.sku) ?? 0) + Number(i.qty_ordered));
    }
    // Placing reserved the ordered quantities (salable down); the source quantity waits for the
    // shipment, and OrderBridge deducted nothing itself.
    expect(stockOf(e)).toEqual(initialStock);
    for (const [sku, qty] of ordered)
      expect(magento.sandbox.salableQuantity(sku), sku).toBe(initialStock.get(sku)! - qty);

    // The poll's stock reconciliation: Amazon must not offer more than Magento can still sell.
    expect((await poll(e)).stock).toBeGreaterThan(0);
    const listed = (sellerSku: string) =>
      amazon.sandbox.listListings({ sku: sellerSku, marketplaceId: DE })[0]?.quantity;
    const sold = (await Promise.all(ids.map(async (id) => (await orderOf(id)).lines)))
      .flat()
      .filter((l) => l.kind === 'item' && l.productRef !== null && l.sellerSku !== null);
    const wrongListings = () =>
      sold
        .filter((l) => listed(l.sellerSku!) !== magento.sandbox.salableQuantity(l.productRef!))
        .map(
          (l) =>
            `${l.sellerSku!}: Amazon ${String(listed(l.sellerSku!))}, Magento salable ${magento.sandbox.salableQuantity(l.productRef!)}`,
        );
    await runJobsUntil(app, () => wrongListings().length === 0, 5_000).catch(() => undefined);
    expect(wrongListings()).toEqual([]);
  });

  it('DE cart flow: a shipment of a product Amazon sold under two SKUs in one order reaches Amazon', async () => {
    const e = await open(DE, { settings: { orderCreation: 'cart' } });
    const { amazon, magento, app } = e;
    const ids = amazon.sandbox.generateOrders({
      count: 3,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await deliverAll(e, ids);
    // An Amazon order with two items of one product (two seller SKUs linked to it): Magento's cart
    // holds them as one item.
    const twice = (id: string) =>
      amazonItemsOf(amazon.sandbox.getOrder(id))
        .map((i) => i.catalogueSku)
        .find((sku, n, all) => sku !== null && all.indexOf(sku) !== n);
    const id = ids.find((x) => twice(x) !== undefined);
    expect(id, 'an Amazon order selling one product under two SKUs').toBeDefined();
    const order = magento.sandbox.ordersByExtOrderId(id!)[0]!;
    const item = order.items.find((i) => i.sku === twice(id!))!;
    // The merchant ships that product (all of it) and nothing else yet.
    magento.sandbox.shipOrder({
      orderId: order.entity_id,
      items: [{ orderItemId: item.item_id, qty: item.qty_ordered }],
      carrierCode: 'dhl',
      title: 'DHL',
      trackNumber: 'MERGED-0001',
    });
    expect((await poll(e)).shipments).toBe(1);
    await runJobsUntil(app, () => (amazon.sandbox.getOrder(id!).packages ?? []).length === 1, 5_000).catch(
      () => undefined,
    );
    const sent = must(await app.storeSideService.shipments(app.accountId, { limit: 10 }));
    expect(sent.map((x) => [x.state, x.lastError])).toEqual([['confirmed', null]]);
    expect(amazon.sandbox.getOrder(id!).packages?.[0]).toMatchObject({ carrier: 'DHL', trackingNumber: 'MERGED-0001' });
  });
});
