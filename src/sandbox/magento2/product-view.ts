import type { Inventory } from './inventory.js';
import { moneyNumber, type Json } from './magento-format.js';
import type { ProductRecord } from './product-store.js';

/** GET /V1/stockItems/{sku} and a product's `extension_attributes.stock_item`: source `default`. */
export function stockItemView(product: ProductRecord, inventory: Inventory): Json {
  const item = inventory.get(product.sku, 'default');
  const configurable = product.typeId === 'configurable';
  return {
    item_id: product.id,
    product_id: product.id,
    stock_id: 1,
    qty: configurable ? 0 : (item?.quantity ?? 0),
    is_in_stock: configurable ? true : item?.status === 1,
    is_qty_decimal: false,
    show_default_notification_message: false,
    use_config_min_qty: true,
    min_qty: 0,
    use_config_min_sale_qty: 1,
    min_sale_qty: 1,
    use_config_max_sale_qty: true,
    max_sale_qty: 10000,
    use_config_backorders: true,
    backorders: 0,
    use_config_notify_stock_qty: true,
    notify_stock_qty: 1,
    use_config_qty_increments: true,
    qty_increments: 0,
    use_config_enable_qty_inc: true,
    enable_qty_increments: false,
    use_config_manage_stock: true,
    manage_stock: true,
    low_stock_date: null,
    is_decimal_divided: false,
    stock_status_changed_auto: 0,
  };
}

/** GET /V1/products/{sku} and the items of GET /V1/products (catalog-data-product-interface). */
export function productView(product: ProductRecord, inventory: Inventory): Json {
  const extension: Json = { website_ids: [1], category_links: [], stock_item: stockItemView(product, inventory) };
  if (product.typeId === 'configurable') extension.configurable_product_links = [...product.childIds];
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    attribute_set_id: product.attributeSetId,
    price: moneyNumber(product.price),
    status: product.status,
    visibility: product.visibility,
    type_id: product.typeId,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    ...(product.weight === null ? {} : { weight: product.weight }),
    extension_attributes: extension,
    product_links: [],
    options: [],
    media_gallery_entries: [],
    tier_prices: [],
    custom_attributes: [...product.custom].map(([attribute_code, value]) => ({ attribute_code, value })),
  };
}

/** The fields searchCriteria filters see on a product: its own plus every custom attribute. */
export function productSearchFields(product: ProductRecord): Json {
  return {
    entity_id: product.id,
    id: product.id,
    sku: product.sku,
    name: product.name,
    type_id: product.typeId,
    price: moneyNumber(product.price),
    status: product.status,
    visibility: product.visibility,
    attribute_set_id: product.attributeSetId,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    ...Object.fromEntries(product.custom),
  };
}
