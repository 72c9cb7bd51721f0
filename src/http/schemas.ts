import { z } from 'zod';

/** Response shapes of the REST API; the OpenAPI document is generated from these. */
export const errorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }) })
  .meta({ id: 'Error' });

const nullableString = z.string().nullable();

export const connectionSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    marketplaceId: z.string(),
    sellerId: z.string(),
    region: z.enum(['NA', 'EU', 'FE']),
    spApiBaseUrl: z.string(),
    lwaUrl: z.string(),
    clientId: z.string(),
    clientSecretHint: z.string().describe('last 4 characters only; secrets are never returned'),
    refreshTokenHint: z.string(),
    active: z.boolean(),
    importCursor: nullableString,
    storeId: nullableString.describe('the store that receives the orders; null = none'),
    config: z.record(z.string(), z.unknown()).describe('Orders Configuration (PRODUCT.md §5)'),
    createdAt: z.string(),
    updatedAt: z.string(),
    sellerPull: z
      .object({
        id: nullableString.describe('the seller pull; null until its first pull or schedule'),
        connectionIds: z.array(z.string()).describe('the active connections pulled together (this one included)'),
        cursor: nullableString.describe("the seller account's cursor: orders changed up to here are stored"),
        catchingUp: z
          .boolean()
          .describe('activated later: reads its own orders alone until it reaches the seller cursor, then joins'),
      })
      .nullable()
      .optional()
      .describe(
        'connections of one Amazon seller account (seller id + region + application) are pulled together; null when disabled. Shown by GET /api/connections and GET /api/connections/{connection}',
      ),
  })
  .meta({ id: 'Connection' });

const addressSchema = z
  .object({
    name: nullableString,
    companyName: nullableString,
    addressLine1: nullableString,
    addressLine2: nullableString,
    addressLine3: nullableString,
    city: nullableString,
    districtOrCounty: nullableString,
    stateOrRegion: nullableString,
    municipality: nullableString,
    postalCode: nullableString,
    countryCode: nullableString,
    phone: nullableString,
    addressType: z.enum(['RESIDENTIAL', 'COMMERCIAL']).nullable(),
  })
  .meta({ id: 'Address' });

const buyerSchema = z
  .object({
    name: nullableString,
    email: nullableString,
    companyName: nullableString,
    purchaseOrderNumber: nullableString,
    taxRegistrationId: nullableString,
    taxRegistrationType: nullableString,
  })
  .meta({ id: 'Buyer' });

const flagsSchema = z
  .object({
    prime: z.boolean(),
    business: z.boolean(),
    replacement: z.boolean(),
    replacedOrderId: nullableString,
    gift: z.boolean(),
    buyerCancelRequested: z.boolean(),
    programs: z.array(z.string()),
    paymentMethod: nullableString,
    serviceLevel: nullableString,
    latestShipDate: nullableString,
    latestDeliveryDate: nullableString,
    iossNumbers: z.array(z.string()),
  })
  .meta({ id: 'OrderFlags' });

const totals = z.object({
  net: nullableString,
  tax: nullableString,
  gross: nullableString,
  excludedTax: nullableString.describe('tax Amazon collected itself (facilitator) or that the order does not carry'),
  adjustment: nullableString.describe('explicit rounding/reconciliation line so gross + excludedTax = amazonTotal'),
  amazonTotal: nullableString,
});

export const orderSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    amazonOrderId: z.string(),
    sellerOrderId: nullableString,
    marketplaceId: z.string(),
    amazonStatus: nullableString,
    status: z.string(),
    fulfillmentChannel: nullableString,
    createdTime: nullableString,
    lastUpdatedTime: nullableString,
    currency: nullableString,
    totals,
    buyer: buyerSchema.nullable(),
    shippingAddress: addressSchema.nullable(),
    flags: flagsSchema.nullable(),
    skipReason: nullableString,
    holdReason: nullableString,
    errorCode: nullableString,
    errorMessage: nullableString,
    storeState: nullableString,
    storeOrderRef: nullableString,
    importedAt: z.string(),
    updatedAt: z.string(),
    personalDataPurgedAt: nullableString
      .optional()
      .describe('when the buyer personal data was removed (data retention); null while it is kept'),
  })
  .meta({ id: 'Order' });

export const orderLineSchema = z
  .object({
    amazonOrderItemId: z.string(),
    kind: z.string(),
    sellerSku: nullableString,
    croppedSku: nullableString,
    asin: nullableString,
    title: z.string(),
    productRef: nullableString,
    quantityOrdered: z.number().int(),
    quantityShipped: z.number().int(),
    quantityCancelled: z.number().int(),
    unitNet: z.string(),
    unitGross: z.string(),
    lineNet: z.string(),
    lineTax: z.string(),
    lineGross: z.string(),
    taxRate: nullableString,
    position: z.number().int(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OrderLine' });

export const orderEventSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    connectionId: z.string(),
    occurredAt: z.string(),
    direction: z.enum(['amazon_to_hub', 'hub_to_store', 'store_to_hub', 'hub_to_amazon', 'internal']),
    kind: z.string(),
    summary: z.string(),
    payload: z.unknown(),
  })
  .meta({ id: 'OrderEvent' });

export const orderDetailsSchema = z
  .object({
    order: orderSchema.extend({ raw: z.unknown().describe("Amazon's raw order JSON") }),
    lines: z.array(orderLineSchema),
    timeline: z.array(orderEventSchema),
  })
  .meta({ id: 'OrderDetails' });

const syncRunStatus = z.enum(['running', 'succeeded', 'failed', 'partial']);
const syncRunCounts = {
  ordersSeen: z.number().int(),
  ordersCreated: z.number().int(),
  ordersUpdated: z.number().int(),
  ordersUnchanged: z.number().int(),
  ordersSkipped: z.number().int(),
  ordersFailed: z.number().int(),
};

export const syncRunSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    kind: z.string(),
    trigger: z.string(),
    status: syncRunStatus,
    startedAt: z.string(),
    finishedAt: nullableString,
    windowStart: nullableString,
    windowEnd: nullableString,
    ...syncRunCounts,
    apiCalls: z.record(z.string(), z.number()),
    throttled: z.number().int(),
    errorCode: nullableString,
    errorMessage: nullableString,
    progress: z.object({ pages: z.number(), orders: z.number() }).nullable(),
    pullId: nullableString.describe("the seller pull run this connection's run was part of (same on each of its runs)"),
    ordersUnmatched: z
      .number()
      .int()
      .describe('orders of that pull for marketplaces without an active connection: counted, not stored'),
    pull: z
      .object({
        id: z.string(),
        runs: z.array(
          z.object({
            id: z.string(),
            connectionId: z.string(),
            connectionName: z.string(),
            marketplaceId: z.string(),
            status: syncRunStatus,
            ...syncRunCounts,
          }),
        ),
      })
      .nullable()
      .optional()
      .describe('the connections pulled together with this one, with their counts (GET /api/sync-runs and /{id})'),
  })
  .meta({ id: 'SyncRun' });

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
  500: errorBody,
} as const;
