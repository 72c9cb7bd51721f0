/** The sandbox's stored shapes (its "database"); the REST views are built from these in *-view.ts. */

export interface MetaEntry {
  id: number;
  key: string;
  value: unknown;
}

export type ProductType = 'simple' | 'variable' | 'variation';
export type TaxStatus = 'taxable' | 'shipping' | 'none';

export interface ProductRecord {
  id: number;
  /** 0 for products; the variable product's id for variations. */
  parentId: number;
  type: ProductType;
  name: string;
  sku: string;
  globalUniqueId: string;
  regularPrice: string;
  taxStatus: TaxStatus;
  /** '' = standard; e.g. 'reduced-rate', 'zero-rate'. */
  taxClass: string;
  manageStock: boolean;
  stockQuantity: number | null;
  /** Used when manageStock is false. */
  stockStatus: 'instock' | 'outofstock' | 'onbackorder';
  /** Products: [{name, options}]; variations: [{name, option}]. */
  attributes: { id: number; name: string; options?: string[]; option?: string }[];
  meta: MetaEntry[];
  variationIds: number[];
  createdMs: number;
  modifiedMs: number;
}

export interface TaxShare {
  id: number;
  total: string;
  subtotal: string;
}

export interface LineItemRecord {
  id: number;
  name: string;
  productId: number;
  variationId: number;
  quantity: number;
  taxClass: string;
  taxable: boolean;
  subtotal: string;
  total: string;
  subtotalTax: string;
  totalTax: string;
  taxes: TaxShare[];
  sku: string;
  meta: MetaEntry[];
}

export interface ShippingLineRecord {
  id: number;
  methodTitle: string;
  methodId: string;
  total: string;
  totalTax: string;
  taxes: TaxShare[];
  meta: MetaEntry[];
}

export interface FeeLineRecord {
  id: number;
  name: string;
  taxClass: string;
  taxStatus: 'taxable' | 'none';
  total: string;
  totalTax: string;
  taxes: TaxShare[];
  meta: MetaEntry[];
}

export interface TaxLineRecord {
  id: number;
  rateId: number;
  rateCode: string;
  label: string;
  rate: string;
  taxTotal: string;
  shippingTaxTotal: string;
}

export type Address = Record<string, string>;

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'trash',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderNoteRecord {
  id: number;
  note: string;
  customerNote: boolean;
  addedByUser: boolean;
  createdMs: number;
}

export interface OrderRecord {
  id: number;
  orderKey: string;
  status: OrderStatus;
  currency: string;
  createdMs: number;
  modifiedMs: number;
  paidMs: number | null;
  completedMs: number | null;
  customerNote: string;
  paymentMethod: string;
  paymentMethodTitle: string;
  transactionId: string;
  billing: Address;
  shipping: Address;
  lineItems: LineItemRecord[];
  shippingLines: ShippingLineRecord[];
  feeLines: FeeLineRecord[];
  taxLines: TaxLineRecord[];
  meta: MetaEntry[];
  notes: OrderNoteRecord[];
  totals: {
    discountTotal: string;
    shippingTotal: string;
    shippingTax: string;
    cartTax: string;
    totalTax: string;
    total: string;
  };
}

/** One item of the Shipment Tracking extension's order meta `_wc_shipment_tracking_items`. */
export interface TrackingItem {
  tracking_provider: string;
  custom_tracking_provider: string;
  custom_tracking_link: string;
  tracking_number: string;
  /** Unix timestamp (seconds) as a string, as the extension stores it. */
  date_shipped: string;
  tracking_id: string;
}

export const TRACKING_META_KEY = '_wc_shipment_tracking_items';
export const STOCK_REDUCED_META_KEY = '_order_stock_reduced';
