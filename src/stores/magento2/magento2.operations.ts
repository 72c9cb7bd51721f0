/**
 * Every Magento REST operation the connector can call, by name (MagentoClient only sends these;
 * magento2-requests.schema.test.ts checks that each exists in the 2.4.9 admin schema, validates the
 * bodies sent, and fails when a source file names an operation that is not listed). Paths are the
 * schema's templates after `/rest/<storeCode>`.
 */
export const MAGENTO_OPERATIONS = {
  storeConfigs: { method: 'GET', path: '/V1/store/storeConfigs' },
  productsSearch: { method: 'GET', path: '/V1/products' },
  productGet: { method: 'GET', path: '/V1/products/{sku}' },
  productSave: { method: 'PUT', path: '/V1/products/{sku}' },
  attributeGet: { method: 'GET', path: '/V1/products/attributes/{attributeCode}' },
  attributeCreate: { method: 'POST', path: '/V1/products/attributes' },
  attributeGroupsSearch: { method: 'GET', path: '/V1/products/attribute-sets/groups/list' },
  attributeSetAssign: { method: 'POST', path: '/V1/products/attribute-sets/attributes' },
  salableQuantity: { method: 'GET', path: '/V1/inventory/get-product-salable-quantity/{sku}/{stockId}' },
  sourceItemsSearch: { method: 'GET', path: '/V1/inventory/source-items' },
  sourceItemsSave: { method: 'POST', path: '/V1/inventory/source-items' },
  ordersSearch: { method: 'GET', path: '/V1/orders' },
  orderSave: { method: 'POST', path: '/V1/orders' },
  orderGet: { method: 'GET', path: '/V1/orders/{id}' },
  orderCancel: { method: 'POST', path: '/V1/orders/{id}/cancel' },
  orderComments: { method: 'GET', path: '/V1/orders/{id}/comments' },
  orderCommentAdd: { method: 'POST', path: '/V1/orders/{id}/comments' },
  orderInvoice: { method: 'POST', path: '/V1/order/{orderId}/invoice' },
  orderRefund: { method: 'POST', path: '/V1/order/{orderId}/refund' },
  shipmentsSearch: { method: 'GET', path: '/V1/shipments' },
  cartCreate: { method: 'POST', path: '/V1/carts/' },
  cartItemAdd: { method: 'POST', path: '/V1/carts/{quoteId}/items' },
  cartShippingInformation: { method: 'POST', path: '/V1/carts/{cartId}/shipping-information' },
  cartPlaceOrder: { method: 'PUT', path: '/V1/carts/{cartId}/order' },
} as const;

export type MagentoOperationName = keyof typeof MAGENTO_OPERATIONS;

/** The path of an operation with its `{name}` placeholders filled in (each URL-encoded). */
export function operationPath(name: MagentoOperationName, params: Record<string, string | number> = {}): string {
  return MAGENTO_OPERATIONS[name].path.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`missing path parameter ${key} of ${name}`);
    return encodeURIComponent(String(value));
  });
}
