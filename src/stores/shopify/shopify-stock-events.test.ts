import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
  type StartedShopifySandbox,
} from '../../sandbox/shopify/index.js';
import type { StoreEvent } from '../store-connector.js';
import type { ShopifyConnector } from './shopify.connector.js';
import { connectorFor, deDraft, startShop, startWebhookCatcher } from './shopify.test-support.js';
import { signShopifyWebhook } from './shopify.webhook.js';

let started: StartedShopifySandbox;
let connector: ShopifyConnector;
let catcher: Awaited<ReturnType<typeof startWebhookCatcher>>;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};
const refOf = (sku: string): string => started.sandbox.variantBySku(sku)?.variantId ?? '';

beforeAll(async () => {
  ({ started } = await startShop());
  catcher = await startWebhookCatcher();
  connector = connectorFor(started, {
    webhookUrl: catcher.url,
    secrets: { accessToken: SANDBOX_SHOPIFY_ACCESS_TOKEN, webhookSecret: SANDBOX_SHOPIFY_CLIENT_SECRET },
  });
});
afterAll(async () => {
  await started.close();
  await catcher.close();
});

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('products and stock', () => {
  it('finds variants by exact SKU (spaces and slashes too) and by barcode, never by a partial token', async () => {
    const found = must(
      await connector.findProducts('sku', ['BOTTLE-750-SS', 'usb-c cable 2m/2pk', 'BOTTLE', 'bottle-750-ss']),
    );
    expect([...found.keys()].sort()).toEqual(['BOTTLE-750-SS', 'usb-c cable 2m/2pk']);
    expect(found.get('BOTTLE-750-SS')).toMatchObject({ ref: refOf('BOTTLE-750-SS'), available: 100 });
    const barcode = (await connector.findProductByRef(refOf('TEA_GREEN_100'))).ok;
    expect(barcode).toBe(true);
    const mpn = must(await connector.findProducts('custom.mpn', ['TS-ORG-M']));
    expect(mpn.get('TS-ORG-M')?.ref).toBe(refOf('TSHIRT-ORG-M'));
  });

  it('adjusts stock once per key, relative to the current quantity', async () => {
    const ref = refOf('LEGO-10698');
    expect(must(await connector.adjustStock(ref, -2, 'order-1:item-1:take'))).toBe(98);
    expect(must(await connector.adjustStock(ref, -2, 'order-1:item-1:take'))).toBe(98);
    started.sandbox.setStock('LEGO-10698', 50);
    expect(must(await connector.adjustStock(ref, 3, 'order-2:item-1:return'))).toBe(53);
    expect(must(await connector.readStock([ref, 'gid://shopify/ProductVariant/999']))).toEqual(new Map([[ref, 53]]));
    expect(started.sandbox.getStock('LEGO-10698')).toBe(53);
  });

  it('a second process with the same key does not apply it again', async () => {
    const ref = refOf('KPW-COVER-BLK');
    expect(must(await connector.adjustStock(ref, -1, 'order-3:item-1:take'))).toBe(99);
    const other = connectorFor(started);
    expect(must(await other.adjustStock(ref, -1, 'order-3:item-1:take'))).toBe(99);
    expect(started.sandbox.getStock('KPW-COVER-BLK')).toBe(99);
  });
});

describe('events', () => {
  it('poll and webhooks report shipments (carrier mapped or Other + name), cancellations and stock, with the same storeRefs', async () => {
    const first = must(await connector.pollEvents(null)); // subscribes the webhooks too
    const a = deDraft(refOf('BOTTLE-750-SS'));
    const orderA = must(await connector.createOrder(a));
    const b = deDraft(refOf('TEA_GREEN_100'));
    const orderB = must(await connector.createOrder(b));
    const f1 = started.sandbox.fulfillOrder({
      orderId: orderA.ref,
      lines: [{ sku: 'BOTTLE-750-SS', quantity: 2 }],
      trackingCompany: 'Evri',
      trackingNumber: 'EV1',
    });
    const f2 = started.sandbox.fulfillOrder({
      orderId: orderB.ref,
      trackingCompany: 'Kurier Nord',
      trackingNumber: 'KN1',
    });
    const cancelled = deDraft(refOf('BOTTLE-750-SS'));
    const orderC = must(await connector.createOrder(cancelled));
    started.sandbox.cancelOrder(orderC.ref);
    started.sandbox.setStock('CHAIR-ERGO-01', 7);

    const polled = must(await connector.pollEvents(first.cursor)).events;
    const ship = (id: string) => polled.find((e) => e.kind === 'shipment' && e.storeRef === id);
    expect(ship(f1.id)).toMatchObject({
      orderId: a.orderId,
      carrier: 'Hermes UK',
      carrierName: 'Evri',
      trackingNumber: 'EV1',
      items: [{ orderItemId: 'item-1', quantity: 2 }],
    });
    expect(ship(f2.id)).toMatchObject({
      orderId: b.orderId,
      carrier: 'Kurier Nord',
      carrierName: 'Kurier Nord',
      items: null,
    });
    expect(polled).toContainEqual(
      expect.objectContaining({ kind: 'cancellation', orderId: cancelled.orderId, storeRef: `${orderC.ref}:cancel` }),
    );

    await until(() =>
      catcher.received.some((w) => w.headers['x-shopify-topic'] === 'inventory_levels/update') ? true : undefined,
    );
    const fromHooks: StoreEvent[] = [];
    for (const w of [...catcher.received]) fromHooks.push(...must(await connector.parseWebhook(w)));
    expect(fromHooks.filter((e) => e.kind === 'shipment').map((e) => e.storeRef)).toEqual(
      expect.arrayContaining([f1.id, f2.id]),
    );
    expect(fromHooks).toContainEqual(
      expect.objectContaining({ kind: 'cancellation', storeRef: `${orderC.ref}:cancel` }),
    );
    expect(fromHooks).toContainEqual(
      expect.objectContaining({ kind: 'stock', productRef: refOf('CHAIR-ERGO-01'), available: 7 }),
    );
  });

  it('refuses a webhook with a wrong or missing signature; an unknown topic gives no events', async () => {
    const rawBody = JSON.stringify({
      id: 1,
      note_attributes: [{ name: 'orderbridge_order_id', value: 'x' }],
      cancelled_at: '2026-01-01T00:00:00Z',
    });
    const headers = {
      'X-Shopify-Topic': 'orders/cancelled',
      'X-Shopify-Hmac-SHA256': signShopifyWebhook('wrong', rawBody),
    };
    const bad = await connector.parseWebhook({ headers, rawBody, receivedAt: '' });
    expect(bad.ok ? null : bad.error.code).toBe('shopify_webhook_signature_invalid');
    const missing = await connector.parseWebhook({
      headers: { 'X-Shopify-Topic': 'orders/cancelled' },
      rawBody,
      receivedAt: '',
    });
    expect(missing.ok).toBe(false);
    const secret = SANDBOX_SHOPIFY_CLIENT_SECRET;
    const good = await connector.parseWebhook({
      headers: { ...headers, 'X-Shopify-Hmac-SHA256': signShopifyWebhook(secret, rawBody) },
      rawBody,
      receivedAt: '',
    });
    expect(must(good)).toEqual([
      expect.objectContaining({ kind: 'cancellation', orderId: 'x', storeRef: 'gid://shopify/Order/1:cancel' }),
    ]);
    const unknown = await connector.parseWebhook({
      headers: { 'X-Shopify-Topic': 'products/update', 'X-Shopify-Hmac-SHA256': signShopifyWebhook(secret, rawBody) },
      rawBody,
      receivedAt: '',
    });
    expect(must(unknown)).toEqual([]);
  });
});
