import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeOrderMoney } from '../domain/order-money.js';
import { adaptOrder } from './order-adapter.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/amazon/${name}`, import.meta.url), 'utf8')) as unknown;
const example = (): Record<string, unknown> =>
  structuredClone((fixture('orders_2026-01-01.getOrder.example.json') as { order: Record<string, unknown> }).order);
const staticCases = fixture('orders_2026-01-01.sandbox-static-cases.json') as Array<{
  status: number;
  response: { orders?: unknown[]; order?: unknown };
}>;

describe('adaptOrder (Orders API v2026-01-01 → AmazonOrder)', () => {
  it("maps Amazon's example order: per-unit price × quantity, tax per component, flags", () => {
    const r = adaptOrder(example());
    if (!r.ok) throw r.error;
    const o = r.value;
    expect(o).toMatchObject({
      amazonOrderId: '202-1234567-8901234',
      status: 'SHIPPED',
      fulfillmentChannel: 'MFN',
      currency: 'GBP',
      amazonTotal: '103.97',
      isPrime: true,
      sellerOrderId: 'UK-MERCHANT-ORDER-2024-001',
    });
    const item = o.items[0];
    expect(item?.unitPrice).toBe('29.99');
    expect(item?.money?.item).toEqual({ amount: '89.97', tax: '3' });
    expect(item?.money?.shipping).toEqual({ amount: '10', tax: '1' });
    expect(item?.quantityShipped).toBe(3);
    expect(item?.isGift).toBe(true);
    expect(item?.iossNumber).toBe('IM1234567890');
    expect(o.shippingAddress?.addressLine3).toBeNull(); // Amazon's "" is no line
    expect(o.shippingAddress?.addressType).toBe('COMMERCIAL');
  });

  it('a net (tax-exclusive) reading of the example reproduces its grand total to the cent', () => {
    const r = adaptOrder(example());
    if (!r.ok) throw r.error;
    const money = computeOrderMoney(r.value, { taxIncluded: false, ignoreAmazonTax: false, facilitatorTax: 'keep' });
    expect(money.totals.gross).toBe('103.97');
    expect(money.totals.adjustment).toBe('0.00');
  });

  it("maps every order of Amazon's static sandbox cases", () => {
    const orders = staticCases.filter((c) => c.status === 200).flatMap((c) => c.response.orders ?? [c.response.order]);
    expect(orders.length).toBeGreaterThanOrEqual(6);
    for (const raw of orders) {
      const r = adaptOrder(raw);
      if (!r.ok) throw r.error;
      expect(r.value.items.length).toBeGreaterThan(0);
    }
  });

  it('turns discounts into positive amounts and shares the tax on discounts by amount', () => {
    const order = example();
    const item = (order.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    const m = (amount: string) => ({ amount, currencyCode: 'GBP' });
    item.proceeds = {
      breakdowns: [
        { type: 'ITEM', subtotal: m('89.97') },
        { type: 'SHIPPING', subtotal: m('10.00') },
        {
          type: 'DISCOUNT',
          subtotal: m('-15.00'),
          detailedBreakdowns: [
            { subtype: 'ITEM', value: m('-10.00') },
            { subtype: 'SHIPPING', value: m('-5.00') },
          ],
        },
        {
          type: 'TAX',
          subtotal: m('13.00'),
          detailedBreakdowns: [
            { subtype: 'ITEM', value: m('14.00') },
            { subtype: 'DISCOUNT', value: m('-1.00') },
          ],
        },
        { type: 'SURCHARGE', subtotal: m('2.00') },
      ],
    };
    const r = adaptOrder(order);
    if (!r.ok) throw r.error;
    const money = r.value.items[0]?.money;
    expect(money?.promotionDiscount).toEqual({ amount: '10', tax: '0.67' });
    expect(money?.shippingDiscount).toEqual({ amount: '5', tax: '0.33' });
    expect(money?.other.amount).toBe('2');
    expect(r.value.warnings.join(' ')).toContain('SURCHARGE');
  });

  it('fails one order with a specific error for an unknown status, a bad decimal or a missing field', () => {
    const unknown = example();
    (unknown.fulfillment as Record<string, unknown>).fulfillmentStatus = 'ON_HOLD_NEW';
    const a = adaptOrder(unknown);
    expect(!a.ok && a.error.code).toBe('amazon_order_unknown_status');
    expect(!a.ok && a.error.message).toContain('ON_HOLD_NEW');

    const badMoney = example();
    (badMoney.proceeds as { grandTotal: { amount: string } }).grandTotal.amount = '103,97';
    const b = adaptOrder(badMoney);
    expect(!b.ok && b.error.code).toBe('amazon_order_malformed');
    expect(!b.ok && b.error.message).toContain('proceeds.grandTotal.amount');

    const noItems = example();
    delete noItems.orderItems;
    const c = adaptOrder(noItems);
    expect(!c.ok && c.error.message).toContain('orderItems');
    expect(adaptOrder('not an order').ok).toBe(false);
  });

  it('handles missing optional blocks: no buyer, recipient, proceeds; unknown program kept', () => {
    const order = example();
    delete order.buyer;
    delete order.recipient;
    delete order.proceeds;
    delete (order.orderItems as Array<Record<string, unknown>>)[0]?.proceeds;
    order.programs = ['PRIME', 'SOMETHING_NEW'];
    const r = adaptOrder(order);
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({ buyer: null, shippingAddress: null, amazonTotal: null, currency: 'GBP' });
    expect(r.value.items[0]?.money).toBeNull();
    expect(r.value.programs).toContain('SOMETHING_NEW');
  });

  it('marks marketplace-facilitator and IOSS items as tax collected by Amazon, and business buyers with their VAT id', () => {
    const order = example();
    const item = (order.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    item.tax = { taxCollections: [{ model: 'MARKETPLACE_FACILITATOR', responsibleParty: 'Amazon Services, Inc.' }] };
    order.programs = ['AMAZON_BUSINESS'];
    order.tax = {
      taxRegistrations: [{ entityType: 'BUYER', taxRegistrationType: 'VAT', taxRegistrationNumber: 'GB123456789' }],
    };
    order.associatedOrders = [{ orderId: '202-0000000-0000000', associationType: 'REPLACEMENT_ORIGINAL_ID' }];
    const r = adaptOrder(order);
    if (!r.ok) throw r.error;
    expect(r.value.items[0]?.taxCollectedByAmazon).toBe(true);
    expect(r.value).toMatchObject({ isBusiness: true, isReplacement: true, replacedOrderId: '202-0000000-0000000' });
    expect(r.value.buyer?.taxRegistrationId).toBe('GB123456789');
  });

  it('maps AFN, a buyer cancel request, UOSS items; a missing fulfilledBy is MFN with a warning', () => {
    const order = example();
    const item = (order.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    item.cancellation = { cancellationRequest: { requester: 'BUYER', cancelReason: 'Ordered by mistake' } };
    item.tax = { taxCalculationBreakdowns: [{ reportingScheme: 'UOSS' }] };
    (order.fulfillment as Record<string, unknown>).fulfilledBy = 'AMAZON';
    const afn = adaptOrder(order);
    if (!afn.ok) throw afn.error;
    expect(afn.value.fulfillmentChannel).toBe('AFN');
    expect(afn.value.items[0]).toMatchObject({
      buyerCancelRequested: true,
      buyerCancelReason: 'Ordered by mistake',
      taxCollectedByAmazon: true,
      taxReportingScheme: 'UOSS',
    });
    expect(afn.value.warnings).toEqual([]);

    delete (order.fulfillment as Record<string, unknown>).fulfilledBy;
    const missing = adaptOrder(order);
    if (!missing.ok) throw missing.error;
    expect(missing.value.fulfillmentChannel).toBe('MFN');
    expect(missing.value.warnings).toEqual(['fulfilledBy "(missing)" treated as MERCHANT']);
  });

  it('names the field path of a bad decimal or a wrong type inside an item', () => {
    const badAmount = example();
    const item = (badAmount.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    (item.proceeds as { breakdowns: Array<{ subtotal: { amount: string } }> }).breakdowns[0]!.subtotal.amount = 'abc';
    const a = adaptOrder(badAmount);
    expect(!a.ok && a.error.code).toBe('amazon_order_malformed');
    expect(!a.ok && a.error.message).toContain('orderItems.0.proceeds.breakdowns.0.subtotal.amount');
    expect(!a.ok && a.error.message).toContain('202-1234567-8901234');

    const badQuantity = example();
    ((badQuantity.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>).quantityOrdered = '3';
    const q = adaptOrder(badQuantity);
    expect(!q.ok && q.error.details.issues).toEqual([
      expect.objectContaining({ path: 'orderItems.0.quantityOrdered' }),
    ]);

    const noProduct = example();
    delete ((noProduct.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>).product;
    const p = adaptOrder(noProduct);
    expect(!p.ok && p.error.message).toContain('orderItems.0.product');
  });

  it('finds the currency without a grand total, and has none without any money', () => {
    const order = example();
    delete order.proceeds;
    const item = (order.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    delete (item.product as Record<string, unknown>).price;
    const r = adaptOrder(order);
    expect(r.ok && r.value.currency).toBe('GBP');
    delete item.proceeds;
    const none = adaptOrder(order);
    expect(none.ok && none.value.currency).toBeNull();
    expect(none.ok && none.value.items[0]?.money).toBeNull();
  });

  it('defaults what an item without fulfillment, promotion or cancellation blocks does not say', () => {
    const order = example();
    const item = (order.orderItems as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
    delete item.fulfillment;
    delete item.promotion;
    delete item.cancellation;
    const r = adaptOrder(order);
    if (!r.ok) throw r.error;
    expect(r.value.items[0]).toMatchObject({
      quantityShipped: 0,
      isGift: false,
      giftMessage: null,
      iossNumber: null,
      promotionIds: [],
      buyerCancelRequested: false,
      cancelledBy: null,
    });
  });

  it('an order without its fulfillment block has no status: a specific error for that order', () => {
    const order = example();
    delete order.fulfillment;
    const r = adaptOrder(order);
    expect(!r.ok && r.error.code).toBe('amazon_order_malformed');
    expect(!r.ok && r.error.message).toContain('fulfillment.fulfillmentStatus');
    expect(adaptOrder(example()).ok).toBe(true);
  });
});
