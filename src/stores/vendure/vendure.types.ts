/** The slices of Vendure Admin API objects the connector selects (vendure.queries.ts). */
export interface VendureOrder {
  id: string;
  code: string;
  state: string;
  updatedAt: string;
  totalWithTax: number;
  currencyCode: string;
  customFields: { orderBridgeOrderId: string | null; amazonOrderId: string | null };
}

export interface VendureFulfillment {
  id: string;
  state: string;
  method: string;
  trackingCode: string | null;
  createdAt: string;
  updatedAt: string;
  lines: { orderLineId: string; quantity: number }[];
}

export interface VendurePolledOrder extends VendureOrder {
  fulfillments: VendureFulfillment[] | null;
  lines: {
    id: string;
    quantity: number;
    productVariant: { sku: string } | null;
    customFields: { amazonOrderItemId: string | null };
  }[];
}

export interface VendureVariant {
  id: string;
  sku: string;
  name: string;
  trackInventory: string;
  stockLevels: { stockOnHand: number; stockAllocated: number }[];
  customFields?: Record<string, unknown>;
}
