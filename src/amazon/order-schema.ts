import { z } from 'zod';

/**
 * The parts of an Orders API v2026-01-01 order the adapter reads, checked at runtime. Required
 * fields follow Amazon's model; everything else is optional, and unknown fields are ignored.
 * Enum-like fields are plain strings here: an unknown value is handled by the adapter, not rejected.
 */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "12.30"');
const money = z.object({ amount: decimalString, currencyCode: z.string().min(3).max(3) });
const window = z.object({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() }).partial();

const breakdown = z.object({
  type: z.string(),
  subtotal: money,
  detailedBreakdowns: z.array(z.object({ subtype: z.string().optional(), value: money.optional() })).optional(),
});

export const itemSchema = z.object({
  orderItemId: z.string().min(1),
  quantityOrdered: z.number().int().min(0),
  product: z.object({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    condition: z
      .object({
        conditionType: z.string().optional(),
        conditionSubtype: z.string().optional(),
        conditionNote: z.string().optional(),
      })
      .optional(),
    price: z.object({ unitPrice: money.optional(), priceDesignation: z.string().optional() }).optional(),
    serialNumbers: z.array(z.string()).optional(),
  }),
  proceeds: z.object({ proceedsTotal: money.optional(), breakdowns: z.array(breakdown).optional() }).optional(),
  promotion: z.object({ breakdowns: z.array(z.object({ promotionId: z.string().optional() })).optional() }).optional(),
  cancellation: z
    .object({
      cancellationRequest: z
        .object({ requester: z.string().optional(), cancelReason: z.string().optional() })
        .optional(),
      cancellationExecution: z
        .object({ cancelledBy: z.string().optional(), cancelReason: z.string().optional() })
        .optional(),
    })
    .optional(),
  fulfillment: z
    .object({
      quantityFulfilled: z.number().int().min(0).optional(),
      quantityUnfulfilled: z.number().int().min(0).optional(),
      packing: z
        .object({
          giftOption: z.object({ giftMessage: z.string().optional(), giftWrapLevel: z.string().optional() }).optional(),
        })
        .optional(),
      shipping: z
        .object({ internationalShipping: z.object({ iossNumber: z.string().optional() }).optional() })
        .optional(),
    })
    .optional(),
  tax: z
    .object({
      taxCollections: z
        .array(z.object({ model: z.string().optional(), responsibleParty: z.string().optional() }))
        .optional(),
      taxCalculationBreakdowns: z.array(z.object({ reportingScheme: z.string().optional() })).optional(),
    })
    .optional(),
});

const address = z
  .object({
    name: z.string(),
    companyName: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string(),
    addressLine3: z.string(),
    city: z.string(),
    districtOrCounty: z.string(),
    stateOrRegion: z.string(),
    municipality: z.string(),
    postalCode: z.string(),
    countryCode: z.string(),
    phone: z.string(),
    addressType: z.string(),
  })
  .partial();

export const orderSchema = z.object({
  orderId: z.string().min(1).max(64),
  orderAliases: z.array(z.object({ aliasId: z.string().optional(), aliasType: z.string().optional() })).optional(),
  createdTime: z.iso.datetime({ offset: true }),
  lastUpdatedTime: z.iso.datetime({ offset: true }),
  programs: z.array(z.string()).optional(),
  associatedOrders: z
    .array(z.object({ orderId: z.string().optional(), associationType: z.string().optional() }))
    .optional(),
  salesChannel: z.object({
    channelName: z.string().optional(),
    marketplaceId: z.string().optional(),
    marketplaceName: z.string().optional(),
  }),
  buyer: z
    .object({
      buyerName: z.string(),
      buyerEmail: z.string(),
      buyerCompanyName: z.string(),
      buyerPurchaseOrderNumber: z.string(),
    })
    .partial()
    .optional(),
  recipient: z.object({ deliveryAddress: address.optional() }).optional(),
  proceeds: z.object({ grandTotal: money.optional() }).optional(),
  fulfillment: z
    .object({
      fulfillmentStatus: z.string(),
      fulfilledBy: z.string().optional(),
      fulfillmentServiceLevel: z.string().optional(),
      shipByWindow: window.optional(),
      deliverByWindow: window.optional(),
    })
    .optional(),
  payment: z
    .object({ paymentExecutions: z.array(z.object({ paymentMethod: z.string().optional() }).passthrough()).optional() })
    .passthrough()
    .optional(),
  tax: z
    .object({
      taxRegistrations: z
        .array(
          z.object({
            entityType: z.string().optional(),
            taxRegistrationType: z.string().optional(),
            taxRegistrationNumber: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  orderItems: z.array(itemSchema),
});

export type RawOrder = z.infer<typeof orderSchema>;
export type RawItem = z.infer<typeof itemSchema>;
