import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { describe, expect, it } from 'vitest';
import { OrderStore, type OrderQuery } from './order-store.js';
import type { StoredOrder } from './stored-order.js';

const stored = (sellerId: string, orderId: string, lastUpdatedTime: string): StoredOrder => ({
  sellerId,
  order: {
    orderId,
    createdTime: '2026-01-01T00:00:00Z',
    lastUpdatedTime,
    salesChannel: { marketplaceId: 'M1' },
  } as unknown as Order,
  concealed: null,
});

const query = (limit: number, startAfter: OrderQuery['startAfter'] = null): OrderQuery => ({
  family: 'lastUpdated',
  afterMs: Date.parse('2026-01-01T00:00:00Z'),
  beforeMs: Date.parse('2026-02-01T00:00:00Z'),
  marketplaceIds: null,
  statuses: null,
  fulfilledBy: null,
  startAfter,
  limit,
});

const ids = (page: { page: StoredOrder[] }): string[] => page.page.map((s) => s.order.orderId);

describe('sandbox order store pages', () => {
  it('pages by (time, order id) and sees an order changed in place at its new time', () => {
    const store = new OrderStore();
    const b = stored('S1', 'B', '2026-01-02T00:00:00Z');
    store.add(stored('S1', 'A', '2026-01-02T00:00:00Z'));
    store.add(b);
    store.add(stored('S1', 'C', '2026-01-01T12:00:00Z'));
    store.add(stored('S2', 'D', '2026-01-01T12:00:00Z'));
    expect(ids(store.search('S1', query(2)))).toEqual(['C', 'A']);
    expect(store.search('S1', query(2)).more).toBe(true);
    b.order.lastUpdatedTime = '2026-01-01T06:00:00Z'; // the lifecycle changes orders in place
    expect(ids(store.search('S1', query(10)))).toEqual(['B', 'C', 'A']);
    const after = { ms: Date.parse('2026-01-01T12:00:00Z'), orderId: 'C' };
    expect(store.search('S1', query(10, after))).toEqual({ page: [expect.anything()], more: false });
    expect(ids(store.search('S1', query(10, after)))).toEqual(['A']);
  });

  it('moves an order re-added under another seller out of the first seller pages', () => {
    const store = new OrderStore();
    store.add(stored('S1', 'A', '2026-01-02T00:00:00Z'));
    store.add(stored('S1', 'B', '2026-01-03T00:00:00Z'));
    expect(ids(store.search('S1', query(10)))).toEqual(['A', 'B']);
    store.add(stored('S2', 'A', '2026-01-02T00:00:00Z'));
    expect(ids(store.search('S1', query(10)))).toEqual(['B']);
    expect(ids(store.search('S2', query(10)))).toEqual(['A']);
  });
});
