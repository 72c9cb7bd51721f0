import Big from 'big.js';
import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { describe, expect, it } from 'vitest';
import { generateOrderBatch } from './generate-orders.js';
import { MARKETPLACES } from './marketplace-catalog.js';

const orders: Order[] = generateOrderBatch(
  { count: 3000, statuses: { PENDING: 1, UNSHIPPED: 3, PARTIALLY_SHIPPED: 1, SHIPPED: 3, CANCELLED: 1 } },
  {
    sellerId: 'S1',
    sellerMarketplaceIds: MARKETPLACES.map((m) => m.id),
    nowMs: Date.parse('2026-03-01T12:00:00Z'),
    seed: 11,
    taken: () => false,
  },
).map((s) => s.order);

const items = orders.flatMap((o) => o.orderItems);
const some = (predicate: (o: Order) => boolean): number => orders.filter(predicate).length;
const detail = (o: Order, type: string, subtype: string): boolean =>
  o.orderItems.some((i) =>
    i.proceeds?.breakdowns?.some((b) => b.type === type && b.detailedBreakdowns?.some((d) => d.subtype === subtype)),
  );
const names = orders.flatMap((o) => [o.buyer?.buyerName ?? '', o.recipient?.deliveryAddress?.name ?? '']);

describe('generated order mix', () => {
  it.each([
    ['every status', () => new Set(orders.map((o) => o.fulfillment?.fulfillmentStatus)).size === 5],
    [
      'EU/UK and US/CA/JP marketplaces',
      () =>
        ['A1PA6795UKMFR9', 'A1F83G8C2ARO7P', 'ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1VC38T7YXB528'].every(
          (id) => some((o) => o.salesChannel.marketplaceId === id) > 0,
        ),
    ],
    ['quantity > 1', () => items.some((i) => i.quantityOrdered > 1)],
    ['1 to 5 lines', () => new Set(orders.map((o) => o.orderItems.length)).size === 5],
    [
      'promotions with promotionIds',
      () =>
        some(
          (o) => detail(o, 'DISCOUNT', 'ITEM') && o.orderItems.some((i) => (i.promotion?.breakdowns?.length ?? 0) > 0),
        ) > 10,
    ],
    ['shipping discounts', () => some((o) => detail(o, 'DISCOUNT', 'SHIPPING')) > 10],
    [
      'free shipping (discount = shipping)',
      () =>
        items.some((i) => {
          const ship = i.proceeds?.breakdowns?.find((b) => b.type === 'SHIPPING')?.subtotal.amount;
          const off = i.proceeds?.breakdowns
            ?.find((b) => b.type === 'DISCOUNT')
            ?.detailedBreakdowns?.find((d) => d.subtype === 'SHIPPING')?.value?.amount;
          return ship !== undefined && off !== undefined && new Big(ship).plus(off).eq(0);
        }),
    ],
    [
      'gift wrap with tax and message',
      () =>
        some(
          (o) =>
            detail(o, 'TAX', 'GIFT_WRAP') && o.orderItems.some((i) => i.fulfillment?.packing?.giftOption?.giftMessage),
        ) > 0,
    ],
    [
      'COD fee with COD payment',
      () =>
        some(
          (o) => detail(o, 'TAX', 'COD_FEE') && o.payment?.paymentExecutions?.[0]?.paymentMethod === 'CashOnDelivery',
        ) > 0,
    ],
    [
      'business orders with buyer VAT id',
      () =>
        some(
          (o) =>
            !!o.programs?.includes('AMAZON_BUSINESS') &&
            !!o.buyer?.buyerCompanyName &&
            /^[A-Z]{2}\d{9}$/.test(o.tax?.taxRegistrations?.[0]?.taxRegistrationNumber ?? ''),
        ) > 0,
    ],
    ['purchase order numbers', () => some((o) => !!o.buyer?.buyerPurchaseOrderNumber) > 0],
    ['PRIME', () => some((o) => !!o.programs?.includes('PRIME')) > 0],
    [
      'replacements with zero totals',
      () =>
        some(
          (o) =>
            o.associatedOrders?.[0]?.associationType === 'REPLACEMENT_ORIGINAL_ID' &&
            (o.proceeds === undefined || new Big(o.proceeds.grandTotal?.amount ?? '1').eq(0)),
        ) > 0,
    ],
    [
      'FBA and FBM',
      () =>
        some((o) => o.fulfillment?.fulfilledBy === 'AMAZON') > 0 &&
        some((o) => o.fulfillment?.fulfilledBy === 'MERCHANT') > 0,
    ],
    [
      'US marketplace facilitator',
      () => items.some((i) => i.tax?.taxCollections?.[0]?.responsibleParty === 'Amazon Services, Inc.'),
    ],
    [
      'IOSS with number and UOSS',
      () =>
        items.some(
          (i) =>
            i.tax?.taxCalculationBreakdowns?.[0]?.reportingScheme === 'IOSS' &&
            i.fulfillment?.shipping?.internationalShipping?.iossNumber,
        ) && items.some((i) => i.tax?.taxCalculationBreakdowns?.[0]?.reportingScheme === 'UOSS'),
    ],
    [
      'UK deemed supplier only up to £135',
      () =>
        some((o) => o.orderItems.some((i) => i.tax?.taxCollections?.[0]?.responsibleParty?.includes('UK Branch'))) >
          0 &&
        orders.every(
          (o) =>
            !o.orderItems.some((i) => i.tax?.taxCollections?.[0]?.responsibleParty?.includes('UK Branch')) ||
            o.proceeds === undefined ||
            new Big(o.proceeds.grandTotal?.amount ?? '0').lte(135),
        ),
    ],
    [
      'seller-fulfilled orders without phone or e-mail',
      () =>
        some((o) => o.fulfillment?.fulfilledBy === 'MERCHANT' && !!o.recipient && !o.recipient.deliveryAddress?.phone) >
          0 &&
        some(
          (o) =>
            o.fulfillment?.fulfilledBy === 'MERCHANT' &&
            o.fulfillment.fulfillmentStatus === 'UNSHIPPED' &&
            !o.buyer?.buyerEmail,
        ) > 0,
    ],
    [
      'Japanese, Greek, Cyrillic and Arabic names',
      () =>
        [/\p{Script=Han}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u].every((re) =>
          names.some((n) => re.test(n)),
        ),
    ],
    ['one-word names', () => names.some((n) => n !== '' && !n.includes(' '))],
    [
      'address lines 2 and 3, commercial addresses',
      () =>
        some((o) => !!o.recipient?.deliveryAddress?.addressLine2) > 0 &&
        some((o) => !!o.recipient?.deliveryAddress?.addressLine3) > 0 &&
        some((o) => o.recipient?.deliveryAddress?.addressType === 'COMMERCIAL') > 0,
    ],
    ['buyer cancel requests', () => items.some((i) => i.cancellation?.cancellationRequest?.requester === 'BUYER')],
    [
      'cancellations by buyer, merchant and Amazon',
      () => new Set(items.map((i) => i.cancellation?.cancellationExecution?.cancelledBy).filter(Boolean)).size === 3,
    ],
    [
      'packages on shipped FBM orders',
      () =>
        orders
          .filter((o) => o.fulfillment?.fulfillmentStatus === 'SHIPPED' && o.fulfillment.fulfilledBy === 'MERCHANT')
          .every((o) => (o.packages?.length ?? 0) > 0),
    ],
  ])('includes %s', (_name, check) => {
    expect(check()).toBe(true);
  });

  it('ships PARTIALLY_SHIPPED orders partly and SHIPPED orders fully', () => {
    for (const o of orders) {
      const shipped = o.orderItems.reduce((n, i) => n + (i.fulfillment?.quantityFulfilled ?? 0), 0);
      const total = o.orderItems.reduce((n, i) => n + i.quantityOrdered, 0);
      if (o.fulfillment?.fulfillmentStatus === 'SHIPPED') expect(shipped).toBe(total);
      if (o.fulfillment?.fulfillmentStatus === 'PARTIALLY_SHIPPED') expect(shipped > 0 && shipped < total).toBe(true);
      if (o.fulfillment?.fulfillmentStatus === 'UNSHIPPED') expect(shipped).toBe(0);
    }
  });
});
