/**
 * OrderBridge's version-neutral view of an Amazon order. `src/amazon/order-adapter.ts` builds it
 * from an Orders API v2026-01-01 order; nothing outside `src/amazon/` sees Amazon's shapes.
 *
 * Money fields are decimal strings in the order's currency (never floats). Absent = "0.00"-like zero.
 * Discounts are stored as NON-NEGATIVE amounts to subtract (Amazon sends them negative).
 */

export type AmazonOrderStatus =
  'PENDING_AVAILABILITY' | 'PENDING' | 'UNSHIPPED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED' | 'UNFULFILLABLE';

export const AMAZON_ORDER_STATUSES: readonly AmazonOrderStatus[] = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
];

/** MFN = merchant fulfilled (FBM), AFN = fulfilled by Amazon (FBA). */
export type FulfillmentChannel = 'MFN' | 'AFN';

/** One money component of a line as Amazon reports it: the line total and the tax on it. */
export interface AmountWithTax {
  amount: string;
  tax: string;
}

export interface AmazonOrderItemMoney {
  /** ITEM subtotal = unit price × quantity (line total, not per unit). */
  item: AmountWithTax;
  shipping: AmountWithTax;
  giftWrap: AmountWithTax;
  codFee: AmountWithTax;
  /** COD fee discount (non-negative amount to subtract); absent when Amazon sends none. */
  codFeeDiscount?: AmountWithTax;
  /** Anything Amazon classes as OTHER. */
  other: AmountWithTax;
  /** Promotion discount on the item (non-negative amount to subtract, with its tax). */
  promotionDiscount: AmountWithTax;
  /** Shipping discount (non-negative amount to subtract, with its tax). */
  shippingDiscount: AmountWithTax;
}

export interface AmazonOrderItem {
  orderItemId: string;
  asin: string | null;
  sellerSku: string | null;
  title: string | null;
  quantityOrdered: number;
  quantityShipped: number;
  /** Amazon's per-unit price, when sent (absent while the order is Pending). */
  unitPrice: string | null;
  /** null while Amazon withholds prices (Pending orders). */
  money: AmazonOrderItemMoney | null;
  /** True when Amazon collects and remits the tax of this item (marketplace facilitator, IOSS/UOSS deemed reseller). */
  taxCollectedByAmazon: boolean;
  taxReportingScheme: 'IOSS' | 'UOSS' | null;
  iossNumber: string | null;
  promotionIds: string[];
  buyerCancelRequested: boolean;
  buyerCancelReason: string | null;
  /** Who cancelled the item, when Amazon says so. */
  cancelledBy: 'BUYER' | 'MERCHANT' | 'AMAZON' | null;
  isGift: boolean;
  giftMessage: string | null;
  giftWrapLevel: string | null;
  condition: string | null;
  conditionNote: string | null;
  priceDesignation: string | null;
  serialNumbers: string[];
}

export interface AmazonAddress {
  name: string | null;
  companyName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  addressLine3: string | null;
  city: string | null;
  districtOrCounty: string | null;
  stateOrRegion: string | null;
  municipality: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phone: string | null;
  addressType: 'RESIDENTIAL' | 'COMMERCIAL' | null;
}

export interface AmazonBuyer {
  name: string | null;
  email: string | null;
  companyName: string | null;
  purchaseOrderNumber: string | null;
  /** Buyer tax registration (VAT id etc.) from order.tax.taxRegistrations with entityType BUYER. */
  taxRegistrationId: string | null;
  taxRegistrationType: string | null;
}

export type AmazonProgram =
  | 'PRIME'
  | 'AMAZON_BUSINESS'
  | 'PREMIUM'
  | 'IN_STORE_PICK_UP'
  | 'INVOICE_BY_AMAZON'
  | 'PREORDER'
  | 'AMAZON_EASY_SHIP'
  | 'DELIVERY_BY_AMAZON'
  | 'FBM_SHIP_PLUS'
  | 'AMAZON_BAZAAR'
  | 'AMAZON_HAUL'
  | (string & {});

export interface AmazonOrder {
  amazonOrderId: string;
  sellerOrderId: string | null;
  marketplaceId: string;
  marketplaceName: string | null;
  createdTime: string;
  lastUpdatedTime: string;
  status: AmazonOrderStatus;
  fulfillmentChannel: FulfillmentChannel;
  serviceLevel: string | null;
  /** Currency of the order (from grandTotal, else the first money value, else null). */
  currency: string | null;
  /** Amazon's grand total, null when Amazon sends none (Pending, some replacements). */
  amazonTotal: string | null;
  programs: AmazonProgram[];
  isPrime: boolean;
  isBusiness: boolean;
  isReplacement: boolean;
  replacedOrderId: string | null;
  paymentMethod: string | null;
  earliestShipDate: string | null;
  latestShipDate: string | null;
  earliestDeliveryDate: string | null;
  latestDeliveryDate: string | null;
  buyer: AmazonBuyer | null;
  shippingAddress: AmazonAddress | null;
  items: AmazonOrderItem[];
  /** Non-fatal oddities the adapter noticed (unknown enum values etc.), shown on the timeline. */
  warnings: string[];
}
