/**
 * Every GraphQL document the connector can send, by name (ShopifyClient only sends these; the
 * schema test validates each against Shopify's 2026-10 Admin schema). Money is MoneyBag/Decimal
 * strings; ids are GIDs.
 */
const VARIANT = `id sku barcode title displayName product { title }
  inventoryItem { id tracked inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } } }`;

const ORDER_REF = `id name legacyResourceId`;

/** Enough to see whether an updated order has events (cheap: 50 orders cost about 200 points). */
const CHANGED_ORDER = `id updatedAt cancelledAt customAttributes { key value } fulfillments(first: 10) { id status }`;

/** One order's events in detail (about 160 points). */
const POLLED_ORDER = `id name updatedAt cancelledAt customAttributes { key value } lineItems(first: 100) { nodes { id quantity } }
  fulfillments(first: 10) { id status createdAt trackingInfo(first: 1) { company number url }
    fulfillmentLineItems(first: 50) { nodes { quantity lineItem { id sku customAttributes { key value } } } } }`;

export const SHOPIFY_DOCUMENTS = {
  shop: `query OrderBridgeShop { shop { name currencyCode } }`,
  primaryLocation: `query OrderBridgePrimaryLocation { location { id name } }`,
  variantsByQuery: `query OrderBridgeVariants($query: String!, $first: Int!, $after: String, $locationId: ID!) {
    productVariants(first: $first, after: $after, query: $query) { nodes { ${VARIANT} } pageInfo { hasNextPage endCursor } } }`,
  variantByIdentifier: `query OrderBridgeVariantByIdentifier($identifier: ProductVariantIdentifierInput!, $locationId: ID!) {
    productVariantByIdentifier(identifier: $identifier) { ${VARIANT} } }`,
  variantsByIds: `query OrderBridgeVariantsByIds($ids: [ID!]!, $locationId: ID!) {
    nodes(ids: $ids) { ... on ProductVariant { ${VARIANT} } } }`,
  inventoryItemVariant: `query OrderBridgeInventoryItem($id: ID!, $locationId: ID!) {
    inventoryItem(id: $id) { id variant { ${VARIANT} } } }`,
  inventoryAdjust: `mutation OrderBridgeAdjustStock($input: InventoryAdjustQuantitiesInput!, $key: String!) {
    inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { changes(quantityNames: ["available"]) { name delta quantityAfterChange } }
      userErrors { field message code } } }`,
  metafieldDefinitionCreate: `mutation OrderBridgeMetafieldDefinition($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) { createdDefinition { id } userErrors { field message code } } }`,
  orderByIdentifier: `query OrderBridgeOrderByIdentifier($identifier: OrderIdentifierInput!) {
    orderByIdentifier(identifier: $identifier) { ${ORDER_REF} } }`,
  orderCreate: `mutation OrderBridgeOrderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
    orderCreate(order: $order, options: $options) { order { ${ORDER_REF} } userErrors { field message code } } }`,
  orderState: `query OrderBridgeOrderState($id: ID!) { order(id: $id) { id name note cancelledAt } }`,
  orderCancel: `mutation OrderBridgeOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $refundMethod: OrderCancelRefundMethodInput, $restock: Boolean!, $staffNote: String) {
    orderCancel(orderId: $orderId, reason: $reason, refundMethod: $refundMethod, restock: $restock, notifyCustomer: false, staffNote: $staffNote) {
      job { id done } orderCancelUserErrors { field message code } } }`,
  orderUpdateNote: `mutation OrderBridgeOrderNote($input: OrderInput!) {
    orderUpdate(input: $input) { order { id } userErrors { field message } } }`,
  ordersUpdatedSince: `query OrderBridgeOrdersSince($query: String!, $after: String) {
    orders(first: 50, after: $after, sortKey: UPDATED_AT, query: $query) {
      nodes { ${CHANGED_ORDER} } pageInfo { hasNextPage endCursor } } }`,
  orderEvents: `query OrderBridgeOrderEvents($id: ID!) { order(id: $id) { ${POLLED_ORDER} } }`,
  inventoryLevelsSince: `query OrderBridgeStockSince($locationId: ID!, $query: String!, $after: String) {
    location(id: $locationId) { inventoryLevels(first: 50, after: $after, query: $query) {
      nodes { updatedAt quantities(names: ["available"]) { name quantity } item { id tracked variant { id sku } } }
      pageInfo { hasNextPage endCursor } } } }`,
  webhookSubscriptions: `query OrderBridgeWebhooks { webhookSubscriptions(first: 100) { nodes { id topic uri } } }`,
  webhookSubscriptionCreate: `mutation OrderBridgeWebhookCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
      webhookSubscription { id } userErrors { field message } } }`,
} as const;

export type ShopifyDocumentName = keyof typeof SHOPIFY_DOCUMENTS;
