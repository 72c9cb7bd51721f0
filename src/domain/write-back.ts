/** Store-side facts that must reach Amazon (PRODUCT.md §7), as stored. */
export interface ShipmentItemQuantity {
  orderItemId: string;
  quantity: number;
}

export type ShipmentState = 'pending' | 'confirmed' | 'invalid' | 'failed';

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

export type CancellationState = 'pending' | 'submitted' | 'applied' | 'failed';

export interface Cancellation {
  id: string;
  orderId: string;
  connectionId: string;
  storeId: string;
  storeRef: string;
  items: ShipmentItemQuantity[];
  reason: string;
  state: CancellationState;
  feedId: string | null;
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
