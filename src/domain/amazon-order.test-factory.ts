import type { AmazonOrder, AmazonOrderItem, AmountWithTax } from './amazon-order.js';
import type { ItemMoneyInput } from './order-money-items.js';

/** Test-only builders for version-neutral Amazon orders (used by the domain unit tests). */

export const amt = (amount: string, tax = '0.00'): AmountWithTax => ({ amount, tax });
const none = (): AmountWithTax => amt('0.00', '0.00');

export function itemMoney(overrides: Partial<ItemMoneyInput> = {}): ItemMoneyInput {
  return {
    item: none(),
    shipping: none(),
    giftWrap: none(),
    codFee: none(),
    other: none(),
    promotionDiscount: none(),
    shippingDiscount: none(),
    ...overrides,
  };
}

export function amazonItem(overrides: Partial<AmazonOrderItem> = {}): AmazonOrderItem {
  return {
    orderItemId: '10000000000001',
    asin: 'B000000001',
    sellerSku: 'SKU-1',
    title: 'Widget',
    quantityOrdered: 1,
    quantityShipped: 0,
    unitPrice: null,
    money: itemMoney(),
    taxCollectedByAmazon: false,
    taxReportingScheme: null,
    iossNumber: null,
    promotionIds: [],
    buyerCancelRequested: false,
    buyerCancelReason: null,
    cancelledBy: null,
    isGift: false,
    giftMessage: null,
    giftWrapLevel: null,
    condition: 'New',
    conditionNote: null,
    priceDesignation: null,
    serialNumbers: [],
    ...overrides,
  };
}

export function amazonOrder(overrides: Partial<AmazonOrder> = {}): AmazonOrder {
  return {
    amazonOrderId: '902-1845936-5435065',
    sellerOrderId: null,
    marketplaceId: 'ATVPDKIKX0DER',
    marketplaceName: 'Amazon.com',
    createdTime: '2026-01-01T10:00:00Z',
    lastUpdatedTime: '2026-01-01T10:05:00Z',
    status: 'UNSHIPPED',
    fulfillmentChannel: 'MFN',
    serviceLevel: 'Std US D2D Dom',
    currency: 'USD',
    amazonTotal: null,
    programs: [],
    isPrime: false,
    isBusiness: false,
    isReplacement: false,
    replacedOrderId: null,
    paymentMethod: 'Other',
    earliestShipDate: null,
    latestShipDate: null,
    earliestDeliveryDate: null,
    latestDeliveryDate: null,
    buyer: null,
    shippingAddress: null,
    items: [amazonItem()],
    warnings: [],
    ...overrides,
  };
}
