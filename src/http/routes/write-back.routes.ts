import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, orderSchema } from '../schemas.js';
import {
  cancellationSchema,
  shipmentSchema,
  skuLinkResultSchema,
  skuLinkSchema,
  storeProductSchema,
} from '../store-schemas.js';
import { accountOf } from '../auth/request-auth.js';
import type { RouteDeps } from './route-deps.js';

const connectionParams = z.object({ connection: z.string().min(1).describe('connection id or name') });
const limit = z.coerce.number().int().min(1).max(1000).default(100);

/** Shipments, cancellations, stock push, needs-attention with retry, and SKU links. */
export function registerWriteBackRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;
  const svc = app.storeSideService;
  const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: Error }): T => {
    if (!r.ok) throw r.error;
    return r.value;
  };

  s.get('/api/shipments', {
    schema: {
      tags: ['write-back'],
      summary: 'Store shipments and their confirmation on Amazon',
      querystring: z.object({
        connection: z.string().optional(),
        state: z.enum(['pending', 'confirmed', 'invalid', 'failed']).optional(),
        limit,
      }),
      response: { 200: z.object({ shipments: z.array(shipmentSchema) }), ...errorResponses },
    },
    handler: async (req) => {
      const { connection, state } = req.query;
      return {
        shipments: unwrap(
          await svc.shipments(accountOf(req), {
            ...(connection && { connection }),
            ...(state && { state }),
            limit: req.query.limit,
          }),
        ),
      };
    },
  });

  s.get('/api/cancellations', {
    schema: {
      tags: ['write-back'],
      summary: 'Store cancellations and their acknowledgement feed on Amazon',
      querystring: z.object({ connection: z.string().optional(), limit }),
      response: { 200: z.object({ cancellations: z.array(cancellationSchema) }), ...errorResponses },
    },
    handler: async (req) => {
      const { connection } = req.query;
      return {
        cancellations: unwrap(
          await svc.cancellations(accountOf(req), { ...(connection && { connection }), limit: req.query.limit }),
        ),
      };
    },
  });

  s.post('/api/connections/:connection/stock/push', {
    schema: {
      tags: ['write-back'],
      summary: 'Push changed MFN quantities to Amazon now',
      params: connectionParams,
      response: {
        200: z.object({ changed: z.number().int(), patched: z.number().int(), feedId: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (req) => unwrap(await svc.pushStock(accountOf(req), req.params.connection)),
  });

  s.get('/api/needs-attention', {
    schema: {
      tags: ['write-back'],
      summary: 'Orders that need a person: held (e.g. unknown SKU) or a failed store/Amazon step',
      querystring: z.object({ limit }),
      response: { 200: z.object({ orders: z.array(orderSchema) }) },
    },
    handler: async (req) => ({
      orders: (await svc.needsAttention(accountOf(req), req.query.limit)).map(
        ({ raw: _r, contentHash: _h, ...o }) => o,
      ),
    }),
  });

  s.post('/api/orders/:order/retry', {
    schema: {
      tags: ['write-back'],
      summary: 'Retry the failed delivery, shipments and cancellations of an order',
      params: z.object({ order: z.string().min(1).describe('OrderBridge id or Amazon order id') }),
      response: {
        202: z.object({ delivery: z.boolean(), shipments: z.number().int(), cancellations: z.number().int() }),
        ...errorResponses,
      },
    },
    handler: async (req, reply) => reply.status(202).send(unwrap(await svc.retry(accountOf(req), req.params.order))),
  });

  s.get('/api/connections/:connection/sku-links', {
    schema: {
      tags: ['write-back'],
      summary: 'Manual SKU links',
      params: connectionParams,
      response: { 200: z.object({ links: z.array(skuLinkSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ links: unwrap(await svc.skuLinks(accountOf(req), req.params.connection)) }),
  });

  s.put('/api/connections/:connection/sku-links/:sku', {
    schema: {
      tags: ['write-back'],
      summary:
        'Link an Amazon SKU to a store product (looked up by id, then by the Product Identification Attribute); held orders with it are delivered automatically',
      params: connectionParams.extend({ sku: z.string().min(1).describe('Amazon seller SKU') }),
      body: z.object({ productRef: z.string().min(1).max(200) }),
      response: { 200: skuLinkResultSchema, ...errorResponses },
    },
    handler: async (req) =>
      unwrap(await svc.linkSku(accountOf(req), req.params.connection, req.params.sku, req.body.productRef)),
  });

  s.get('/api/connections/:connection/store-products', {
    schema: {
      tags: ['write-back'],
      summary: 'Search the products of the connection’s store by name or SKU (to link a SKU)',
      params: connectionParams,
      querystring: z.object({ search: z.string().max(200).default('') }),
      response: {
        200: z.object({
          products: z.array(storeProductSchema),
          hasCatalog: z.boolean().describe('false: the store has no catalogue OrderBridge can read'),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) =>
      unwrap(await svc.searchStoreProducts(accountOf(req), req.params.connection, req.query.search)),
  });

  s.delete('/api/connections/:connection/sku-links/:sku', {
    schema: {
      tags: ['write-back'],
      summary: 'Remove a SKU link',
      params: connectionParams.extend({ sku: z.string().min(1) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      unwrap(await svc.unlinkSku(accountOf(req), req.params.connection, req.params.sku));
      return reply.status(204).send(null);
    },
  });
}
