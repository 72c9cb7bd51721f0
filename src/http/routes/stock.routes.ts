import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stockStatus } from '../../sync/stock-status.js';
import { accountOf } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

const skuStockSchema = z
  .object({
    amazonSku: z.string(),
    productRef: z.string().describe('the store product the SKU sells as'),
    mfn: z.boolean().describe('false: fulfilled by Amazon, never pushed'),
    storeAvailable: z.number().int().nullable().describe("the store's stock; null until read"),
    reserved: z.number().int().describe('units of Amazon orders not in the store yet'),
    quantity: z.number().int().nullable().describe('what a push sends now'),
    reason: z.string().describe('how the quantity comes from store stock, reservations, buffer and cap'),
    pushedQuantity: z.number().int().nullable(),
    pushedAt: z.string().nullable(),
    status: z.enum(['not_sent', 'sent', 'accepted', 'rejected', 'fba']),
    amazonMessage: z.string().nullable().describe("Amazon's message when it rejected the quantity"),
    amazonFeedId: z.string().nullable(),
    changed: z.boolean().describe('differs from the last quantity sent: the next push sends it'),
  })
  .meta({ id: 'SkuStock' });

const sharedProductSchema = z
  .object({
    product: z.string().describe('store product ref, or the looked-up SKU while unresolved'),
    resolved: z.boolean(),
    amazonSkus: z.array(z.string()),
  })
  .meta({ id: 'SharedProduct' });

/** GET /api/connections/:connection/stock (the Stock page; "Push now" is POST …/stock/push). */
export function registerStockRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();

  s.get('/api/connections/:connection/stock', {
    schema: {
      tags: ['stock'],
      summary: 'Stock sent to Amazon per SKU: quantity, when, why and how Amazon took it; SKUs sharing a product',
      params: z.object({ connection: z.string().min(1).describe('connection id or name') }),
      response: {
        200: z.object({
          connectionId: z.string(),
          stockBuffer: z.number().int(),
          maxQuantity: z.number().int().nullable(),
          skus: z.array(skuStockSchema),
          sharedProducts: z
            .array(sharedProductSchema)
            .describe('store products several Amazon SKUs sell as: each SKU gets the full stock'),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const status = await stockStatus(deps.app.storeSide, accountOf(req), req.params.connection);
      if (!status.ok) throw status.error;
      return status.value;
    },
  });
}
