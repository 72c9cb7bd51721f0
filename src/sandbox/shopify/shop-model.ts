/** The sandbox's stored records (Shopify's resources as the sandbox keeps them; ids are numbers). */
export interface Attribute {
  key: string;
  value: string;
}

export interface TaxLineRecord {
  title: string;
  /** Decimal fraction, e.g. "0.19". */
  rate: string;
  /** Tax amount of the whole line (not per unit), shop currency. */
  amount: string;
  channelLiable: boolean | null;
}

export interface VariantRecord {
  id: number;
  productId: number;
  productTitle: string;
  title: string;
  sku: string;
  barcode: string | null;
  price: string;
  inventoryItemId: number;
  tracked: boolean;
  /** inventoryPolicy: DENY refuses DECREMENT_OBEYING_POLICY beyond stock. */
  inventoryPolicy: 'DENY' | 'CONTINUE';
  metafields: MetafieldRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface LevelRecord {
  available: number;
  committed: number;
  updatedAt: string;
}

export interface LocationRecord {
  id: number;
  name: string;
  isPrimary: boolean;
}

export interface MetafieldRecord {
  id: number;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface MetafieldDefinitionRecord {
  id: number;
  ownerType: string;
  namespace: string;
  key: string;
  name: string;
  type: string;
  /** `id` type definitions always enforce unique values. */
  unique: boolean;
}

export interface LineItemRecord {
  id: number;
  variantId: number | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendor: string | null;
  quantity: number;
  unitPrice: string;
  taxLines: TaxLineRecord[];
  properties: { name: string; value: string }[];
  requiresShipping: boolean;
  taxable: boolean;
  /** Fulfillment-order line (one fulfillment order per order in the sandbox). */
  fulfillmentOrderLineItemId: number;
}

export interface ShippingLineRecord {
  id: number;
  title: string;
  code: string | null;
  source: string | null;
  price: string;
  taxLines: TaxLineRecord[];
}

export interface TransactionRecord {
  id: number;
  kind: string;
  status: string;
  amount: string;
  gateway: string;
  processedAt: string;
}

export interface FulfillmentRecord {
  id: number;
  status: 'SUCCESS' | 'CANCELLED';
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  createdAt: string;
  updatedAt: string;
  lines: { id: number; lineItemId: number; quantity: number }[];
}

export interface OrderTotals {
  subtotal: string;
  shipping: string;
  tax: string;
  total: string;
}

export interface OrderRecord {
  id: number;
  number: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  currency: string;
  taxesIncluded: boolean;
  test: boolean;
  email: string | null;
  phone: string | null;
  note: string | null;
  tags: string[];
  sourceName: string | null;
  sourceIdentifier: string | null;
  customAttributes: Attribute[];
  metafields: MetafieldRecord[];
  lineItems: LineItemRecord[];
  shippingLines: ShippingLineRecord[];
  /** Order-level tax lines as sent (only when the lines carry none). */
  orderTaxLines: TaxLineRecord[];
  transactions: TransactionRecord[];
  totals: OrderTotals;
  financialStatus: string;
  fulfillments: FulfillmentRecord[];
  fulfillmentOrderId: number;
  locationId: number;
  /** Stock this order took (DECREMENT_*): returned by a restocking cancel. */
  decremented: boolean;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** An orderCancel job is running for this order. */
  cancelJobId: string | null;
  closedAt: string | null;
  shippingAddress: Record<string, unknown> | null;
  billingAddress: Record<string, unknown> | null;
}

export interface JobRecord {
  id: string;
  doneAtMs: number;
  done: boolean;
  run: () => void;
}
