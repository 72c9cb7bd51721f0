import { z } from 'zod';

/** Request and response shapes of the hub-api endpoints (/api/hub/...), documented in docs/hub-api.md. */
const nullableString = z.string().nullable();

const address = z
  .object({
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    company: nullableString,
    line1: z.string(),
    line2: nullableString,
    line3: nullableString,
    city: z.string(),
    district: nullableString,
    stateOrRegion: nullableString,
    postalCode: nullableString,
    countryCode: z.string().describe('ISO 3166-1 alpha-2'),
    phone: nullableString,
  })
  .meta({ id: 'HubAddress' });

const item = z.object({
  orderItemId: z.string().describe("Amazon's order item id: name it when posting shipments"),
  productRef: nullableString.describe('the value of the identification attribute (e.g. your SKU); null = unlinked'),
  sku: nullableString,
  title: z.string(),
  quantity: z.number().int(),
  unitNet: z.string(),
  unitGross: z.string(),
  lineNet: z.string(),
  lineTax: z.string(),
  lineGross: z.string(),
  taxRate: nullableString.describe('percent as a decimal string, e.g. "19"'),
});

const charge = z.object({
  kind: z.enum(['shipping', 'gift_wrap', 'discount', 'cod_fee', 'adjustment', 'other']),
  title: z.string(),
  net: z.string(),
  tax: z.string(),
  gross: z.string(),
  taxRate: nullableString,
});

export const hubOrderSchema = z
  .object({
    orderId: z.string().describe("OrderBridge's order id: use it in every call about this order"),
    amazonOrderId: z.string(),
    marketplaceId: z.string(),
    currency: z.string(),
    createdTime: z.string().describe("Amazon's purchase date (UTC ISO-8601)"),
    pricesIncludeTax: z.boolean(),
    customer: z.object({
      email: z.string(),
      name: z.string(),
      phone: nullableString,
      company: nullableString,
      vatId: nullableString,
    }),
    shippingAddress: address,
    billingAddress: address,
    shippingMethod: z.string(),
    items: z.array(item),
    charges: z.array(charge),
    totals: z.object({ net: z.string(), tax: z.string(), gross: z.string() }),
    notes: z.array(z.string()),
    lowerStock: z.boolean().optional().describe('false: Amazon ships it (FBA), do not take your stock'),
    fulfilledByAmazon: z
      .boolean()
      .optional()
      .describe('true: an FBA order, already fulfilled by Amazon; do not ship it (shipments are not sent to Amazon)'),
    state: z.enum(['new', 'acknowledged']),
    status: z.string().describe('OrderBridge status: in_store, cancel_requested, cancelled, shipped, …'),
    storeOrderNumber: nullableString.describe('your order number, once acknowledged'),
    storeOrderRef: nullableString,
    updatedAt: z.string(),
  })
  .meta({ id: 'HubOrder', description: 'An order offered to the store (money as decimal strings)' });

export const hubParams = z.object({ storeId: z.string().min(1).describe('your store id in OrderBridge') });
export const hubOrderParams = hubParams.extend({ orderId: z.string().min(1).describe("OrderBridge's order id") });

export const hubListQuery = z.object({
  state: z
    .enum(['new', 'acknowledged', 'all'])
    .default('new')
    .describe('new = waiting for pick-up, acknowledged = picked up'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const hubAckBody = z.object({
  storeOrderNumber: z.string().trim().min(1).max(100).describe('the order number your store gave the order'),
  storeOrderRef: z.string().trim().min(1).max(200).optional().describe('your internal id of the order'),
});

const hubItems = z
  .array(
    z
      .object({
        orderItemId: z.string().min(1).optional().describe("Amazon's order item id (from the order's items)"),
        sku: z.string().min(1).optional().describe('or the SKU of the line'),
        quantity: z.number().int().min(1).max(100_000),
      })
      .refine((i) => i.orderItemId !== undefined || i.sku !== undefined, 'name orderItemId or sku'),
  )
  .min(1)
  .max(500)
  .optional()
  .describe('absent = every open item of the order');

export const hubShipmentBody = z.object({
  storeRef: z.string().trim().min(1).max(200).describe('your unique id of this shipment (de-duplication key)'),
  carrier: z.string().max(100).optional().describe('carrier as your store names it; mapped to an Amazon code'),
  carrierName: z.string().max(100).optional(),
  shippingMethod: z.string().max(100).optional(),
  trackingNumber: z.string().trim().min(1).max(100),
  shipDate: z.iso.datetime({ offset: true }).describe('ISO-8601 date-time, e.g. 2026-11-29T10:00:00Z'),
  items: hubItems,
});

export const hubCancellationBody = z.object({
  storeRef: z.string().trim().min(1).max(200).describe('your unique id of this cancellation (de-duplication key)'),
  items: hubItems,
});

export const hubStockBody = z.object({
  items: z
    .array(z.object({ productRef: z.string().min(1).max(200), available: z.number().int().min(0).max(10_000_000) }))
    .min(1)
    .max(1000),
});
