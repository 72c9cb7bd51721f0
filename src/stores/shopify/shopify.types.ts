/** Shapes of the Admin API answers the connector reads (shopify.documents.ts selects them). */
export interface ShopifyVariant {
  id: string;
  sku: string | null;
  barcode: string | null;
  title: string;
  displayName: string;
  product: { title: string };
  inventoryItem: {
    id: string;
    tracked: boolean;
    inventoryLevel: { quantities: { name: string; quantity: number }[] } | null;
  };
}

export interface ShopifyAttribute {
  key: string;
  value: string | null;
}

export interface ShopifyPolledLine {
  id: string;
  sku: string | null;
  quantity?: number;
  customAttributes: ShopifyAttribute[];
}

export interface ShopifyPolledFulfillment {
  id: string;
  status: string;
  createdAt: string;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  fulfillmentLineItems: { nodes: { quantity: number | null; lineItem: ShopifyPolledLine }[] };
}

export interface ShopifyPolledOrder {
  id: string;
  name: string;
  updatedAt: string;
  cancelledAt: string | null;
  customAttributes: ShopifyAttribute[];
  /** The order's lines (id, quantity): a fulfilment of all of them ships "every unshipped item". */
  lineItems?: { nodes: { id: string; quantity?: number }[] };
  fulfillments: ShopifyPolledFulfillment[];
}

/** An order as the poll's first (cheap) query lists it. */
export interface ShopifyChangedOrder {
  id: string;
  updatedAt: string;
  cancelledAt: string | null;
  customAttributes: ShopifyAttribute[];
  fulfillments: { id: string; status: string }[];
}

export interface ShopifyOrderRef {
  id: string;
  name: string;
  legacyResourceId: string;
}

export interface ShopifyUserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}
