import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { ALL_INCLUDED, startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

const DE = 'A1PA6795UKMFR9';

describe('order lifecycle', () => {
  let s: TestSandbox;
  const fetchOrder = async (id: string): Promise<Order> =>
    (await s.sp<{ order: Order }>(`/orders/2026-01-01/orders/${id}`, { query: { includedData: ALL_INCLUDED } })).json
      .order;
  const confirm = (id: string, packageDetail: Record<string, unknown>, marketplaceId = DE) =>
    s.sp<{ errors?: { code: string; message: string }[] }>(`/orders/v0/orders/${id}/shipmentConfirmation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ marketplaceId, packageDetail }),
    });
  const pkg = (ref: string, items: { orderItemId: string; quantity: number }[]) => ({
    packageReferenceId: ref,
    carrierCode: 'DHL',
    shippingMethod: 'DHL Paket',
    trackingNumber: `00340434${ref}`,
    shipDate: '2026-03-01T12:00:00Z',
    orderItems: items,
  });

  beforeAll(async () => {
    s = await startTestSandbox({ clock: new ManualClock('2026-03-01T12:00:00.000Z') });
  });
  afterAll(() => s.close());

  it('PENDING → release → partial shipment → rest shipped, stamping lastUpdatedTime each time', async () => {
    const created = s.sandbox.createOrder({
      salesChannel: { marketplaceId: DE },
      fulfillment: { fulfillmentStatus: 'PENDING', fulfilledBy: 'MERCHANT' },
      orderItems: [
        { quantityOrdered: 3, product: { sellerSku: 'SKU-A', price: { unitPrice: { amount: '19.99' } } } },
        { quantityOrdered: 1, product: { sellerSku: 'SKU-B' } },
      ],
    });
    const id = created.orderId;
    expect(created.lastUpdatedTime).toBe('2026-03-01T12:00:00Z');
    const pending = await fetchOrder(id);
    expect(pending.fulfillment?.fulfillmentStatus).toBe('PENDING');
    expect(pending.proceeds).toBeUndefined();
    expect(pending.recipient).toBeUndefined();
    expect(pending.buyer?.buyerEmail).toBeUndefined();
    expect(pending.orderItems.every((i) => !i.proceeds && !i.product.price)).toBe(true);

    s.sandbox.advanceClock(60);
    s.sandbox.advanceOrder(id, 'release');
    const released = await fetchOrder(id);
    expect(released.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    expect(released.lastUpdatedTime).toBe('2026-03-01T12:01:00Z');
    expect(released.orderItems[0]?.product.price?.unitPrice?.amount).toBe('19.99');
    expect(released.orderItems[0]?.proceeds?.breakdowns?.[0]).toEqual({
      type: 'ITEM',
      subtotal: { amount: '59.97', currencyCode: 'EUR' },
    });
    expect(released.recipient?.deliveryAddress?.countryCode).toBe('DE');

    const [a, b] = released.orderItems.map((i) => i.orderItemId) as [string, string];
    s.sandbox.advanceClock(60);
    expect((await confirm(id, pkg('1', [{ orderItemId: a, quantity: 2 }]))).status).toBe(204);
    const partial = await fetchOrder(id);
    expect(partial.fulfillment?.fulfillmentStatus).toBe('PARTIALLY_SHIPPED');
    expect(partial.lastUpdatedTime).toBe('2026-03-01T12:02:00Z');
    expect(partial.orderItems[0]?.fulfillment).toMatchObject({ quantityFulfilled: 2, quantityUnfulfilled: 1 });
    expect(partial.packages).toHaveLength(1);

    // Sending package 1 again edits it (3 units now) instead of adding 3 more.
    s.sandbox.advanceClock(60);
    expect((await confirm(id, pkg('1', [{ orderItemId: a, quantity: 3 }]))).status).toBe(204);
    s.sandbox.advanceClock(60);
    expect((await confirm(id, pkg('2', [{ orderItemId: b, quantity: 1 }]))).status).toBe(204);
    const shipped = await fetchOrder(id);
    expect(shipped.fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    expect(shipped.lastUpdatedTime).toBe('2026-03-01T12:04:00Z');
    expect(shipped.packages?.map((p) => [p.packageReferenceId, p.carrier, p.packageItems?.[0]?.quantity])).toEqual([
      ['1', 'DHL', 3],
      ['2', 'DHL', 1],
    ]);
  });

  it('cancels unshipped orders (by buyer, merchant or Amazon) and refuses to cancel shipped ones', async () => {
    for (const by of ['BUYER', 'MERCHANT', 'AMAZON'] as const) {
      const [id] = s.sandbox.generateOrders({ count: 1, statuses: { UNSHIPPED: 1 }, marketplaceId: DE });
      s.sandbox.advanceClock(5);
      const order = s.sandbox.advanceOrder(id ?? '', 'cancel', { by, reason: 'Test reason' });
      expect(order.fulfillment?.fulfillmentStatus).toBe('CANCELLED');
      expect(order.lastUpdatedTime).toBe(s.sandbox.nowIso());
      expect(order.orderItems[0]?.cancellation?.cancellationExecution).toEqual({
        cancelledBy: by,
        cancelReason: 'Test reason',
      });
      expect(order.recipient).toBeUndefined();
    }
    const [shipped] = s.sandbox.generateOrders({ count: 1, statuses: { SHIPPED: 1 } });
    expect(() => s.sandbox.advanceOrder(shipped ?? '', 'cancel')).toThrow(/only unshipped orders can be cancelled/);
    const viaHttp = await s.request<{ error: { code: string } }>(`/_sandbox/orders/${shipped ?? ''}/cancel`, {
      method: 'POST',
      body: '{}',
    });
    expect(viaHttp.status).toBe(409);
    expect(viaHttp.json.error.code).toBe('order_not_cancellable');
  });

  it('records buyer cancel requests per item, and touch only bumps lastUpdatedTime', async () => {
    const [id] = s.sandbox.generateOrders({ count: 1, statuses: { UNSHIPPED: 1 }, lines: 2, marketplaceId: DE });
    const before = s.sandbox.getOrder(id ?? '');
    const first = before.orderItems[0]?.orderItemId ?? '';
    s.sandbox.advanceClock(30);
    s.sandbox.advanceOrder(id ?? '', 'requestCancel', { items: [first], reason: 'Found it cheaper' });
    const after = await fetchOrder(id ?? '');
    expect(after.orderItems[0]?.cancellation?.cancellationRequest).toEqual({
      requester: 'BUYER',
      cancelReason: 'Found it cheaper',
    });
    expect(after.orderItems[1]?.cancellation).toBeUndefined();
    expect(after.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    s.sandbox.advanceClock(30);
    const touched = s.sandbox.advanceOrder(id ?? '', 'touch');
    expect(touched.lastUpdatedTime).toBe(s.sandbox.nowIso());
    expect({ ...touched, lastUpdatedTime: '' }).toEqual({ ...s.sandbox.getOrder(id ?? ''), lastUpdatedTime: '' });
  });

  it('ships FBA orders without packages', () => {
    const [id] = s.sandbox.generateOrders({ count: 1, statuses: { UNSHIPPED: 1 }, fulfillment: 'AFN' });
    const order = s.sandbox.advanceOrder(id ?? '', 'ship');
    expect(order.fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    expect(order.packages).toBeUndefined();
  });
});
