import { inputError, validationFailed } from './magento-errors.js';
import { asArray, isJsonObject, numberOf, type Json } from './magento-format.js';
import { intParam, type MagentoRoute } from './magento-route.js';
import { writeLegacyStockItem } from './legacy-stock.js';
import { productMissing } from './product-store.js';
import { stockItemView } from './product-view.js';
import { applySearch, parseSearchCriteria, searchCriteriaView } from './search-criteria.js';

/** webapi/validation/complex_array_limit: at most 20 entries in one array of a synchronous body. */
const COMPLEX_ARRAY_LIMIT = 20;

export const INVENTORY_ROUTES: readonly MagentoRoute[] = [
  {
    method: 'GET',
    pattern: '/V1/inventory/source-items',
    resource: 'Magento_InventoryApi::source',
    run: (ctx) => {
      const criteria = parseSearchCriteria(ctx.query, ctx.sandbox.maxPageSize);
      const { items, total } = applySearch(ctx.sandbox.inventory.all(), (i) => ({ ...i }), criteria);
      return { items: items.map((i) => ({ ...i })), search_criteria: searchCriteriaView(criteria), total_count: total };
    },
  },
  {
    method: 'POST',
    pattern: '/V1/inventory/source-items',
    resource: 'Magento_InventoryApi::source_item_save',
    run: (ctx) => {
      const { sandbox } = ctx;
      const items = asArray(ctx.body.sourceItems).filter(isJsonObject);
      if (items.length > COMPLEX_ARRAY_LIMIT)
        throw inputError('Maximum items of type "%type" is %max', {
          type: 'inventory-api-data-source-item-interface',
          max: COMPLEX_ARRAY_LIMIT,
        });
      if (items.length === 0) throw inputError('Input data is empty');
      const reasons: string[] = [];
      for (const item of items) {
        if (typeof item.sku !== 'string' || item.sku === '') reasons.push('"sku" can not be empty.');
        else if (!sandbox.products.bySku(item.sku)) reasons.push(`Product with SKU "${item.sku}" does not exist.`);
        if (typeof item.source_code !== 'string' || item.source_code === '')
          reasons.push('"source_code" can not be empty.');
        if (typeof item.quantity !== 'number') reasons.push('"quantity" should be numeric.');
      }
      if (reasons.length > 0) throw validationFailed(reasons);
      // SourceItemsSave is all or nothing: checked above, then every item is written.
      for (const item of items) {
        const product = sandbox.products.requireSku(String(item.sku));
        const status = typeof item.status === 'number' ? item.status : undefined;
        sandbox.inventory.set(product.sku, String(item.source_code), numberOf(item.quantity), status);
      }
      sandbox.stats.count('sourceItemWrites', items.length);
      return [];
    },
  },
  {
    method: 'GET',
    pattern: '/V1/inventory/get-product-salable-quantity/{sku}/{stockId}',
    resource: 'Magento_InventoryApi::stock',
    run: (ctx) => {
      const { sandbox } = ctx;
      const sku = ctx.params.sku ?? '';
      const stockId = intParam(ctx, 'stockId');
      const product = sandbox.products.bySku(sku);
      if (!product) throw inputError('Following products with requested skus were not found: %1', [sku]);
      if (product.typeId === 'configurable')
        throw inputError("Can't check requested quantity for products without Source Items support.");
      if (!sandbox.inventory.stockExists(stockId))
        throw inputError('Stock with id "%value" does not exist.', { value: stockId });
      return sandbox.inventory.salable(product.sku, stockId);
    },
  },
  {
    method: 'GET',
    pattern: '/V1/inventory/is-product-salable/{sku}/{stockId}',
    resource: 'Magento_InventoryApi::stock',
    run: (ctx) => {
      const product = ctx.sandbox.products.bySku(ctx.params.sku ?? '');
      return product !== null && ctx.sandbox.inventory.salable(product.sku, intParam(ctx, 'stockId')) > 0;
    },
  },
  {
    method: 'GET',
    pattern: '/V1/stockItems/{productSku}',
    resource: 'Magento_CatalogInventory::cataloginventory',
    run: (ctx) => stockItemView(ctx.sandbox.products.requireSku(ctx.params.productSku ?? ''), ctx.sandbox.inventory),
  },
  {
    method: 'PUT',
    pattern: '/V1/products/{productSku}/stockItems/{itemId}',
    resource: 'Magento_CatalogInventory::cataloginventory',
    run: (ctx) => {
      const { sandbox } = ctx;
      const product = sandbox.products.bySku(ctx.params.productSku ?? '');
      if (!product) throw productMissing();
      writeLegacyStockItem(sandbox.inventory, product, ctx.body.stockItem as Json);
      return product.id;
    },
  },
];
