import Big from 'big.js';
import type { Order, OrderItem } from '@sp-api-sdk/orders-api-2026-01-01';
import { describe, expect, it } from 'vitest';
import { generateOrderBatch, type GenerateOrdersOptions } from './generate-orders.js';
import { MARKETPLACES, findMarketplace } from './marketplace-catalog.js';
import { releaseOrder } from './order-lifecycle.js';
import type { StoredOrder } from './stored-order.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const ALL_MARKETS = MARKETPLACES.map((m) => m.id);
const ALL_STATUSES = {
  PENDING: 2,
  UNSHIPPED: 3,
  PARTIALLY_SHIPPED: 2,
  SHIPPED: 3,
  CANCELLED: 2,
  PENDING_AVAILABILITY: 1,
};

function generate(options: Partial<GenerateOrdersOptions> = {}, seed = 5): StoredOrder[] {
  return generateOrderBatch(
    { count: 100, ...options },
    { sellerId: 'S1', sellerMarketplaceIds: ALL_MARKETS, nowMs: NOW, seed, taken: () => false },
  );
}

const sum = (values: string[]): Big => values.reduce((t, v) => t.plus(v), new Big(0));
const breakdown = (item: OrderItem, type: string) => item.proceeds?.breakdowns?.find((b) => b.type === type);

/** Independent re-check of the money rules the README promises (big.js only). */
function checkMoney(order: Order): void {
  const mp = findMarketplace(order.salesChannel.marketplaceId ?? '');
  if (!mp) throw new Error('unknown marketplace');
  const amountShape = mp.currency === 'JPY' ? /^-?\d+$/ : /^-?\d+\.\d{2}$/;
  const perType = new Map<string, Big>();
  for (const item of order.orderItems) {
    const unit = item.product.price?.unitPrice;
    const itemLine = breakdown(item, 'ITEM');
    expect(unit?.currencyCode).toBe(mp.currency);
    expect(new Big(unit?.amount ?? 'x').times(item.quantityOrdered).eq(itemLine?.subtotal.amount ?? 'x')).toBe(true);
    let expected = new Big(0);
    for (const b of item.proceeds?.breakdowns ?? []) {
      expect(b.subtotal.amount).toMatch(amountShape);
      expect(b.subtotal.currencyCode).toBe(mp.currency);
      perType.set(b.type, (perType.get(b.type) ?? new Big(0)).plus(b.subtotal.amount));
      if (b.type === 'TAX' || b.type === 'DISCOUNT') {
        expect(sum((b.detailedBreakdowns ?? []).map((d) => d.value?.amount ?? 'x')).eq(b.subtotal.amount)).toBe(true);
      }
      if (b.type === 'DISCOUNT') expect(new Big(b.subtotal.amount).lte(0)).toBe(true);
      if (b.type !== 'TAX' || !mp.taxInclusive) expected = expected.plus(b.subtotal.amount);
    }
    expect(item.proceeds?.proceedsTotal?.amount).toMatch(amountShape);
    expect(expected.eq(item.proceeds?.proceedsTotal?.amount ?? 'x')).toBe(true);
    const vat = breakdown(item, 'TAX')?.detailedBreakdowns?.find((d) => d.subtype === 'ITEM');
    if (vat && mp.taxInclusive)
      expect(new Big(vat.value?.amount ?? '0').lte(itemLine?.subtotal.amount ?? '0')).toBe(true);
  }
  const grand = sum(order.orderItems.map((i) => i.proceeds?.proceedsTotal?.amount ?? 'x'));
  expect(grand.eq(order.proceeds?.grandTotal?.amount ?? 'x')).toBe(true);
  for (const b of order.proceeds?.breakdowns ?? []) expect(perType.get(b.type)?.eq(b.subtotal.amount)).toBe(true);
  expect(order.proceeds?.breakdowns?.length).toBe(perType.size);
}

describe('order generator', () => {
  it('gives identical orders for the same seed and different ones for another seed', () => {
    const a = generate({ count: 200, statuses: ALL_STATUSES });
    const b = generate({ count: 200, statuses: ALL_STATUSES });
    const c = generate({ count: 200, statuses: ALL_STATUSES }, 6);
    expect(b).toEqual(a);
    expect(c.map((s) => s.order.orderId)).not.toEqual(a.map((s) => s.order.orderId));
    expect(generate({ count: 20, seed: 77 }, 1)).toEqual(generate({ count: 20, seed: 77 }, 2));
  });

  it('keeps every money rule on 3,000 orders of every status (pending ones after release)', () => {
    const orders = generate({ count: 3000, statuses: ALL_STATUSES });
    let checked = 0;
    for (const stored of orders) {
      const status = stored.order.fulfillment?.fulfillmentStatus;
      if (status === 'PENDING' || status === 'PENDING_AVAILABILITY') {
        expect(stored.order.proceeds).toBeUndefined();
        expect(stored.order.recipient).toBeUndefined();
        expect(stored.order.orderItems.every((i) => !i.proceeds && !i.product.price)).toBe(true);
        if (status === 'PENDING_AVAILABILITY') releaseOrder(stored, '2026-03-01T12:00:00Z');
        releaseOrder(stored, '2026-03-01T12:00:00Z');
      }
      if (!stored.order.proceeds) continue; // cancelled while pending: Amazon never priced it
      checkMoney(stored.order);
      checked++;
    }
    expect(checked).toBeGreaterThan(2700);
  });

  it('lays out exactly N lines on request, with consistent totals', () => {
    const [big] = generate({ count: 1, lines: 1000, statuses: { UNSHIPPED: 1 } });
    expect(big?.order.orderItems).toHaveLength(1000);
    expect(new Set(big?.order.orderItems.map((i) => i.orderItemId)).size).toBe(1000);
    checkMoney(big?.order as Order);
  });

  it('spreads createdTime over the last 6 hours, every order at least 3 minutes old', () => {
    for (const { order } of generate({ count: 500 })) {
      const created = Date.parse(order.createdTime);
      const updated = Date.parse(order.lastUpdatedTime);
      expect(created).toBeGreaterThanOrEqual(NOW - 6 * 3_600_000 - 1000);
      expect(updated).toBeLessThanOrEqual(NOW - 3 * 60_000);
      expect(updated).toBeGreaterThanOrEqual(created);
      expect(order.lastUpdatedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('honours marketplace, fulfilment, status weights and the createdTime range', () => {
    const orders = generate({
      count: 50,
      marketplaceId: 'A1VC38T7YXB528',
      fulfillment: 'AFN',
      statuses: { SHIPPED: 1 },
      createdAfter: '2026-02-01T00:00:00Z',
      createdBefore: '2026-02-02T00:00:00Z',
    });
    for (const { order } of orders) {
      expect(order.salesChannel.marketplaceId).toBe('A1VC38T7YXB528');
      expect(order.fulfillment?.fulfilledBy).toBe('AMAZON');
      expect(order.fulfillment?.fulfillmentStatus).toBe('SHIPPED');
      expect(order.createdTime >= '2026-02-01T00:00:00Z' && order.createdTime <= '2026-02-02T00:00:00Z').toBe(true);
      expect(order.packages).toBeUndefined();
      expect(order.recipient?.deliveryAddress?.phone).toBeUndefined();
      expect(order.buyer?.buyerEmail).toBeUndefined();
    }
  });

  it('rejects impossible options', () => {
    expect(() => generate({ count: -1 })).toThrow(/count/);
    expect(() => generate({ statuses: { SHIPPED: 0 } })).toThrow(/positive weight/);
    expect(() => generate({ marketplaceId: 'A2Q3Y263D00KWC' })).toThrow(/does not sell/);
    expect(() => generate({ createdAfter: 'yesterday' })).toThrow(/ISO 8601/);
  });
});
