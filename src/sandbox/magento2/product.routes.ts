import { inputError } from './magento-errors.js';
import { asArray, isJsonObject, numberOf, textOf, type Json } from './magento-format.js';
import { type MagentoRoute, type RouteContext } from './magento-route.js';
import { writeLegacyStockItem } from './legacy-stock.js';
import { completeRequired } from './response-shape.js';
import { productSearchFields, productView } from './product-view.js';
import { applySearch, parseSearchCriteria, searchCriteriaView, searchFields } from './search-criteria.js';

const PRODUCT_FIELDS = new Set([
  'entity_id',
  'id',
  'sku',
  'name',
  'type_id',
  'price',
  'status',
  'visibility',
  'attribute_set_id',
  'created_at',
  'updated_at',
]);

/**
 * PUT /V1/products/{sku}: fields present replace the stored ones; custom attributes that exist and are in
 * the product's set are saved, the rest dropped; the stock item is saved in the same call. An unknown
 * SKU creates the product (ProductRepository::save).
 */
function saveProduct(ctx: RouteContext): Json {
  const { sandbox } = ctx;
  const sku = ctx.params.sku ?? '';
  const input = ctx.body.product as Json;
  let product = sandbox.products.bySku(sku);
  if (!product) {
    const typeId = input.type_id === 'virtual' ? 'virtual' : 'simple';
    if (typeof input.name !== 'string')
      throw inputError('The "%1" attribute value is empty. Set the attribute and try again.', ['name']);
    sandbox.products.seed([{ sku, name: input.name, price: String(numberOf(input.price)), typeId, quantity: 0 }]);
    product = sandbox.products.requireSku(sku);
  }
  if (typeof input.name === 'string') product.name = input.name;
  if (typeof input.price === 'number') product.price = String(input.price);
  if (typeof input.status === 'number') product.status = input.status;
  if (typeof input.visibility === 'number') product.visibility = input.visibility;
  if (typeof input.weight === 'number') product.weight = input.weight;
  if (typeof input.attribute_set_id === 'number') {
    if (!sandbox.attributes.setExists(input.attribute_set_id)) throw inputError('Invalid attribute set entity type');
    product.attributeSetId = input.attribute_set_id;
  }
  const custom = asArray(input.custom_attributes).filter(isJsonObject) as { attribute_code: string; value: unknown }[];
  sandbox.products.setCustomAttributes(product, custom);
  const ext = isJsonObject(input.extension_attributes) ? input.extension_attributes : {};
  if (isJsonObject(ext.stock_item)) writeLegacyStockItem(sandbox.inventory, product, ext.stock_item);
  sandbox.products.touch(product);
  sandbox.stats.count('productSaves');
  return productView(product, sandbox.inventory);
}

export const attributeView = (attribute: Json): Json =>
  completeRequired('catalog-data-product-attribute-interface', structuredClone(attribute));

export const PRODUCT_ROUTES: readonly MagentoRoute[] = [
  {
    method: 'GET',
    pattern: '/V1/products',
    resource: 'Magento_Catalog::products',
    run: (ctx) => {
      const { sandbox } = ctx;
      const criteria = parseSearchCriteria(ctx.query, sandbox.maxPageSize);
      // Only product fields and real attributes can be filtered (EAV collection: "Invalid attribute name").
      for (const field of searchFields(criteria))
        if (!PRODUCT_FIELDS.has(field) && !sandbox.attributes.get(field))
          throw inputError('Invalid attribute name: %1', [field]);
      const { items, total } = applySearch(sandbox.products.all(), productSearchFields, criteria);
      return {
        items: items.map((p) => productView(p, sandbox.inventory)),
        search_criteria: searchCriteriaView(criteria),
        total_count: total,
      };
    },
  },
  {
    method: 'GET',
    pattern: '/V1/products/{sku}',
    resource: 'Magento_Catalog::products',
    run: (ctx) => productView(ctx.sandbox.products.requireSku(ctx.params.sku ?? ''), ctx.sandbox.inventory),
  },
  { method: 'PUT', pattern: '/V1/products/{sku}', resource: 'Magento_Catalog::products', run: saveProduct },
  {
    method: 'GET',
    pattern: '/V1/products/attributes/{attributeCode}',
    resource: 'Magento_Catalog::attributes_attributes',
    run: (ctx) => attributeView(ctx.sandbox.attributes.require(ctx.params.attributeCode ?? '')),
  },
  {
    method: 'POST',
    pattern: '/V1/products/attributes',
    resource: 'Magento_Catalog::attributes_attributes',
    run: (ctx) => attributeView(ctx.sandbox.attributes.create(ctx.body.attribute as Json)),
  },
  {
    method: 'POST',
    pattern: '/V1/products/attribute-sets/attributes',
    resource: 'Magento_Catalog::sets',
    run: (ctx) =>
      ctx.sandbox.attributes.assign(
        numberOf(ctx.body.attributeSetId),
        textOf(ctx.body.attributeCode),
        numberOf(ctx.body.attributeGroupId),
      ),
  },
  {
    method: 'GET',
    pattern: '/V1/products/attribute-sets/groups/list',
    resource: 'Magento_Catalog::sets',
    run: (ctx) => {
      const criteria = parseSearchCriteria(ctx.query, ctx.sandbox.maxPageSize);
      const { items, total } = applySearch(ctx.sandbox.attributes.allGroups(), (g) => g, criteria);
      return { items, search_criteria: searchCriteriaView(criteria), total_count: total };
    },
  },
];
