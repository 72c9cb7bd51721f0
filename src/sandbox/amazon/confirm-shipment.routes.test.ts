import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

const DE = 'A1PA6795UKMFR9';

describe('confirmShipment (Orders v0)', () => {
  let s: TestSandbox;
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
    s = await startTestSandbox();
  });
  afterAll(() => s.close());

  let id = '';
  let itemId = '';
  let quantity = 0;
  beforeAll(() => {
    [id = ''] = s.sandbox.generateOrders({
      count: 1,
      statuses: { UNSHIPPED: 1 },
      fulfillment: 'MFN',
      marketplaceId: DE,
    });
    const item = s.sandbox.getOrder(id).orderItems[0];
    itemId = item?.orderItemId ?? '';
    quantity = item?.quantityOrdered ?? 0;
  });
  const good = () => pkg('1', [{ orderItemId: itemId, quantity: 1 }]);

  it.each<[string, () => Record<string, unknown>, string | undefined, RegExp]>([
    ['wrong marketplace', good, 'A13V1IB3VIYZZH', /does not match the order's marketplace/],
    [
      'non-numeric packageReferenceId',
      () => ({ ...good(), packageReferenceId: 'PKG-1' }),
      undefined,
      /packageReferenceId must be a positive numeric string/,
    ],
    ['zero packageReferenceId', () => ({ ...good(), packageReferenceId: '0' }), undefined, /positive numeric/],
    [
      'unknown carrierCode',
      () => ({ ...good(), carrierCode: 'Pigeon Post' }),
      undefined,
      /Unknown carrierCode 'Pigeon Post'/,
    ],
    [
      'Other without carrierName',
      () => ({ ...good(), carrierCode: 'Other' }),
      undefined,
      /carrierName \(1-50 characters\) is required/,
    ],
    [
      'carrierName over 50',
      () => ({ ...good(), carrierCode: 'Other', carrierName: 'x'.repeat(51) }),
      undefined,
      /1-50/,
    ],
    [
      'blank trackingNumber',
      () => ({ ...good(), trackingNumber: '  ' }),
      undefined,
      /trackingNumber must not be empty/,
    ],
    [
      'missing trackingNumber',
      () => ({ ...good(), trackingNumber: undefined }),
      undefined,
      /must have required property 'trackingNumber'/,
    ],
    [
      'shipDate not ISO 8601',
      () => ({ ...good(), shipDate: '02/21/2022' }),
      undefined,
      /shipDate must match format "date-time"/,
    ],
    [
      'unknown order item',
      () => pkg('1', [{ orderItemId: '99999999999999', quantity: 1 }]),
      undefined,
      /not part of this order/,
    ],
    [
      'more than unshipped',
      () => pkg('1', [{ orderItemId: itemId, quantity: quantity + 1 }]),
      undefined,
      /must be between 1 and/,
    ],
    ['zero quantity', () => pkg('1', [{ orderItemId: itemId, quantity: 0 }]), undefined, /must be between 1 and/],
    ['no items', () => pkg('1', []), undefined, /orderItems must list at least one item/],
  ])('rejects %s with 400', async (_name, detail, marketplace, message) => {
    const res = await confirm(id, detail(), marketplace);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.code).toBe('InvalidInput');
    expect(res.json.errors?.[0]?.message).toMatch(message);
    expect(s.sandbox.getOrder(id).fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
  });

  it('rejects bad JSON, unknown orders, FBA and cancelled orders', async () => {
    const raw = await s.sp(`/orders/v0/orders/${id}/shipmentConfirmation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"marketplaceId":',
    });
    expect(raw.status).toBe(400);
    expect((await confirm('111-0000000-0000000', good())).status).toBe(404);
    const [afn] = s.sandbox.generateOrders({
      count: 1,
      statuses: { UNSHIPPED: 1 },
      fulfillment: 'AFN',
      marketplaceId: DE,
    });
    const afnItem = s.sandbox.getOrder(afn ?? '').orderItems[0]?.orderItemId ?? '';
    expect(
      (await confirm(afn ?? '', pkg('1', [{ orderItemId: afnItem, quantity: 1 }]))).json.errors?.[0]?.message,
    ).toMatch(/fulfilled by Amazon/);
    const [gone] = s.sandbox.generateOrders({
      count: 1,
      statuses: { CANCELLED: 1 },
      fulfillment: 'MFN',
      marketplaceId: DE,
    });
    const goneItem = s.sandbox.getOrder(gone ?? '').orderItems[0]?.orderItemId ?? '';
    const cancelled = await confirm(gone ?? '', pkg('1', [{ orderItemId: goneItem, quantity: 1 }]));
    expect(cancelled.json.errors?.[0]?.message).toMatch(/CANCELLED and cannot be shipped/);
    const cod = await s.sp<{ errors: { message: string }[] }>(`/orders/v0/orders/${id}/shipmentConfirmation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ marketplaceId: DE, codCollectionMethod: 'DirectPayment', packageDetail: good() }),
    });
    expect(cod.json.errors[0]?.message).toMatch(/only supported in the JP marketplace/);
  });

  it("accepts 'Other' with a carrier name and stores that name as the package carrier", async () => {
    const res = await confirm(id, { ...good(), carrierCode: 'Other', carrierName: 'Kurier Müller' });
    expect(res.status).toBe(204);
    expect(s.sandbox.getOrder(id).packages?.[0]?.carrier).toBe('Kurier Müller');
  });
});
