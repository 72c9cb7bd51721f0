import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelValidator } from './model-schemas.js';
import { ALL_INCLUDED, LONG_AGO, startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

const searchResponse = modelValidator('orders_2026-01-01.json', 'SearchOrdersResponse');
const getOrderResponse = modelValidator('orders_2026-01-01.json', 'GetOrderResponse');
const errorList = modelValidator('orders_2026-01-01.json', 'ErrorList');
const v0Error = modelValidator('ordersV0.json', 'ConfirmShipmentErrorResponse');
const confirmRequest = modelValidator('ordersV0.json', 'ConfirmShipmentRequest');

function expectValid(validate: typeof searchResponse, body: unknown): void {
  const ok = validate(body);
  if (!ok) throw new Error(JSON.stringify(validate.errors?.slice(0, 3)));
  expect(ok).toBe(true);
}

describe('every response validates against Amazon’s models', () => {
  let s: TestSandbox;
  const seen: Order[] = [];

  beforeAll(async () => {
    s = await startTestSandbox({ seed: 3 });
    const statuses = {
      PENDING: 2,
      PENDING_AVAILABILITY: 1,
      UNSHIPPED: 3,
      PARTIALLY_SHIPPED: 2,
      SHIPPED: 3,
      CANCELLED: 2,
    };
    s.sandbox.generateOrders({ count: 3200, statuses });
    s.sandbox.generateOrders({ count: 1, lines: 1000, statuses: { SHIPPED: 1 }, fulfillment: 'MFN' });
  });
  afterAll(() => s.close());

  it('searchOrders pages (all data sets) for 3,201 orders', async () => {
    let token: string | undefined;
    do {
      const query: Record<string, string> = { lastUpdatedAfter: LONG_AGO, includedData: ALL_INCLUDED };
      if (token) query.paginationToken = token;
      const res = await s.sp<{ orders: Order[]; pagination?: { nextToken: string } }>('/orders/2026-01-01/orders', {
        query,
      });
      expect(res.status).toBe(200);
      expectValid(searchResponse, res.json);
      seen.push(...res.json.orders);
      token = res.json.pagination?.nextToken;
    } while (token);
    expect(seen).toHaveLength(3201);
    expect(new Set(seen.map((o) => o.orderId)).size).toBe(3201);
    expect(new Set(seen.map((o) => o.fulfillment?.fulfillmentStatus)).size).toBe(6);
  });

  it('searchOrders without data sets, by createdAfter, filtered', async () => {
    const res = await s.sp('/orders/2026-01-01/orders', {
      query: { createdAfter: LONG_AGO, fulfillmentStatuses: 'SHIPPED,PENDING', fulfilledBy: 'MERCHANT' },
    });
    expect(res.status).toBe(200);
    expectValid(searchResponse, res.json);
  });

  it('getOrder for 400 orders with every data set and with none', async () => {
    const sample = seen.filter((_, i) => i % 8 === 0);
    for (const order of sample) {
      const full = await s.sp(`/orders/2026-01-01/orders/${order.orderId}`, { query: { includedData: ALL_INCLUDED } });
      expect(full.status).toBe(200);
      expectValid(getOrderResponse, full.json);
    }
    const bare = await s.sp(`/orders/2026-01-01/orders/${sample[0]?.orderId ?? ''}`);
    expectValid(getOrderResponse, bare.json);
    expect(sample.length).toBeGreaterThanOrEqual(400);
  });

  it('error bodies are ErrorLists (400, 403, 404, 429)', async () => {
    const bad = await s.sp('/orders/2026-01-01/orders', { query: { createdAfter: 'yesterday' } });
    const missing = await s.sp('/orders/2026-01-01/orders/111-0000000-0000000');
    const denied = await s.request('/orders/2026-01-01/orders/111-0000000-0000000');
    for (const res of [bad, missing, denied]) expectValid(errorList, res.json);
    expect([bad.status, missing.status, denied.status]).toEqual([400, 404, 403]);
    const limited = await startTestSandbox({ enforceRateLimits: true });
    try {
      limited.sandbox.generateOrders({ count: 1 });
      let last = await limited.sp('/orders/2026-01-01/orders', { query: { createdAfter: LONG_AGO } });
      for (let i = 0; i < 20; i++)
        last = await limited.sp('/orders/2026-01-01/orders', { query: { createdAfter: LONG_AGO } });
      expect(last.status).toBe(429);
      expectValid(errorList, last.json);
    } finally {
      await limited.close();
    }
  });

  it('confirmShipment: accepted bodies match ConfirmShipmentRequest, errors match the v0 error schema', async () => {
    const [id] = s.sandbox.generateOrders({ count: 1, fulfillment: 'MFN', statuses: { UNSHIPPED: 1 } });
    const order = s.sandbox.getOrder(id ?? '');
    const body = {
      marketplaceId: order.salesChannel.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Other',
        carrierName: 'Kurier Schmidt',
        trackingNumber: 'KS-1',
        shipDate: '2026-01-01T10:00:00Z',
        orderItems: order.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
      },
    };
    const post = (payload: unknown) =>
      s.sp(`/orders/v0/orders/${id ?? ''}/shipmentConfirmation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
    const accepted = await post(body);
    expect(accepted.status).toBe(204);
    expectValid(confirmRequest, body);
    const rejected = await post({ ...body, marketplaceId: 'ATVPDKIKX0DER_' });
    expect(rejected.status).toBe(400);
    expectValid(v0Error, rejected.json);
  });
});
