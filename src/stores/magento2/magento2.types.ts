/** The parts of Magento's REST shapes the connector reads (snake_case as Magento sends them). */
export interface MagentoCustomAttribute {
  attribute_code: string;
  value: unknown;
}

export interface MagentoStockItem {
  qty?: number | null;
  is_in_stock?: boolean;
  manage_stock?: boolean;
  [field: string]: unknown;
}

export interface MagentoProduct {
  id: number;
  sku: string;
  name?: string;
  type_id?: string;
  attribute_set_id?: number;
  status?: number;
  custom_attributes?: MagentoCustomAttribute[];
  extension_attributes?: { stock_item?: MagentoStockItem; [field: string]: unknown };
}

export interface MagentoOrderItem {
  item_id?: number;
  sku: string;
  product_id?: number;
  qty_ordered?: number;
  qty_canceled?: number;
  qty_shipped?: number;
  ext_order_item_id?: string | null;
  parent_item_id?: number | null;
}

export interface MagentoOrder {
  entity_id: number;
  increment_id?: string;
  ext_order_id?: string | null;
  state?: string;
  status?: string;
  customer_email?: string;
  created_at?: string;
  updated_at?: string;
  grand_total?: number;
  order_currency_code?: string;
  items?: MagentoOrderItem[];
  payment?: { method?: string; additional_information?: string[] | null };
  status_histories?: { comment?: string | null }[];
}

export interface MagentoShipment {
  entity_id: number;
  order_id: number;
  created_at?: string;
  updated_at?: string;
  items?: { order_item_id: number; qty: number; sku?: string }[];
  tracks?: { track_number?: string; title?: string; carrier_code?: string }[];
}

export interface MagentoSourceItem {
  sku: string;
  source_code: string;
  quantity: number;
  status: number;
}

export interface MagentoStoreConfig {
  id: number;
  code: string;
  base_currency_code?: string;
  default_display_currency_code?: string;
  base_url?: string;
}

export interface MagentoComment {
  comment?: string | null;
}

export const customAttribute = (p: { custom_attributes?: MagentoCustomAttribute[] }, code: string): unknown =>
  p.custom_attributes?.find((a) => a.attribute_code === code)?.value;

/** `payment.additional_information` entries written as `name:value`. */
export const ORDER_ID_INFO = 'orderbridge_order_id';
export const AMAZON_ORDER_INFO = 'amazon_order_id';
export const MARKETPLACE_INFO = 'marketplace_id';

export function paymentInfo(order: MagentoOrder, name: string): string | null {
  const prefix = `${name}:`;
  const entry = order.payment?.additional_information?.find((v) => typeof v === 'string' && v.startsWith(prefix));
  const value = entry?.slice(prefix.length).trim();
  return value ? value : null;
}
