/**
 * Typed views of what the sandbox answers (snake_case, amounts as JSON numbers, like Magento). Only the
 * fields tests and the connector read are typed; every other schema field is still there (index signature).
 */
export interface MagentoOrderItemView {
  item_id: number;
  order_id: number;
  sku: string;
  name?: string;
  product_id?: number;
  product_type: string;
  qty_ordered: number;
  qty_invoiced: number;
  qty_shipped: number;
  qty_canceled: number;
  price?: number;
  row_total?: number;
  tax_amount?: number;
  ext_order_item_id?: string;
  [field: string]: unknown;
}

export interface MagentoOrderAddressView {
  address_type: string | null;
  firstname: string | null;
  lastname: string | null;
  street?: string[];
  city: string | null;
  postcode: string | null;
  country_id: string | null;
  telephone: string | null;
  [field: string]: unknown;
}

export interface MagentoStatusHistoryView {
  entity_id: number;
  parent_id: number;
  comment: string | null;
  is_customer_notified: number | null;
  is_visible_on_front: number;
  created_at: string;
  [field: string]: unknown;
}

/** What GET /V1/orders/{id} answers. */
export interface MagentoOrderView {
  entity_id: number;
  increment_id: string;
  ext_order_id?: string;
  store_id: number;
  state: string;
  status: string;
  customer_email: string;
  grand_total: number;
  base_grand_total: number;
  created_at: string;
  updated_at: string;
  order_currency_code?: string;
  base_currency_code?: string;
  items: MagentoOrderItemView[];
  billing_address?: MagentoOrderAddressView;
  payment?: { method: string; additional_information: string[] | null; [field: string]: unknown };
  status_histories?: MagentoStatusHistoryView[];
  extension_attributes?: {
    shipping_assignments?: {
      shipping: { address?: MagentoOrderAddressView; method?: string; [field: string]: unknown };
      items: MagentoOrderItemView[];
    }[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** What GET /V1/shipment/{id} answers. */
export interface MagentoShipmentView {
  entity_id: number;
  increment_id: string;
  order_id: number;
  store_id: number;
  created_at: string;
  updated_at: string;
  total_qty: number;
  items: {
    entity_id: number;
    parent_id: number;
    order_item_id: number;
    qty: number;
    sku?: string;
    [field: string]: unknown;
  }[];
  tracks: {
    entity_id: number;
    parent_id: number;
    order_id: number;
    track_number: string;
    title: string;
    carrier_code: string;
    created_at: string;
    [field: string]: unknown;
  }[];
  comments: { comment: string; [field: string]: unknown }[];
  [field: string]: unknown;
}
