import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ean13, type StartedWooSandbox } from '../../sandbox/woocommerce/index.js';
import type { StoreConnector, StoreEvent } from '../store-connector.js';
import { WEBHOOK_SECRET, connectorFor, draft, item, startStore } from './woocommerce.test-support.js';

let started: StartedWooSandbox;
let connector: StoreConnector;

beforeAll(async () => ({ started, connector } = await startStore()));
afterAll(() => started.close());
beforeEach(() => started.sandbox.reset());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};
const refOf = (sku: string): string => {
  const s = started.sandbox.getStock(sku);
  return s.variationId ? `${s.productId}:${s.variationId}` : String(s.productId);
};

describe('test()', () => {
  it('names the store, and explains rejected credentials without leaking them', async () => {
    expect(must(await connector.test())).toEqual({ storeName: 'OrderBridge Woo Sandbox' });
    const res = await connectorFor(started, 'cs_wrong_secret').test();
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ code: 'woocommerce_auth_failed', kind: 'auth', retryable: false });
    expect(res.error.message).toContain('Consumer secret is invalid.');
    expect(JSON.stringify({ m: res.error.message, d: res.error.details })).not.toContain('cs_wrong_secret');
  });
});

describe('findProducts', () => {
  it('sku: exact, variations included as "parent:variation"', async () => {
    const found = must(await connector.findProducts('sku', ['BOTTLE-750-SS', 'TSHIRT-ORG-M', 'bottle-750-ss', 'NOPE']));
    expect([...found.keys()].sort()).toEqual(['BOTTLE-750-SS', 'TSHIRT-ORG-M']);
    expect(found.get('TSHIRT-ORG-M')).toEqual({
      ref: refOf('TSHIRT-ORG-M'),
      sku: 'TSHIRT-ORG-M',
      name: expect.any(String) as string,
      available: 25,
    });
  });

  it('gtin/ean: global_unique_id filter for parents, the catalogue index for variations', async () => {
    const parent = started.sandbox.products.all().find((p) => p.globalUniqueId !== '' && p.type === 'simple');
    const variationGtin = ean13('405000000001');
    const found = must(await connector.findProducts('ean', [parent?.globalUniqueId ?? '', variationGtin]));
    expect(found.get(parent?.globalUniqueId ?? '')?.ref).toBe(String(parent?.id));
    expect(found.get(variationGtin)?.ref).toBe(refOf('TSHIRT-ORG-M'));
  });

  it('mpn and custom codes (meta key or attribute) via the catalogue index', async () => {
    const mpn = must(await connector.findProducts('mpn', ['MPN-B09B8V1LZ3', 'TS-ORG-S']));
    expect(mpn.get('MPN-B09B8V1LZ3')?.ref).toBe(refOf('BOTTLE-750-SS'));
    expect(mpn.get('TS-ORG-S')?.ref).toBe(refOf('TSHIRT-ORG-S'));
    const cable = started.sandbox.products.bySku('usb-c cable 2m/2pk');
    const tsGtin = String(cable?.meta.find((m) => m.key === '_ts_gtin')?.value);
    const custom = must(await connector.findProducts('_ts_gtin', [tsGtin]));
    expect(custom.get(tsGtin)?.sku).toBe('usb-c cable 2m/2pk');
    const size = must(await connector.findProducts('custom:Size', ['L']));
    expect(size.get('L')?.ref).toBe(refOf('TSHIRT-ORG-L'));
  });
});

describe('stock', () => {
  it('readStock reads products and variations; unknown refs are left out', async () => {
    const stock = must(await connector.readStock([refOf('BOTTLE-750-SS'), refOf('TSHIRT-ORG-S'), '999999', 'junk']));
    expect(stock.get(refOf('TSHIRT-ORG-S'))).toBe(12);
    expect(stock.get(refOf('BOTTLE-750-SS'))).toBe(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity);
    expect(stock.size).toBe(2);
  });

  it('adjustStock with the same key twice changes stock once', async () => {
    const ref = refOf('TSHIRT-ORG-S');
    expect(must(await connector.adjustStock(ref, -3, 'res-1'))).toBe(9);
    expect(must(await connector.adjustStock(ref, -3, 'res-1'))).toBe(9);
    expect(must(await connector.adjustStock(ref, 1, 'res-2'))).toBe(10);
    expect(started.sandbox.getStock('TSHIRT-ORG-S').stockQuantity).toBe(10);
    const paper = await connector.adjustStock(refOf('PAPER-A4-80G-5X500'), 1, 'k');
    expect(paper.ok ? null : paper.error.code).toBe('woocommerce_stock_not_managed');
  });
});

describe('pollEvents', () => {
  it('reports shipments per tracking item, cancellations and stock changes', async () => {
    const bottle = refOf('BOTTLE-750-SS');
    const mk = (): ReturnType<typeof draft> =>
      draft({
        items: [item(bottle, 1, '20.00', '3.80', '23.80')],
        totals: { net: '20.00', tax: '3.80', gross: '23.80' },
      });
    const shipped = mk();
    const cancelled = mk();
    const a = must(await connector.createOrder(shipped));
    const b = must(await connector.createOrder(cancelled));
    const tracking = started.sandbox.shipOrder({
      orderId: Number(a.ref),
      provider: 'DHL',
      trackingNumber: 'JJD0001',
      dateShipped: '2026-11-28',
    });
    started.sandbox.cancelOrder(Number(b.ref));
    started.sandbox.setStock('TSHIRT-ORG-L', 4);
    const page = must(await connector.pollEvents(null));
    const byKind = (kind: StoreEvent['kind']): StoreEvent[] => page.events.filter((e) => e.kind === kind);
    expect(byKind('shipment')).toEqual([
      {
        kind: 'shipment',
        storeRef: `${a.ref}:${tracking.tracking_id}`,
        orderId: shipped.orderId,
        carrier: 'dhl',
        carrierName: null,
        shippingMethod: 'Standard',
        trackingNumber: 'JJD0001',
        shipDate: '2026-11-28T00:00:00.000Z',
        items: null,
      },
    ]);
    expect(byKind('cancellation')).toEqual([
      expect.objectContaining({ storeRef: `${b.ref}:cancelled`, orderId: cancelled.orderId, items: null }),
    ]);
    expect(byKind('stock')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ productRef: refOf('TSHIRT-ORG-L'), sku: 'TSHIRT-ORG-L', available: 4 }),
      ]),
    );
    expect(JSON.parse(page.cursor ?? '')).toEqual({
      orders: expect.any(String) as string,
      products: expect.any(String) as string,
    });
    const next = must(await connector.pollEvents(page.cursor));
    expect(next.events.every((e) => e.kind !== 'shipment' || e.storeRef === `${a.ref}:${tracking.tracking_id}`)).toBe(
      true,
    );
    const bad = await connector.pollEvents('not a cursor');
    expect(bad.ok ? null : bad.error.code).toBe('woocommerce_invalid_cursor');
  });
});

describe('parseWebhook', () => {
  const sign = (body: string, secret = WEBHOOK_SECRET): string =>
    createHmac('sha256', secret).update(body).digest('base64');

  it('accepts a correctly signed order.updated and maps it; rejects a bad signature', async () => {
    const bottle = refOf('BOTTLE-750-SS');
    const d = draft({
      items: [item(bottle, 1, '20.00', '3.80', '23.80')],
      totals: { net: '20.00', tax: '3.80', gross: '23.80' },
    });
    const ref = must(await connector.createOrder(d));
    started.sandbox.shipOrder({ orderId: Number(ref.ref), customProvider: 'Kurier Nord', trackingNumber: 'KN-1' });
    const { tracking: _t, notes: _n, ...payload } = started.sandbox.getOrder(Number(ref.ref));
    const rawBody = JSON.stringify(payload);
    const headers = { 'X-WC-Webhook-Topic': 'order.updated', 'X-WC-Webhook-Signature': sign(rawBody) };
    const events = must(
      (await connector.parseWebhook?.({ headers, rawBody, receivedAt: new Date().toISOString() })) ?? {
        ok: true,
        value: [],
      },
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'shipment',
        orderId: d.orderId,
        carrier: 'Kurier Nord',
        carrierName: 'Kurier Nord',
        trackingNumber: 'KN-1',
      }),
    ]);
    const bad = await connector.parseWebhook?.({
      headers: { ...headers, 'X-WC-Webhook-Signature': sign(rawBody, 'other') },
      rawBody,
      receivedAt: '',
    });
    expect(bad?.ok ? null : bad?.error.code).toBe('woocommerce_webhook_signature_invalid');
    const ping = await connector.parseWebhook?.({ headers: {}, rawBody: 'webhook_id=12', receivedAt: '' });
    expect(ping).toEqual({ ok: true, value: [] });
  });
});
