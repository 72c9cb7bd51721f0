import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SELLER_ID } from './sandbox-constants.js';
import type { SandboxStatsSnapshot } from './sandbox-stats.js';
import type { SearchOrdersCall } from './sandbox-stats.js';
import { LONG_AGO, startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

describe('control API (/_sandbox)', () => {
  let s: TestSandbox;
  const call = <T>(method: string, path: string, body?: unknown) =>
    s.request<T>(path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(() => s.close());

  it('generates, lists, reads, creates and advances orders', async () => {
    const gen = await call<{ orderIds: string[] }>('POST', '/_sandbox/orders/generate', {
      count: 5,
      marketplaceId: 'A1F83G8C2ARO7P',
      statuses: { PENDING: 1 },
      fulfillment: 'MFN',
    });
    expect(gen.status).toBe(201);
    expect(gen.json.orderIds).toHaveLength(5);
    const listed = await call<{ orders: Order[] }>('GET', '/_sandbox/orders?status=PENDING&limit=3');
    expect(listed.json.orders).toHaveLength(3);
    const id = gen.json.orderIds[0] ?? '';
    const one = await call<{ order: Order }>('GET', `/_sandbox/orders/${id}`);
    expect(one.json.order.fulfillment?.fulfillmentStatus).toBe('PENDING');
    const released = await call<{ order: Order }>('POST', `/_sandbox/orders/${id}/release`);
    expect(released.json.order.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    const shipped = await call<{ order: Order }>('POST', `/_sandbox/orders/${id}/ship`, {
      carrier: 'Royal Mail',
      trackingNumber: 'RR123456789GB',
    });
    expect(shipped.json.order.packages?.[0]).toMatchObject({ carrier: 'Royal Mail', trackingNumber: 'RR123456789GB' });
    const created = await call<{ order: Order }>('POST', '/_sandbox/orders', {
      orderId: '303-1111111-2222222',
      salesChannel: { marketplaceId: 'A1PA6795UKMFR9' },
      orderItems: [{ quantityOrdered: 2, product: { sellerSku: 'MY-SKU', price: { unitPrice: { amount: '10.00' } } } }],
    });
    expect(created.status).toBe(201);
    expect(created.json.order.orderId).toBe('303-1111111-2222222');
    expect(created.json.order.orderItems[0]?.product.sellerSku).toBe('MY-SKU');
    expect(created.json.order.orderItems[0]?.proceeds?.breakdowns?.[0]?.subtotal.amount).toBe('20.00');
  });

  it('answers errors as {error: {code, message}} with 400/404/409', async () => {
    expect((await call('GET', '/_sandbox/orders/nope')).status).toBe(404);
    const bad = await call<{ error: { code: string } }>('POST', '/_sandbox/orders/generate', { count: 'many' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_generate_options');
    const action = await call('POST', `/_sandbox/orders/${s.sandbox.listOrders()[0]?.orderId ?? ''}/explode`);
    expect(action.status).toBe(400);
    const json = await s.request('/_sandbox/clock', { method: 'POST', body: '{oops' });
    expect(json.status).toBe(400);
    expect((await call('GET', '/_sandbox/nothing-here')).status).toBe(404);
  });

  it('moves the clock, sets faults, reads and resets stats', async () => {
    const before = await call<{ now: string; offsetSeconds: number }>('GET', '/_sandbox/clock');
    const moved = await call<{ now: string; offsetSeconds: number }>('POST', '/_sandbox/clock', {
      advanceSeconds: 3600,
    });
    expect(moved.json.offsetSeconds).toBe(before.json.offsetSeconds + 3600);
    expect(Date.parse(moved.json.now) - Date.parse(before.json.now)).toBeGreaterThanOrEqual(3_599_000);
    expect((await call('POST', '/_sandbox/clock', { advanceSeconds: -5 })).status).toBe(400);
    const faults = await call<{ faults: unknown }>('PUT', '/_sandbox/faults', {
      getOrder: { errorRates: { '503': 1 } },
    });
    expect(faults.json.faults).toEqual({ getOrder: { errorRates: { '503': 1 } } });
    expect((await s.sp('/orders/2026-01-01/orders/x')).status).toBe(503);
    expect((await call('PUT', '/_sandbox/faults', { getOrder: { timeoutRate: 2 } })).status).toBe(400);
    expect((await call<{ faults: unknown }>('DELETE', '/_sandbox/faults')).json.faults).toEqual({});
    const stats = await call<SandboxStatsSnapshot>('GET', '/_sandbox/stats');
    expect(stats.json.calls.getOrder).toBe(1);
    expect(stats.json.faultsInjected).toBe(1);
    const reset = await call<SandboxStatsSnapshot>('DELETE', '/_sandbox/stats');
    expect(reset.json.calls.getOrder).toBe(0);
  });

  it('logs each answered searchOrders call with its seller, marketplaces and page position', async () => {
    await call('POST', '/_sandbox/reset'); // no orders or calls of the other tests
    s.sandbox.generateOrders({ count: 3, marketplaceId: 'A1PA6795UKMFR9' });
    const query = {
      lastUpdatedAfter: LONG_AGO,
      marketplaceIds: 'A1PA6795UKMFR9,A13V1IB3VIYZZH',
      maxResultsPerPage: '2',
    };
    const first = await s.sp<{ pagination?: { nextToken: string } }>('/orders/2026-01-01/orders', { query });
    const nextToken = first.json.pagination?.nextToken ?? '';
    expect(nextToken).not.toBe('');
    await s.sp('/orders/2026-01-01/orders', { query: { ...query, paginationToken: nextToken } });
    await s.sp('/orders/2026-01-01/orders', { query: { marketplaceIds: 'A1PA6795UKMFR9' } }); // 400: no After
    type Log = { calls: SearchOrdersCall[]; next: number };
    const log = await call<Log>('GET', '/_sandbox/stats/search-orders');
    expect(log.json.next).toBe(3);
    expect(log.json.calls.map(({ atMs: _at, ...c }) => c)).toEqual([
      {
        sellerId: SANDBOX_SELLER_ID,
        marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'],
        firstPage: true,
        status: 200,
        lastPage: false,
        orders: 2,
      },
      {
        sellerId: SANDBOX_SELLER_ID,
        marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'],
        firstPage: false,
        status: 200,
        lastPage: true,
        orders: 1,
      },
      {
        sellerId: SANDBOX_SELLER_ID,
        marketplaceIds: ['A1PA6795UKMFR9'],
        firstPage: true,
        status: 400,
        lastPage: false,
        orders: 0,
      },
    ]);
    const since = await call<Log>('GET', '/_sandbox/stats/search-orders?since=2');
    expect(since.json.calls.map((c) => c.status)).toEqual([400]);
    expect((await call('GET', '/_sandbox/stats/search-orders?since=-1')).status).toBe(400);
    await call('DELETE', '/_sandbox/stats');
    expect((await call<Log>('GET', '/_sandbox/stats/search-orders')).json).toEqual({ calls: [], next: 0 });
  });

  it('adds sellers, sets roles (403 on BUYER/RECIPIENT without them), revokes tokens and resets', async () => {
    const added = await call<{ seller: { sellerId: string } }>('POST', '/_sandbox/sellers', {
      sellerId: 'A9NEWSELLER',
      refreshToken: 'Atzr|new-1',
      marketplaceIds: ['ATVPDKIKX0DER'],
      clientId: 'amzn1.application-oa2-client.other',
      clientSecret: 'other-secret',
    });
    expect(added.status).toBe(201);
    expect((await call<{ sellers: unknown[] }>('GET', '/_sandbox/sellers')).json.sellers).toHaveLength(2);
    const [id] = s.sandbox.generateOrders({ count: 1, statuses: { UNSHIPPED: 1 }, fulfillment: 'MFN' });
    const roles = await call('PUT', `/_sandbox/sellers/${SANDBOX_SELLER_ID}/roles`, {
      roles: ['INVENTORY_AND_ORDER_TRACKING'],
    });
    expect(roles.status).toBe(200);
    const denied = await s.sp<{ errors: { code: string; details: string }[] }>(
      `/orders/2026-01-01/orders/${id ?? ''}`,
      {
        query: { includedData: 'RECIPIENT' },
      },
    );
    expect(denied.status).toBe(403);
    expect(denied.json.errors[0]).toEqual({
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
      details: 'RECIPIENT requires the Direct-to-Consumer Delivery (Restricted) role.',
    });
    const plain = await s.sp<{ order: Order }>(`/orders/2026-01-01/orders/${id ?? ''}`, {
      query: { includedData: 'PROCEEDS' },
    });
    expect(plain.status).toBe(200);
    await call('PUT', `/_sandbox/sellers/${SANDBOX_SELLER_ID}/roles`, { roles: ['TAX_INVOICING'] });
    const buyer = await s.sp<{ order: Order }>(`/orders/2026-01-01/orders/${id ?? ''}`, {
      query: { includedData: 'BUYER' },
    });
    expect(buyer.json.order.buyer?.buyerName).toBeTruthy();
    expect(buyer.json.order.buyer?.buyerEmail).toBeUndefined();
    const revoke = await call<{ revoked: boolean }>('POST', '/_sandbox/refresh-tokens/revoke', {
      refreshToken: 'Atzr|new-1',
    });
    expect(revoke.json.revoked).toBe(true);
    const reset = await call('POST', '/_sandbox/reset');
    expect(reset.status).toBe(200);
    expect(s.sandbox.listOrders()).toHaveLength(0);
    const overview = await call<{ now: string; sellers: unknown[] }>('GET', '/_sandbox');
    expect(overview.json.sellers).toHaveLength(2);
  });
});
