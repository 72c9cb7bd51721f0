import type { Inventory } from './inventory.js';
import { numberOf, type Json } from './magento-format.js';
import type { ProductRecord } from './product-store.js';

/**
 * Writes the legacy CatalogInventory stock item (a product save's `extension_attributes.stock_item`, or
 * PUT /V1/products/{sku}/stockItems/{id}): with MSI it is source `default`. A partial item is accepted.
 */
export function writeLegacyStockItem(inventory: Inventory, product: ProductRecord, stockItem: Json): void {
  if (product.typeId === 'configurable') return;
  const current = inventory.get(product.sku, 'default');
  const qty = stockItem.qty === undefined ? (current?.quantity ?? 0) : numberOf(stockItem.qty);
  const inStock = typeof stockItem.is_in_stock === 'boolean' ? stockItem.is_in_stock : qty > 0;
  inventory.set(product.sku, 'default', qty, inStock ? 1 : 0);
}
