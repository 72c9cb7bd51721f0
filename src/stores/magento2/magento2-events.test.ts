import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedMagentoSandbox } from '../../sandbox/magento2/index.js';
import type { StoreEvent, StoreEventPage } from '../store-connector.js';
import type { Magento2Connector } from './magento2.connector.js';
import { connectorFor, deDraft, draft, item, must, startStore } from './magento2.test-support.js';

let started: StartedMagentoSandbox;
let connector: Magento2Connector;
const BOTTLE = 'BOTTLE-750-SS';

beforeAll(async () => {
  ({ started, connector } = await startStore());
});
afterAll(() => started.close());

const of = (page: StoreEventPage, orderId: string): StoreEvent[] =>
  page.events.filter((e) => e.kind !== 'stock' && e.orderId === orderId);

describe('pollEvents', () => {
  it('a shipment of the whole order with a Magento carrier (dhl → DHL), then the same poll again repeats nothing', async () => {
    const d = deDraft(BOTTLE);
    const ref = must(await connector.createOrder(d));
    const shipment = started.sandbox.shipOrder({
      orderId: Number(ref.ref),
      trackNumber: '00340434161094042557',
      carrierCode: 'dhl',
      title: 'DHL Paket',
    });
    const page = must(await connector.pollEvents(null));
    expect(of(page, d.orderId)).toEqual([
      {
        kind: 'shipment',
        storeRef: `shipment:${shipment.entity_id}`,
        orderId: d.orderId,
        carrier: 'DHL',
        carrierName: 'DHL Paket',
        shippingMethod: null,
        trackingNumber: '00340434161094042557',
        shipDate: expect.stringMatching(/Z$/) as string,
        items: null,
      },
    ]);
    const again = must(await connector.pollEvents(page.cursor));
    expect(of(again, d.orderId)).toEqual([]);
  });

  it('a partial shipment names its Amazon items; a custom carrier goes by its title (unmapped → resolved downstream)', async () => {
    const d = draft({
      items: [
        item(BOTTLE, 2, { net: '16.80', tax: '3.20', gross: '20.00', rate: '19' }, '1', BOTTLE),
        item('TEA_GREEN_100', 1, { net: '8.40', tax: '1.60', gross: '10.00', rate: '19' }, '2', 'TEA_GREEN_100'),
      ],
      totals: { net: '25.20', tax: '4.80', gross: '30.00' },
    });
    const ref = must(await connector.createOrder(d));
    const o = started.sandbox.getOrder(Number(ref.ref));
    const bottleLine = o?.items.find((i) => i.sku === BOTTLE)?.item_id ?? 0;
    started.sandbox.shipOrder({
      orderId: Number(ref.ref),
      trackNumber: 'KM-1',
      carrierCode: 'custom',
      title: 'Kurier Müller',
      items: [{ orderItemId: bottleLine, qty: 2 }],
    });
    const events = of(must(await connector.pollEvents(null)), d.orderId);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'shipment',
        carrier: 'Kurier Müller',
        carrierName: 'Kurier Müller',
        trackingNumber: 'KM-1',
        items: [{ orderItemId: 'item-1', sku: BOTTLE, quantity: 2 }],
      }),
    ]);
  });

  it('a cancelled order → one cancellation; orders not made by OrderBridge are ignored', async () => {
    const c = connectorFor(started, { settings: { invoice: false } });
    const d = deDraft(BOTTLE);
    const ref = must(await c.createOrder(d));
    started.sandbox.cancelOrder(Number(ref.ref));
    const page = must(await c.pollEvents(null));
    expect(of(page, d.orderId)).toEqual([
      {
        kind: 'cancellation',
        storeRef: `cancel:${ref.ref}`,
        orderId: d.orderId,
        items: null,
        occurredAt: expect.stringMatching(/Z$/) as string,
      },
    ]);
    expect(page.events.every((e) => e.kind === 'stock' || e.orderId.startsWith('ob-'))).toBe(true);
  });

  it('stock: every source quantity on the first poll and every 5 minutes; a changed product on the next poll, once', async () => {
    started.sandbox.setStock('LEGO-10698', 0);
    let now = Date.parse('2026-12-06T12:00:00Z');
    const c = connectorFor(started, { now: () => new Date(now).toISOString() });
    const first = must(await c.pollEvents(null));
    const stock = first.events.filter((e) => e.kind === 'stock');
    expect(stock.find((e) => e.productRef === BOTTLE)).toMatchObject({
      sku: BOTTLE,
      available: started.sandbox.salableQuantity(BOTTLE),
    });
    expect(stock.find((e) => e.productRef === 'LEGO-10698')).toMatchObject({ available: 0 });
    now += 60_000;
    const soon = must(await c.pollEvents(first.cursor));
    expect(soon.events.filter((e) => e.kind === 'stock')).toEqual([]);
    started.sandbox.setStock('CHAIR-ERGO-01', 7);
    now += 10_000;
    const changed = must(await c.pollEvents(soon.cursor));
    expect(changed.events.filter((e) => e.kind === 'stock')).toEqual([
      expect.objectContaining({ productRef: 'CHAIR-ERGO-01', available: 7 }),
    ]);
    now += 10_000;
    const repeat = must(await c.pollEvents(changed.cursor));
    expect(repeat.events.filter((e) => e.kind === 'stock')).toEqual([]);
    now += 5 * 60_000;
    const later = must(await c.pollEvents(repeat.cursor));
    expect(later.events.filter((e) => e.kind === 'stock').length).toBe(stock.length);
  });

  it('refuses a cursor that is not its own', async () => {
    const res = await connector.pollEvents('{"x":1}');
    expect(res.ok ? null : res.error.code).toBe('magento2_cursor_invalid');
  });
});
