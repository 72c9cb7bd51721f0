import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartedShopifySandbox } from '../../sandbox/shopify/index.js';
import type { ShopifyConnector } from './shopify.connector.js';
import { connectorFor, deDraft, draft, item, startShop, usDraft } from './shopify.test-support.js';

let started: StartedShopifySandbox;
let connector: ShopifyConnector;
let bottle: string;

beforeAll(async () => {
  ({ started, connector } = await startShop());
  bottle = started.sandbox.variantBySku('BOTTLE-750-SS')?.variantId ?? '';
});
afterAll(() => started.close());

const must = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

describe('createOrder', () => {
  it('DE, VAT included: Amazon’s gross to the cent, a line split where 10.00 does not divide by 3', async () => {
    const d = deDraft(bottle);
    const ref = must(await connector.createOrder(d));
    const o = started.sandbox.getOrder(ref.ref);
    expect(o?.totals.total).toBe('14.99');
    expect(o?.taxesIncluded).toBe(true);
    expect(o?.lineItems.map((l) => [l.quantity, l.unitPrice, l.taxLines[0]?.amount])).toEqual([
      [2, '3.33', '1.07'],
      [1, '3.34', '0.53'],
    ]);
    expect(
      o?.lineItems.every((l) => l.properties.some((p) => p.name === '_amazon_order_item_id' && p.value === 'item-1')),
    ).toBe(true);
    expect(o?.shippingLines).toEqual([
      expect.objectContaining({ price: '4.99', taxLines: [expect.objectContaining({ rate: '0.19', amount: '0.80' })] }),
    ]);
    expect(o?.transactions).toEqual([expect.objectContaining({ kind: 'SALE', status: 'SUCCESS', amount: '14.99' })]);
    expect(o?.amazonOrderId).toBe(d.amazonOrderId);
    expect(o?.customAttributes).toEqual(expect.arrayContaining([{ key: 'orderbridge_order_id', value: d.orderId }]));
    expect(o?.tags).toEqual(expect.arrayContaining(['amazon', 'Amazon.de']));
    expect(o?.sourceName).toBe('amazon');
    expect(must(await connector.findOrder(d.orderId))).toEqual(ref);
  });

  it('folds a promotion into the prices and adds gift wrap as its own line; the total stays Amazon’s', async () => {
    const d = draft({
      items: [item(bottle, 2, { net: '33.61', tax: '6.39', gross: '40.00', rate: '19' })],
      charges: [
        { kind: 'discount', title: 'Promotion P1 – Item 1', net: '-4.20', tax: '-0.80', gross: '-5.00', taxRate: '19' },
        { kind: 'shipping', title: 'Shipping', net: '2.52', tax: '0.48', gross: '3.00', taxRate: '19' },
        {
          kind: 'discount',
          title: 'Shipping discount – Item 1',
          net: '-2.52',
          tax: '-0.48',
          gross: '-3.00',
          taxRate: '19',
        },
        { kind: 'gift_wrap', title: 'Gift wrap', net: '2.10', tax: '0.40', gross: '2.50', taxRate: '19' },
      ],
      totals: { net: '31.51', tax: '5.99', gross: '37.50' },
    });
    const o = started.sandbox.getOrder(must(await connector.createOrder(d)).ref);
    expect(o?.totals.total).toBe('37.50');
    expect(o?.lineItems.map((l) => [l.title.slice(0, 9), l.quantity, l.unitPrice])).toEqual([
      ['Stainless', 2, '17.50'],
      ['Gift wrap', 1, '2.50'],
    ]);
    expect(o?.customAttributes.find((a) => a.key === 'amazon_discounts')?.value).toContain('Promotion P1');
  });

  it('returns the existing order on a second call, from a second installation too (one order per Amazon id)', async () => {
    const d = deDraft(bottle);
    const first = must(await connector.createOrder(d));
    expect(must(await connector.createOrder(d))).toEqual(first);
    const other = connectorFor(started);
    expect(must(await other.createOrder({ ...d, orderId: 'ob-other-installation' }))).toEqual(first);
    expect(started.sandbox.ordersByAmazonOrderId(d.amazonOrderId)).toHaveLength(1);
  });

  it('finds the order Shopify saved when the answer was lost', async () => {
    const d = deDraft(bottle);
    const before = started.sandbox.statsSnapshot().lostResponses;
    started.sandbox.setFaults({ lostResponseRate: 1 });
    try {
      const ref = must(await connector.createOrder(d));
      expect(started.sandbox.getOrder(ref.ref)?.amazonOrderId).toBe(d.amazonOrderId);
    } finally {
      started.sandbox.setFaults({});
    }
    expect(started.sandbox.statsSnapshot().lostResponses).toBeGreaterThan(before);
    expect(started.sandbox.ordersByAmazonOrderId(d.amazonOrderId)).toHaveLength(1);
  });

  it('refuses an Amazon currency that is not the shop’s', async () => {
    const res = await connector.createOrder(usDraft(bottle));
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['shopify_currency_mismatch', false]);
  });

  it('refuses a draft whose lines do not add up to Amazon’s total (no invented fee line)', async () => {
    const res = await connector.createOrder(deDraft(bottle, { totals: { net: '1', tax: '1', gross: '15.00' } }));
    expect(res.ok ? null : res.error.code).toBe('shopify_total_mismatch');
  });
});

describe('US shop (USD, tax on top)', () => {
  it('creates the order with Amazon’s net prices and tax lines: total = Amazon’s gross', async () => {
    const us = await startShop({ currency: 'USD' });
    try {
      const cable = us.started.sandbox.variantBySku('usb-c cable 2m/2pk')?.variantId ?? '';
      const d = usDraft(cable);
      const o = us.started.sandbox.getOrder(must(await us.connector.createOrder(d)).ref);
      expect(o?.taxesIncluded).toBe(false);
      expect(o?.totals.total).toBe('33.12');
      expect(o?.lineItems.map((l) => [l.quantity, l.unitPrice, l.taxLines[0]?.rate])).toEqual([[2, '12.99', '0.0825']]);
    } finally {
      await us.started.close();
    }
  });
});

describe('cancelOrder and addOrderNote', () => {
  it('cancels once (a second cancel is fine) and appends notes once', async () => {
    const ref = must(await connector.createOrder(deDraft(bottle)));
    must(await connector.addOrderNote(ref, 'The buyer asked Amazon to cancel this order.'));
    must(await connector.addOrderNote(ref, 'The buyer asked Amazon to cancel this order.'));
    must(await connector.cancelOrder(ref, 'Amazon cancelled the order'));
    must(await connector.cancelOrder(ref, 'Amazon cancelled the order'));
    started.sandbox.settleJobs();
    const o = started.sandbox.getOrder(ref.ref);
    expect(o?.cancelledAt).not.toBeNull();
    expect(o?.note?.match(/buyer asked/g)).toHaveLength(1);
  });
});
