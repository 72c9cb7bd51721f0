import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedMagentoSandbox } from '../../sandbox/magento2/index.js';
import type { Magento2Connector } from './magento2.connector.js';
import { amazonId, connectorFor, deDraft, draft, item, must, startStore, usDraft } from './magento2.test-support.js';

let started: StartedMagentoSandbox;
let connector: Magento2Connector;
const BOTTLE = 'BOTTLE-750-SS';

beforeAll(async () => {
  ({ started, connector } = await startStore());
});
afterAll(() => started.close());

describe('createOrder (direct save)', () => {
  it('DE, VAT included: Amazon’s gross to the cent, a line split where 10.00 does not divide by 3, invoiced', async () => {
    const d = deDraft(BOTTLE);
    const ref = must(await connector.createOrder(d));
    const o = started.sandbox.getOrder(Number(ref.ref));
    expect(ref.number).toBe(`AMZ-${d.amazonOrderId}`);
    expect(o?.ext_order_id).toBe(d.amazonOrderId);
    expect([o?.grand_total, o?.base_grand_total, o?.subtotal, o?.tax_amount, o?.shipping_incl_tax]).toEqual([
      14.99, 14.99, 8.4, 2.4, 4.99,
    ]);
    expect(o?.items.map((i) => [i.qty_ordered, i.price_incl_tax, i.row_total, i.ext_order_item_id])).toEqual([
      [2, 3.33, 5.59, 'item-1'],
      [1, 3.34, 2.81, 'item-1'],
    ]);
    expect(o?.state).toBe('processing');
    expect(o?.payment?.additional_information).toContain(`orderbridge_order_id:${d.orderId}`);
    expect(o?.status_histories?.map((h) => h.comment)).toEqual(expect.arrayContaining(['Prime order']));
    expect(o?.extension_attributes?.shipping_assignments?.[0]?.shipping?.address?.address_type).toBe('shipping');
    expect(must(await connector.findOrder(d.orderId))).toEqual(ref);
  });

  it('US (tax on top, USD): net prices, tax on the rows, total = Amazon’s gross', async () => {
    const us = await startStore({ currency: 'USD' });
    try {
      const d = usDraft('usb-c cable 2m/2pk');
      const o = us.started.sandbox.getOrder(Number(must(await us.connector.createOrder(d)).ref));
      expect([o?.grand_total, o?.order_currency_code, o?.items[0]?.price, o?.items[0]?.tax_amount]).toEqual([
        33.12,
        'USD',
        12.99,
        2.14,
      ]);
    } finally {
      await us.started.close();
    }
  });
});

describe('createOrder once per Amazon order', () => {
  it('returns the existing order on a second call, from a second installation too', async () => {
    const d = deDraft(BOTTLE);
    const before = started.sandbox.getStock(BOTTLE);
    const first = must(await connector.createOrder(d));
    expect(must(await connector.createOrder(d))).toEqual(first);
    // Another installation has its own id for the same Amazon order: it finds the order and takes no stock.
    expect(must(await connectorFor(started).createOrder({ ...d, orderId: `other-${d.orderId}` }))).toEqual(first);
    expect(started.sandbox.ordersByExtOrderId(d.amazonOrderId)).toHaveLength(1);
    expect(started.sandbox.getStock(BOTTLE)).toBe(before - 3);
  });

  it('a lost answer: the saved order is found by ext_order_id (a retry finishes it), no duplicate, stock taken once', async () => {
    const d = deDraft(BOTTLE);
    const before = started.sandbox.getStock(BOTTLE);
    const lost = started.sandbox.statsSnapshot().lostResponses;
    started.sandbox.setFaults({ lostResponseRate: 1 });
    let first;
    try {
      first = await connector.createOrder(d);
    } finally {
      started.sandbox.setFaults({});
    }
    expect(started.sandbox.statsSnapshot().lostResponses).toBeGreaterThan(lost);
    const ref = must(await connector.createOrder(d));
    if (first.ok) expect(first.value).toEqual(ref);
    expect(started.sandbox.ordersByExtOrderId(d.amazonOrderId)).toHaveLength(1);
    expect(started.sandbox.getOrder(Number(ref.ref))?.state).toBe('processing');
    expect(started.sandbox.getStock(BOTTLE)).toBe(before - 3);
  });

  it('5xx: nothing is saved, the error is retryable, the retry creates exactly one order', async () => {
    const d = deDraft(BOTTLE);
    started.sandbox.setFaults({ serverErrorRate: 1 });
    let res;
    try {
      res = await connector.createOrder(d);
    } finally {
      started.sandbox.setFaults({});
    }
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['magento2_unavailable', true]);
    must(await connector.createOrder(d));
    expect(started.sandbox.ordersByExtOrderId(d.amazonOrderId)).toHaveLength(1);
  });

  it('two deliveries racing: the loser’s increment_id is refused as a duplicate, it returns the winner’s order', async () => {
    const d = deDraft(BOTTLE);
    const [a, b] = await Promise.all([connectorFor(started).createOrder(d), connectorFor(started).createOrder(d)]);
    expect(must(a)).toEqual(must(b));
    expect(started.sandbox.ordersByExtOrderId(d.amazonOrderId)).toHaveLength(1);
  });

  it('an order number held by another Amazon order is a clear error, never a second order', async () => {
    const base = amazonId();
    const first = connectorFor(started, { settings: { incrementIdPrefix: `AMZ-${base.slice(0, 1)}` } });
    must(await first.createOrder(deDraft(BOTTLE, { amazonOrderId: base.slice(1), orderId: `ob-a-${base}` })));
    const res = await connector.createOrder(deDraft(BOTTLE, { amazonOrderId: base, orderId: `ob-b-${base}` }));
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['magento2_increment_id_taken', false]);
    expect(started.sandbox.ordersByExtOrderId(base)).toHaveLength(0);
  });

  it('refuses an Amazon currency that is not the store’s base currency (amounts are never converted)', async () => {
    const res = await connector.createOrder(usDraft('usb-c cable 2m/2pk'));
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['magento2_currency_mismatch', false]);
  });

  it('refuses an unknown linked SKU (not retryable) and lines that do not add up to Amazon’s total', async () => {
    const res = await connector.createOrder(deDraft('NO-SUCH-SKU'));
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['magento2_product_not_found', false]);
    const mismatch = await connector.createOrder(deDraft(BOTTLE, { totals: { net: '1', tax: '1', gross: '15.00' } }));
    expect(mismatch.ok ? null : mismatch.error.code).toBe('magento2_total_mismatch');
  });

  it('an unlinked Amazon line is an item with Amazon’s SKU and no product; FBA orders take no stock', async () => {
    const d = draft({
      fulfilledByAmazon: true,
      lowerStock: false,
      items: [
        item(BOTTLE, 1, { net: '8.40', tax: '1.60', gross: '10.00', rate: '19' }, '1', BOTTLE),
        item(null, 1, { net: '8.40', tax: '1.60', gross: '10.00', rate: '19' }, '2', 'AMAZON-ONLY'),
      ],
      totals: { net: '16.80', tax: '3.20', gross: '20.00' },
    });
    const before = started.sandbox.getStock(BOTTLE);
    const o = started.sandbox.getOrder(Number(must(await connector.createOrder(d)).ref));
    expect(o?.items.map((i) => [i.sku, i.product_id ?? null])).toEqual([
      [BOTTLE, started.sandbox.productBySku(BOTTLE)?.id],
      ['AMAZON-ONLY', null],
    ]);
    expect(started.sandbox.getStock(BOTTLE)).toBe(before);
  });

  it('invoice: false leaves the order new/pending', async () => {
    const c = connectorFor(started, { settings: { invoice: false } });
    const o = started.sandbox.getOrder(Number(must(await c.createOrder(deDraft(BOTTLE))).ref));
    expect([o?.state, o?.status]).toEqual(['new', 'pending']);
  });
});

describe('cancelOrder and addOrderNote', () => {
  it('cancels a pending order once; Magento’s cancel compensation alone restores the salable quantity; notes once', async () => {
    const c = connectorFor(started, { settings: { invoice: false } });
    const source = started.sandbox.getStock(BOTTLE);
    const salable = started.sandbox.salableQuantity(BOTTLE);
    const ref = must(await c.createOrder(deDraft(BOTTLE)));
    expect(started.sandbox.getStock(BOTTLE)).toBe(source - 3);
    expect(started.sandbox.salableQuantity(BOTTLE)).toBe(salable - 3);
    must(await c.addOrderNote(ref, 'The buyer asked Amazon to cancel this order.'));
    must(await c.addOrderNote(ref, 'The buyer asked Amazon to cancel this order.'));
    must(await c.cancelOrder(ref, 'Amazon cancelled the order'));
    must(await c.cancelOrder(ref, 'Amazon cancelled the order'));
    const o = started.sandbox.getOrder(Number(ref.ref));
    expect(o?.state).toBe('canceled');
    // What can be sold (and what Amazon gets) is back to before the order, exactly once: MSI's +3
    // reservation, no source write by OrderBridge on top. The source stays 3 lower (source − q + reservation q).
    expect(started.sandbox.salableQuantity(BOTTLE)).toBe(salable);
    expect(started.sandbox.getStock(BOTTLE)).toBe(source - 3);
    const comments = o?.status_histories?.map((h) => h.comment) ?? [];
    expect(comments.filter((t) => t === 'The buyer asked Amazon to cancel this order.')).toHaveLength(1);
    expect(comments.filter((t) => t === 'Amazon cancelled the order')).toHaveLength(1);
  });

  it('an invoiced order Magento cannot cancel is closed by a credit memo; stock back once; reported as a cancellation', async () => {
    const before = started.sandbox.getStock(BOTTLE);
    const salable = started.sandbox.salableQuantity(BOTTLE);
    const d = deDraft(BOTTLE);
    const ref = must(await connector.createOrder(d));
    must(await connector.cancelOrder(ref, 'Amazon cancelled the order'));
    must(await connector.cancelOrder(ref, 'Amazon cancelled the order'));
    const o = started.sandbox.getOrder(Number(ref.ref));
    expect(o?.state).toBe('closed');
    // A credit memo places no cancel compensation: OrderBridge's own return (once) restores both.
    expect(started.sandbox.getStock(BOTTLE)).toBe(before);
    expect(started.sandbox.salableQuantity(BOTTLE)).toBe(salable);
    const events = must(await connector.pollEvents(null)).events;
    expect(events.filter((e) => e.kind === 'cancellation' && e.orderId === d.orderId)).toHaveLength(1);
  });

  it('an order with shipped items cannot be cancelled: a clear error', async () => {
    const source = started.sandbox.getStock(BOTTLE);
    const salable = started.sandbox.salableQuantity(BOTTLE);
    const ref = must(await connector.createOrder(deDraft(BOTTLE)));
    started.sandbox.shipOrder({ orderId: Number(ref.ref), trackNumber: 'T', carrierCode: 'ups', title: 'UPS' });
    // MSI deducts the shipment from the source a second time and compensates a reservation the directly
    // saved order never made: the salable quantity is right (− 3), the source ends − 6 with a +3 reservation.
    expect(started.sandbox.salableQuantity(BOTTLE)).toBe(salable - 3);
    expect(started.sandbox.getStock(BOTTLE)).toBe(source - 6);
    const res = await connector.cancelOrder(ref, 'Amazon cancelled the order');
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['magento2_cancel_refused', false]);
    expect(started.sandbox.salableQuantity(BOTTLE)).toBe(salable - 3);
  });
});
