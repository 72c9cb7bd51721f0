/** Store-side facts that must reach Amazon (PRODUCT.md §7), as stored. */
export interface ShipmentItemQuantity {
  orderItemId: string;
  quantity: number;
}

/** `not_sent`: kept on the order but not for Amazon (an FBA order: Amazon fulfils it itself). */
export type ShipmentState = 'pending' | 'confirmed' | 'invalid' | 'failed' | 'not_sent';

export interface Shipment {
  id: string;
  orderId: string;
  connectionId: string;
  storeId: string;
  storeRef: string;
  carrierCode: string;
  carrierName: string | null;
  shippingMethod: string | null;
  trackingNumber: string | null;
  shipDate: string;
  items: ShipmentItemQuantity[];
  packageReferenceId: string;
  state: ShipmentState;
  attempts: number;
  lastError: string | null;
  confirmedAt: string | null;
  createdAt: string;
}

/** `not_sent`: kept on the order but not for Amazon (an FBA order: Amazon fulfils it itself). */
export type CancellationState = 'pending' | 'submitted' | 'applied' | 'failed' | 'not_sent';

export interface Cancellation {
  id: string;
  orderId: string;
  connectionId: string;
  storeId: string;
  storeRef: string;
  items: ShipmentItemQuantity[];
  reason: string;
  state: CancellationState;
  /** OrderBridge's feed record that carried it. */
  feedId: string | null;
  /** The feed id Amazon returned for that feed (what Seller Central and Amazon support know). */
  amazonFeedId: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface StockLevel {
  connectionId: string;
  amazonSku: string;
  productRef: string;
  storeAvailable: number | null;
  mfn: boolean;
  pushedQuantity: number | null;
  pushedAt: string | null;
  lastError: string | null;
}
