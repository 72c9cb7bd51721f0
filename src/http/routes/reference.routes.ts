import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MARKETPLACES, type Region } from '../../amazon/marketplaces.js';
import { MARKETPLACE_COUNTRY_NAMES } from '../../domain/marketplace-names.js';
import { BUILTIN_IDENTIFICATION_ATTRIBUTES, CANCELLATION_REASONS } from '../../domain/orders-config.js';
import { errorResponses } from '../schemas.js';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from '../../sandbox/amazon/index.js';
import { registerCarrierReference } from './carrier-reference.routes.js';
import type { RouteDeps } from './route-deps.js';

const REGION_NAMES: Record<Region, string> = { NA: 'North America', EU: 'Europe', FE: 'Far East' };

/** What each cancel reason means (POST_ORDER_ACKNOWLEDGEMENT_DATA; the last four are unverified names). */
const CANCEL_REASON_DESCRIPTIONS: Record<(typeof CANCELLATION_REASONS)[number], string> = {
  NoInventory: 'The item is out of stock',
  ShippingAddressUndeliverable: 'The shipping address cannot be delivered to',
  CustomerExchange: 'The buyer exchanged the item',
  BuyerCanceled: 'The buyer asked to cancel (used automatically when the buyer requested it)',
  GeneralAdjustment: 'General adjustment by the seller',
  CarrierCreditDecision: 'The carrier decided on a credit',
  RiskAssessmentInformationNotValid: 'The risk assessment information is not valid',
  CarrierCoverageFailure: 'No carrier covers the destination',
  CustomerReturn: 'The buyer returned the item',
  MerchandiseNotReceived: 'The buyer did not receive the item',
  CannotVerifyInformation: 'The order information cannot be verified',
  PricingError: 'The item was listed at a wrong price',
  RejectOrder: 'The seller rejects the order',
  WeatherDelay: 'Weather prevents delivery in time',
};

const choice = z.object({ value: z.string(), description: z.string() });

const marketplaceSchema = z.object({
  id: z.string().describe('Amazon marketplace id, e.g. A1PA6795UKMFR9'),
  countryCode: z.string().describe('as Amazon lists it (UK, not GB)'),
  name: z.string().describe('e.g. Amazon.de'),
  currency: z.string().describe('ISO 4217'),
  taxIncludedDefault: z.boolean().describe('default of "Tax is included in Prices" for this marketplace'),
  countryNames: z
    .array(z.string())
    .describe('the country in English and its local language(s), e.g. Germany, Deutschland (wizard search)'),
});

/** Reference data the connection wizard and the Orders Configuration form offer as choices. */
export function registerReferenceRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();

  s.get('/api/reference/marketplaces', {
    schema: {
      tags: ['reference'],
      summary: 'Amazon marketplaces grouped by region (the connection wizard’s marketplace list)',
      response: {
        200: z.object({
          regions: z.array(
            z.object({
              region: z.enum(['NA', 'EU', 'FE']),
              name: z.string().describe('North America, Europe, Far East'),
              marketplaces: z.array(marketplaceSchema),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: () => ({
      regions: (['NA', 'EU', 'FE'] as const).map((region) => ({
        region,
        name: REGION_NAMES[region],
        marketplaces: MARKETPLACES.filter((m) => m.region === region).map((m) => ({
          id: m.id,
          countryCode: m.countryCode,
          name: m.name,
          currency: m.currency,
          taxIncludedDefault: m.taxIncludedDefault,
          countryNames: [...(MARKETPLACE_COUNTRY_NAMES[m.countryCode] ?? [])],
        })),
      })),
    }),
  });

  registerCarrierReference(server);

  s.get('/api/reference/cancel-reasons', {
    schema: {
      tags: ['reference'],
      summary: 'Amazon cancel reasons (Order Cancellation Reason)',
      response: {
        200: z.object({ reasons: z.array(z.object({ code: z.string(), description: z.string() })) }),
        ...errorResponses,
      },
    },
    handler: () => ({
      reasons: CANCELLATION_REASONS.map((code) => ({ code, description: CANCEL_REASON_DESCRIPTIONS[code] })),
    }),
  });

  s.get('/api/reference/order-options', {
    schema: {
      tags: ['reference'],
      summary: 'Choices of the Orders Configuration form (PRODUCT.md §5)',
      response: {
        200: z.object({
          productIdentificationAttributes: z
            .array(choice)
            .describe('suggestions; any store attribute code is allowed as { "custom": "<code>" }'),
          unknownSkuPolicies: z.array(choice),
          syncLevels: z.array(choice),
          orderTypes: z.array(choice),
          facilitatorTax: z.array(choice),
        }),
        ...errorResponses,
      },
    },
    handler: () => ({
      productIdentificationAttributes: BUILTIN_IDENTIFICATION_ATTRIBUTES.map((value) => ({
        value,
        description: `The store product's ${value.toUpperCase()} equals the (cropped) Amazon Seller SKU`,
      })),
      unknownSkuPolicies: [
        { value: 'hold', description: 'The order waits in "needs attention" until the SKU is linked; nothing is lost' },
        { value: 'import_unlinked', description: 'Create the store order with an unlinked line' },
        { value: 'skip', description: 'Do not transfer the order (it is kept in OrderBridge)' },
      ],
      syncLevels: [
        { value: 'orders_and_stock', description: 'Create orders in the store and sync stock to Amazon' },
        { value: 'stock_only', description: 'Only lower the store stock by the ordered quantities' },
      ],
      orderTypes: [
        { value: 'MFN', description: 'Merchant fulfilled (FBM)' },
        { value: 'AFN', description: 'Fulfilled by Amazon (FBA)' },
      ],
      facilitatorTax: [
        { value: 'drop', description: 'Tax Amazon collects and remits itself is not written as merchant tax' },
        { value: 'keep', description: 'Keep marketplace-facilitator tax on the store order' },
      ],
    }),
  });

  s.get('/api/reference/amazon-endpoints', {
    schema: {
      tags: ['reference'],
      summary: 'Where a connection talks to Amazon: production (by region) or the built-in sandbox when it runs',
      response: {
        200: z.object({
          endpoints: z.array(
            z.object({
              id: z.enum(['production', 'sandbox']),
              name: z.string(),
              description: z.string(),
              spApiBaseUrl: z.string().nullable().describe("null: the marketplace region's SP-API host"),
              lwaUrl: z.string().nullable(),
              clientId: z.string().nullable().describe("the sandbox app's public client id (production: your app's)"),
              clientSecret: z.string().nullable().describe('the sandbox app’s public test secret; null for production'),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: () => {
      const sandbox = deps.amazonSandboxUrl;
      return {
        endpoints: [
          {
            id: 'production' as const,
            name: 'Amazon (production)',
            description: "Amazon's SP-API for the marketplace's region, with your SP-API app's LWA credentials",
            spApiBaseUrl: null,
            lwaUrl: null,
            clientId: null,
            clientSecret: null,
          },
          ...(sandbox
            ? [
                {
                  id: 'sandbox' as const,
                  name: 'Built-in Amazon sandbox',
                  description: `The simulator OrderBridge ships, running at ${sandbox}: seeded orders, no real seller`,
                  spApiBaseUrl: sandbox,
                  lwaUrl: `${sandbox}/auth/o2/token`,
                  clientId: SANDBOX_CLIENT_ID,
                  clientSecret: SANDBOX_CLIENT_SECRET,
                },
              ]
            : []),
        ],
      };
    },
  });
}
