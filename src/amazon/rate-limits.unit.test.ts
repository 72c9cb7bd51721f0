import { describe, expect, it } from 'vitest';
import { ManualClock } from '../lib/clock.js';
import { MemoryRateBudgets, type SellerAccount } from './rate-limit-registry.js';
import { DEFAULT_USAGE_PLANS, FALLBACK_USAGE_PLAN, operationOf } from './rate-limits.js';

describe('usage plans and operations', () => {
  it("holds Amazon's default plans (amazon/README.md §4)", () => {
    expect(DEFAULT_USAGE_PLANS.searchOrders).toEqual({ rate: 0.0056, burst: 20 });
    expect(DEFAULT_USAGE_PLANS.getOrder).toEqual({ rate: 0.5, burst: 30 });
    expect(DEFAULT_USAGE_PLANS.confirmShipment).toEqual({ rate: 2, burst: 10 });
    expect(DEFAULT_USAGE_PLANS['ordersV0.getOrders']).toEqual({ rate: 0.0167, burst: 20 });
    expect(DEFAULT_USAGE_PLANS.createFeed).toEqual({ rate: 0.0083, burst: 15 });
    expect(DEFAULT_USAGE_PLANS.getReportDocument).toEqual({ rate: 0.0167, burst: 15 });
    expect(DEFAULT_USAGE_PLANS.patchListingsItem).toEqual({ rate: 5, burst: 5 });
    expect(DEFAULT_USAGE_PLANS.getInventorySummaries).toEqual({ rate: 2, burst: 2 });
  });

  it('names the operation of a request from method and path', () => {
    expect(operationOf('get', '/orders/2026-01-01/orders')).toBe('searchOrders');
    expect(operationOf('GET', '/orders/2026-01-01/orders/')).toBe('searchOrders');
    expect(operationOf('GET', '/orders/2026-01-01/orders/302-1234567-1234567')).toBe('getOrder');
    expect(operationOf('GET', '/orders/v0/orders/302-1234567-1234567')).toBe('ordersV0.getOrder');
    expect(operationOf('POST', '/orders/v0/orders/302-1234567-1234567/shipmentConfirmation')).toBe('confirmShipment');
    expect(operationOf('GET', '/orders/v0/orders/302-1234567-1234567/orderItems/buyerInfo')).toBe(
      'getOrderItemsBuyerInfo',
    );
    expect(operationOf('POST', '/feeds/2021-06-30/feeds')).toBe('createFeed');
    expect(operationOf('GET', '/feeds/2021-06-30/feeds')).toBe('getFeeds');
    expect(operationOf('PATCH', '/listings/2021-08-01/items/A2SELLER/SKU%2F1')).toBe('patchListingsItem');
    expect(operationOf('GET', '/nothing/here')).toBe('GET /nothing/here');
  });

  it('keeps one bucket per (seller account, application, operation), unknown operations on a cautious plan', async () => {
    const clock = new ManualClock();
    const registry = new MemoryRateBudgets(clock);
    const sellerA: SellerAccount = { sellerId: 'SELLER-A', region: 'EU', applicationId: 'amzn1.app-1' };
    const a = registry.bucket(sellerA, 'getOrder');
    expect(registry.bucket({ ...sellerA }, 'getOrder')).toBe(a);
    expect(registry.bucket({ ...sellerA, sellerId: 'SELLER-B' }, 'getOrder')).not.toBe(a);
    expect(registry.bucket({ ...sellerA, region: 'NA' }, 'getOrder')).not.toBe(a);
    expect(registry.bucket({ ...sellerA, applicationId: 'amzn1.app-2' }, 'getOrder')).not.toBe(a);
    expect(registry.bucket(sellerA, 'searchOrders')).not.toBe(a);
    expect(a.available()).toBe(30);
    const unknown = registry.bucket(sellerA, 'GET /x');
    expect(unknown.currentRate).toBe(FALLBACK_USAGE_PLAN.rate);
    const start = clock.now().getTime();
    await unknown.acquire();
    await unknown.acquire();
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(1000);
  });
});
