import type { AmazonAddress, AmazonBuyer, AmazonOrderStatus, FulfillmentChannel } from './amazon-order.js';

/** Directions of a timeline event (Koongo calls the timeline "Communications"). */
export type EventDirection = 'amazon_to_hub' | 'hub_to_store' | 'store_to_hub' | 'hub_to_amazon' | 'internal';

export interface OrderFlags {
  prime: boolean;
  business: boolean;
  replacement: boolean;
  replacedOrderId: string | null;
  gift: boolean;
  buyerCancelRequested: boolean;
  programs: string[];
  paymentMethod: string | null;
  serviceLevel: string | null;
  latestShipDate: string | null;
  latestDeliveryDate: string | null;
  iossNumbers: string[];
}

/** One stored line of an order: an Amazon item or a charge derived from it (shipping, discount, …). */
export interface OrderLine {
  amazonOrderItemId: string;
  kind: string;
  sellerSku: string | null;
  croppedSku: string | null;
  asin: string | null;
  title: string;
  productRef: string | null;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
  unitNet: string;
  unitGross: string;
  lineNet: string;
  lineTax: string;
  lineGross: string;
  taxRate: string | null;
  position: number;
  data: Record<string, unknown>;
}

export interface OrderTotals {
  net: string | null;
  tax: string | null;
  gross: string | null;
  excludedTax: string | null;
  adjustment: string | null;
  amazonTotal: string | null;
}

/** OrderBridge's copy of an Amazon order. */
export interface Order {
  id: string;
  connectionId: string;
  amazonOrderId: string;
  sellerOrderId: string | null;
  marketplaceId: string;
  amazonStatus: AmazonOrderStatus | null;
  status: string;
  fulfillmentChannel: FulfillmentChannel | null;
  createdTime: string | null;
  lastUpdatedTime: string | null;
  currency: string | null;
  totals: OrderTotals;
  buyer: AmazonBuyer | null;
  shippingAddress: AmazonAddress | null;
  flags: OrderFlags | null;
  raw: unknown;
  contentHash: string | null;
  skipReason: string | null;
  holdReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  storeState: string | null;
  storeOrderRef: string | null;
  importedAt: string;
  updatedAt: string;
  /** When buyer personal data was removed (retention); absent on orders not read from the database. */
  personalDataPurgedAt?: string | null;
}

export interface OrderEvent {
  id: string;
  orderId: string;
  connectionId: string;
  occurredAt: string;
  direction: EventDirection;
  kind: string;
  summary: string;
  payload: unknown;
}
