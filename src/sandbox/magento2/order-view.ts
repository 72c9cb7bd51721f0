import { asArray, isJsonObject, type Json } from './magento-format.js';
import type { OrderRecord } from './order-store.js';
import { completeRequired } from './response-shape.js';
import type { MagentoOrderView } from './view-types.js';

export type { MagentoOrderView } from './view-types.js';

export function orderView(order: OrderRecord): MagentoOrderView {
  const entity = structuredClone(order.entity);
  // Each shipping assignment lists the order's items (the schema requires them; Magento fills them on load).
  const ext = isJsonObject(entity.extension_attributes) ? entity.extension_attributes : null;
  for (const assignment of asArray(ext?.shipping_assignments).filter(isJsonObject))
    assignment.items = structuredClone(asArray(entity.items));
  return completeRequired('sales-data-order-interface', entity) as MagentoOrderView;
}

/** The fields a searchCriteria filter on orders sees (sales_order columns). */
export function orderSearchFields(order: OrderRecord): Json {
  return order.entity;
}
