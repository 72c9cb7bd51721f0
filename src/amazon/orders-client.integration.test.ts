import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../lib/clock.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../sandbox/amazon/index.js';
import { adaptOrder } from './order-adapter.js';
import { MemoryRateBudgets } from './rate-limit-registry.js';
import { DE, SANDBOX_ACCOUNT, sandboxClient, sandboxThrottled, type SandboxClient } from './sp-api.test-support.js';

/** The Orders client against the shipped sandbox, over real HTTP. */
describe('Amazon orders client', () => {
  let sandbox: StartedAmazonSandbox;
  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 9, rateScale: 200 });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  const after = new Date(Date.now() - 86_400_000).toISOString();
  const search = (c: SandboxClient, token: string | null = null, maxResultsPerPage = 100) =>
    c.orders.searchOrders({
      lastUpdatedAfter: after,
      marketplaceIds: [DE],
      includedData: ['PROCEEDS', 'FULFILLMENT'],
      maxResultsPerPage,
      paginationToken: token,
    });

  it('pages through every order with one LWA exchange; every order adapts', async () => {
    sandbox.sandbox.generateOrders({ count: 230, marketplaceId: DE });
    const c = sandboxClient(sandbox);
    const ids = new Set<string>();
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await search(c, token);
      if (!page.ok) throw page.error;
      for (const raw of page.value.orders) {
        const adapted = adaptOrder(raw);
        if (!adapted.ok) throw adapted.error;
        ids.add(adapted.value.amazonOrderId);
      }
      expect(page.value.lastUpdatedBefore).toMatch(/Z$/);
      expect(page.value.createdBefore).toBeNull();
      token = page.value.nextToken;
      pages++;
    } while (token);
    expect(ids.size).toBe(230);
    expect(pages).toBe(3);
    expect(c.lwa.exchanges).toBe(1);
    expect(sandbox.sandbox.stats().lwaTokensIssued).toBe(1);
    const fetched = await c.orders.getOrder([...ids][0] as string, ['PROCEEDS', 'FULFILLMENT']);
    if (!fetched.ok) throw fetched.error;
    expect(adaptOrder(fetched.value).ok).toBe(true);
    expect(c.transport.stats()).toEqual({ calls: { searchOrders: 3, getOrder: 1 }, throttled: 0 });
  });

  it('searches by creation time with the other filters and reports createdBefore', async () => {
    sandbox.sandbox.generateOrders({ count: 20, marketplaceId: DE, fulfillment: 'MFN' });
    const c = sandboxClient(sandbox);
    const page = await c.orders.searchOrders({
      createdAfter: after,
      marketplaceIds: [DE],
      fulfilledBy: ['MERCHANT'],
      fulfillmentStatuses: ['UNSHIPPED', 'SHIPPED', 'PENDING', 'PARTIALLY_SHIPPED', 'CANCELLED'],
      includedData: ['FULFILLMENT'],
    });
    if (!page.ok) throw page.error;
    expect(page.value.orders).toHaveLength(20);
    expect(page.value.createdBefore).toMatch(/Z$/);
    expect(page.value.lastUpdatedBefore).toBeNull();
    expect(page.value.nextToken).toBeNull();
  });

  it("never gets throttled at Amazon's limits: the buckets wait instead", async () => {
    sandbox.sandbox.generateOrders({ count: 5, marketplaceId: DE });
    const budgets = new MemoryRateBudgets(systemClock);
    const c = sandboxClient(sandbox, { budgets });
    const ids = sandbox.sandbox.listOrders({}).map((o) => o.orderId);
    // getOrder: burst 30 at 0.5/s × 200 = 100/s; 60 calls must wait for tokens, not hit 429s.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => c.orders.getOrder(ids[i % ids.length] as string, [])),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sandboxThrottled(sandbox)).toBe(0);
    expect(c.transport.stats().throttled).toBe(0);
    expect(budgets.bucket(SANDBOX_ACCOUNT, 'getOrder').currentRate).toBeCloseTo(100, 5);
    expect(sandbox.sandbox.stats().lwaTokensIssued).toBe(1);
  });

  it('pages beyond the searchOrders burst without a 429 (0.0056/s × 200 ≈ 1.1 pages/s)', async () => {
    sandbox.sandbox.generateOrders({ count: 24, marketplaceId: DE });
    const c = sandboxClient(sandbox);
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await search(c, token, 1);
      if (!page.ok) throw page.error;
      token = page.value.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(24); // 20 from the burst, 4 waited for
    expect(sandboxThrottled(sandbox)).toBe(0);
  }, 20_000);

  it('restarts-the-window error when a page token has expired (24 h)', async () => {
    sandbox.sandbox.generateOrders({ count: 3, marketplaceId: DE });
    const c = sandboxClient(sandbox);
    const first = await search(c, null, 1);
    if (!first.ok) throw first.error;
    expect(first.value.nextToken).not.toBeNull();
    sandbox.sandbox.advanceClock(25 * 3600); // the sandbox's access token expires too: refreshed after a 403
    const second = await search(c, first.value.nextToken, 1);
    expect(!second.ok && second.error.code).toBe('amazon_pagination_token_expired');
    expect(!second.ok && second.error.retryable).toBe(true);
    expect(c.lwa.exchanges).toBe(2);
  });

  it('confirms a shipment (v0) and reports Amazon’s 400 and 404 specifically', async () => {
    const order = sandbox.sandbox.createOrder({
      createdTime: new Date(Date.now() - 3_600_000).toISOString(),
      salesChannel: { marketplaceId: DE },
      fulfillment: { fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT' },
    });
    const item = order.orderItems[0];
    if (!item) throw new Error('no item');
    const packageDetail = {
      packageReferenceId: '1',
      carrierCode: 'DHL',
      trackingNumber: '00340434161234567890',
      shipDate: new Date(Date.now() - 60_000).toISOString(),
      orderItems: [{ orderItemId: item.orderItemId, quantity: item.quantityOrdered }],
    };
    const c = sandboxClient(sandbox);
    const shipped = await c.orders.confirmShipment(order.orderId, { marketplaceId: DE, packageDetail });
    if (!shipped.ok) throw shipped.error;
    expect(sandbox.sandbox.getOrder(order.orderId).fulfillment?.fulfillmentStatus).toBe('SHIPPED');

    const bad = await c.orders.confirmShipment(order.orderId, {
      marketplaceId: DE,
      packageDetail: { ...packageDetail, shipDate: '02/21/2022' },
    });
    expect(!bad.ok && bad.error.code).toBe('amazon_invalid_input');
    expect(!bad.ok && bad.error.details.errors).toEqual([expect.objectContaining({ code: 'InvalidInput' })]);

    const missing = await c.orders.getOrder('302-0000000-0000000');
    expect(!missing.ok && missing.error.code).toBe('amazon_not_found');
    expect(c.transport.stats().calls).toEqual({ confirmShipment: 2, getOrder: 1 });
  });

  it('adapts what Amazon may add tomorrow: unknown statuses fail alone, the rest imports with warnings', async () => {
    sandbox.sandbox.generateOrders({ count: 60, marketplaceId: DE });
    sandbox.sandbox.setFaults({ seed: 11, searchOrders: { unknownEnumRate: 0.5 } });
    const page = await sandboxClient(sandbox).orders.searchOrders({
      lastUpdatedAfter: after,
      includedData: ['PROCEEDS', 'FULFILLMENT', 'RECIPIENT'],
    });
    if (!page.ok) throw page.error;
    const results = page.value.orders.map((raw) => adaptOrder(raw));
    const codes = new Set(results.flatMap((r) => (r.ok ? [] : [r.error.code])));
    expect([...codes]).toEqual(['amazon_order_unknown_status']);
    const adapted = results.flatMap((r) => (r.ok ? [r.value] : []));
    expect(adapted.length).toBeGreaterThan(30);
    expect(adapted.some((o) => o.programs.includes('AMAZON_FUTURE_PROGRAM'))).toBe(true);
    expect(adapted.some((o) => o.warnings.some((w) => w.includes('SURCHARGE')))).toBe(true);
  });
});
