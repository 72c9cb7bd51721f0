import { afterEach, beforeEach, expect, it } from 'vitest';
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
 * The demo's set-up (Amazon.de, WooCommerce with the Shipment Tracking extension, Orders
 * configuration left at its defaults: no carrier mapping, Default Shipping service "Other", no
 * Default Order Shipping method): a shipment with the store's DHL provider must reach Amazon as DHL,
 * and so must the other usual German carriers; a shipment naming no carrier at all is not sent and
 * says why in needs-attention, until a corrected one comes from the store.
 */
describeEachDatabase('store carriers → Amazon carrier codes (Amazon.de, default configuration)', (ctx) => {
  let env: StoreTestEnv;

  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url(), { marketplaceId: DE });
  });
  afterEach(async () => env.close());

  it('confirms DHL, Deutsche Post, Hermes, DPD, GLS and UPS shipments with their Amazon codes', async () => {
    const { amazon, woo, app } = env;
    const ids = amazon.sandbox.generateOrders({
      count: 7,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!imported.ok) throw imported.error;
    await app.runStoreJobs();
    await linkHeldSkus(env);
    await runJobsUntil(app, () => wooOrdersByAmazonId(woo).size === ids.length);
    const wooId = (amazonOrderId: string) => wooOrdersByAmazonId(woo).get(amazonOrderId)?.[0]?.id ?? 0;

    // As a merchant picks them in the extension's provider list (stored as slugs: "dhl", "dpd-de"…).
    const shipped: Array<[{ provider?: string; customProvider?: string }, string]> = [
      [{ provider: 'DHL' }, 'DHL'],
      [{ provider: 'Deutsche Post DHL' }, 'Deutsche Post'],
      [{ provider: 'Hermes' }, 'Hermes'],
      [{ provider: 'DPD.de' }, 'DPD'],
      [{ customProvider: 'GLS' }, 'GLS'],
      [{ provider: 'UPS Germany' }, 'UPS'],
    ];
    shipped.forEach(([carrier, _code], i) => {
      woo.sandbox.shipOrder({ orderId: wooId(ids[i] as string), ...carrier, trackingNumber: `T-${i}` });
    });
    const noCarrier = ids[6] as string;
    woo.sandbox.shipOrder({ orderId: wooId(noCarrier), trackingNumber: 'T-NONE' });
    const polled = await app.storeSideService.pollStore(app.accountId, env.storeId);
    if (!polled.ok) throw polled.error;
    await runJobsUntil(app, () =>
      shipped.every((_, i) => (amazon.sandbox.getOrder(ids[i] as string).packages ?? []).length === 1),
    );
    shipped.forEach(([, code], i) => {
      expect(amazon.sandbox.getOrder(ids[i] as string).packages?.[0], code).toMatchObject({
        carrier: code,
        trackingNumber: `T-${i}`,
      });
    });
    const list = await app.storeSideService.shipments(app.accountId, { limit: 20 });
    if (!list.ok) throw list.error;
    const confirmed = list.value.filter((s) => s.state === 'confirmed');
    expect(confirmed.map((s) => s.carrierCode).sort()).toEqual(shipped.map(([, code]) => code).sort());
    expect(confirmed.every((s) => s.carrierName === null)).toBe(true);

    // No carrier at all and no Default Order Shipping method: not sent, and the order says exactly why.
    expect(amazon.sandbox.getOrder(noCarrier).packages ?? []).toHaveLength(0);
    expect(list.value.find((s) => s.trackingNumber === 'T-NONE')?.state).toBe('invalid');
    const attention = await app.storeSideService.needsAttention(app.accountId, 50);
    const flagged = attention.find((o) => o.amazonOrderId === noCarrier);
    expect(flagged?.errorCode).toBe('shipment_invalid');
    expect(flagged?.errorMessage).toContain('T-NONE');
    expect(flagged?.errorMessage).toContain('the store named no carrier');
    expect(flagged?.errorMessage).toContain('Default Order Shipping method');
    expect(attention.filter((o) => shipped.some((_, i) => o.amazonOrderId === ids[i]))).toEqual([]);

    // The merchant records the shipment again with its carrier: sent, and needs-attention is settled.
    woo.sandbox.shipOrder({ orderId: wooId(noCarrier), provider: 'DHL', trackingNumber: 'T-DHL' });
    const again = await app.storeSideService.pollStore(app.accountId, env.storeId);
    if (!again.ok) throw again.error;
    await runJobsUntil(app, () => (amazon.sandbox.getOrder(noCarrier).packages ?? []).length === 1);
    expect(amazon.sandbox.getOrder(noCarrier).packages?.[0]).toMatchObject({ carrier: 'DHL', trackingNumber: 'T-DHL' });
    const after = await app.storeSideService.needsAttention(app.accountId, 50);
    expect(after.find((o) => o.amazonOrderId === noCarrier)).toBeUndefined();
  });
});
