import { z } from 'zod';

/** Response shapes of the store-side endpoints (stores, shipments, cancellations, SKU links). */
const nullableString = z.string().nullable();

export const storeSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    platform: z.string().describe('hub-api, woocommerce or vendure'),
    baseUrl: z.string(),
    settings: z.record(z.string(), z.unknown()),
    secretHints: z.record(z.string(), z.string()).describe('last 4 characters of each credential only'),
    eventCursor: nullableString,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Store' });

const itemQuantity = z.object({ orderItemId: z.string(), quantity: z.number().int() });

export const shipmentSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    connectionId: z.string(),
    storeId: z.string(),
    storeRef: z.string(),
    carrierCode: z.string().describe('Amazon carrier code'),
    carrierName: nullableString.describe('set when carrierCode is Other'),
    shippingMethod: nullableString,
    trackingNumber: nullableString,
    shipDate: z.string(),
    items: z.array(itemQuantity),
    packageReferenceId: z.string(),
    state: z
      .enum(['pending', 'confirmed', 'invalid', 'failed', 'not_sent'])
      .describe('not_sent: an FBA order, Amazon fulfils it (kept, never sent)'),
    attempts: z.number().int(),
    lastError: nullableString,
    confirmedAt: nullableString,
    createdAt: z.string(),
  })
  .meta({ id: 'Shipment' });

export const cancellationSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    connectionId: z.string(),
    storeId: z.string(),
    storeRef: z.string(),
    items: z.array(itemQuantity),
    reason: z.string().describe('Amazon CancelReason'),
    state: z
      .enum(['pending', 'submitted', 'applied', 'failed', 'not_sent'])
      .describe('not_sent: an FBA order, Amazon fulfils it (kept, never sent)'),
    feedId: nullableString.describe("OrderBridge's record of the acknowledgement feed"),
    amazonFeedId: nullableString.describe('the feed id Amazon returned for the acknowledgement feed'),
    lastError: nullableString,
    createdAt: z.string(),
  })
  .meta({ id: 'Cancellation' });

export const skuLinkSchema = z
  .object({ amazonSku: z.string(), productRef: z.string(), createdAt: z.string() })
  .meta({ id: 'SkuLink' });

export const storeProductSchema = z
  .object({
    ref: z.string().describe('the store’s own product id, what the link stores'),
    sku: z.string().nullable(),
    name: z.string(),
    available: z.number().int().nullable(),
  })
  .meta({ id: 'StoreProduct' });

export const skuLinkResultSchema = z.object({
  link: skuLinkSchema,
  released: z.array(z.string()).describe('held orders queued for delivery again'),
  product: storeProductSchema.nullable().describe('the store product found; null when not checked'),
  note: z.string().nullable().describe('why the link was taken unchecked (store without a catalogue)'),
});

export const recordedEventsSchema = z.object({
  shipments: z.number().int(),
  cancellations: z.number().int(),
  stock: z.number().int(),
  duplicates: z.number().int(),
  ignored: z.array(z.object({ event: z.string(), reason: z.string() })),
});
