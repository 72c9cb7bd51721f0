import Big from 'big.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deliverOrder } from '../../src/sync/deliver-order.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  linkHeldSkus,
  openStoreTestEnv,
  runJobsUntil,
  wooOrdersByAmazonId,
  type StoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

/**
 * The loop PRODUCT.md §7 promises, against the shipped sandboxes: Amazon orders become WooCommerce
 * orders with exact lines and totals; the store's shipment (with a carrier the mapping does not
 * know), cancellation and stock change reach Amazon. Everything is checked in the sandboxes' own state.
 */
describeEachDatabase('store round trip (Amazon ⇄ WooCommerce)', (ctx) => {
  let env: StoreTestEnv;

  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url(), {
      config: {
        defaultShippingService: 'Other',
        defaultOrderShippingMethod: 'DHL Paket',
        carrierMapping: { 'dhl-de': 'DHL' },
        cancellationReason: 'ShippingAddressUndeliverable',
      },
    });
  });
  afterEach(async () => env.close());

  async function orderOf(amazonOrderId: string) {
    const d = await env.app.orders.details(env.app.accountId, amazonOrderId);
    if (!d.ok) throw d.error;
    return d.value;
  }

  it('delivers orders exactly once, then ships, cancels and changes stock back to Amazon', async () => {
    const { amazon, woo, app } = env;
    const ids = amazon.sandbox.generateOrders({
      count: 6,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!imported.ok) throw imported.error;
    await app.runStoreJobs();
    // Lower-case SKU spellings have no store product: those orders wait in needs-attention until linked.
    const held = (await app.storeSideService.needsAttention(app.accountId, 100)).filter((o) => o.status === 'held');
    expect(wooOrdersByAmazonId(woo).size).toBe(ids.length - held.length);
    expect(await linkHeldSkus(env)).toBeGreaterThanOrEqual(held.length);
    await runJobsUntil(app, () => wooOrdersByAmazonId(woo).size === ids.length);

    // Exact lines and totals, one store order per Amazon order.
    const byAmazonId = wooOrdersByAmazonId(woo);
    for (const id of ids) {
      const storeOrders = byAmazonId.get(id) ?? [];
      expect(storeOrders, id).toHaveLength(1);
      const storeOrder = storeOrders[0] as Record<string, unknown>;
      const { order, lines } = await orderOf(id);
      // The store order carries what the merchant is owed: Amazon's total less tax Amazon itself
      // collects and remits (facilitator/IOSS, "drop" policy) — both to the cent.
      const t = order.totals;
      expect(new Big(String(storeOrder.total)).eq(new Big(t.gross ?? 'NaN')), id).toBe(true);
      expect(new Big(t.gross ?? 'NaN').plus(t.excludedTax ?? '0').eq(new Big(t.amazonTotal ?? 'NaN')), id).toBe(true);
      expect(storeOrder.status).toBe('processing');
      const storeLines = (storeOrder.line_items as Array<{ sku: string; quantity: number }>)
        .map((l) => `${l.sku}×${l.quantity}`)
        .sort();
      const amazonLines = lines
        .filter((l) => l.kind === 'item')
        .map((l) => `${l.croppedSku ?? l.sellerSku}×${l.quantityOrdered}`)
        .sort();
      expect(storeLines).toEqual(amazonLines);
      expect(order.storeState).toBe('created');
      expect(order.status).toBe('in_store');
    }
    const wooId = (amazonOrderId: string) => byAmazonId.get(amazonOrderId)?.[0]?.id ?? 0;

    // Re-import and re-deliver: nothing new in the store.
    amazon.sandbox.advanceClock(180);
    await app.importOrders(env.connectionId, { trigger: 'manual' });
    await app.runStoreJobs();
    expect([...wooOrdersByAmazonId(woo).values()].every((o) => o.length === 1)).toBe(true);

    // 1. The store ships with a carrier the mapping does not know.
    const [shipId, cancelId, mappedId] = ids as [string, string, string];
    woo.sandbox.shipOrder({ orderId: wooId(shipId), customProvider: 'Speedy Parcel', trackingNumber: 'SP-0001' });
    woo.sandbox.shipOrder({ orderId: wooId(mappedId), provider: 'dhl-de', trackingNumber: '00340434161234567890' });
    const polled = await app.storeSideService.pollStore(app.accountId, env.storeId);
    if (!polled.ok) throw polled.error;
    expect(polled.value.shipments).toBe(2);
    await runJobsUntil(
      app,
      () =>
        (amazon.sandbox.getOrder(shipId).packages ?? []).length === 1 &&
        (amazon.sandbox.getOrder(mappedId).packages ?? []).length === 1,
    );
    const unmapped = amazon.sandbox.getOrder(shipId).packages?.[0];
    // Not in the mapping → Default Shipping service "Other" with the store's carrier name (Amazon shows the name).
    expect(unmapped).toMatchObject({ carrier: 'Speedy Parcel', trackingNumber: 'SP-0001', packageReferenceId: '1' });
    const sent = await app.storeSideService.shipments(app.accountId, { limit: 10 });
    if (!sent.ok) throw sent.error;
    expect(sent.value.map((x) => [x.carrierCode, x.carrierName, x.state]).sort()).toEqual([
      ['DHL', null, 'confirmed'],
      ['Other', 'Speedy Parcel', 'confirmed'],
    ]);
    expect(amazon.sandbox.getOrder(mappedId).packages?.[0]).toMatchObject({
      carrier: 'DHL',
      trackingNumber: '00340434161234567890',
    });
    expect(amazon.sandbox.getOrder(shipId).fulfillment?.fulfillmentStatus).toBe('SHIPPED');

    // A second poll (same tracking items) confirms nothing twice.
    await app.storeSideService.pollStore(app.accountId, env.storeId);
    await app.runStoreJobs();
    expect(amazon.sandbox.getOrder(shipId).packages).toHaveLength(1);
    expect((await orderOf(shipId)).timeline.filter((e) => e.kind === 'amazon.shipment_confirmed')).toHaveLength(1);

    // 2. The store cancels another order → Amazon shows it cancelled with the configured reason.
    woo.sandbox.cancelOrder(wooId(cancelId), 'out of stock');
    await app.storeSideService.pollStore(app.accountId, env.storeId);
    await runJobsUntil(app, () => amazon.sandbox.getOrder(cancelId).fulfillment?.fulfillmentStatus === 'CANCELLED');
    expect(JSON.stringify(amazon.sandbox.orderFeedActions(cancelId))).toContain('ShippingAddressUndeliverable');
    await runJobsUntil(app, async () =>
      (await orderOf(cancelId)).timeline.some((e) => e.kind === 'amazon.cancellation_applied'),
    );

    // 3. A store stock change → the Amazon listing quantity follows.
    const sku = (await orderOf(shipId)).lines.find((l) => l.kind === 'item')?.sellerSku as string;
    woo.sandbox.setStock(sku, 42);
    await app.storeSideService.pollStore(app.accountId, env.storeId);
    await runJobsUntil(app, () => amazon.sandbox.listListings({ sku, marketplaceId: DE })[0]?.quantity === 42);
  });

  it('a delivery job that lost its lease does nothing in the store', async () => {
    const { amazon, woo, app } = env;
    const [id] = amazon.sandbox.generateOrders({
      count: 1,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    await app.importOrders(env.connectionId, { trigger: 'manual' });
    const order = await orderOf(id as string);
    const lost = new AbortController();
    lost.abort();
    const result = await deliverOrder(app.storeSide, order.order.id, lost.signal);
    expect(result.ok ? 'ok' : result.error.code).toBe('job_lease_lost');
    expect(woo.sandbox.listOrders()).toHaveLength(0);
  });
});
