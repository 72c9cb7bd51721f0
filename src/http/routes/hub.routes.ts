import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../domain/store.js';
import { HubOrdersService } from '../../sync/hub-orders.service.js';
import { HUB_SECURITY } from '../hub-openapi.js';
import {
  hubAckBody,
  hubCancellationBody,
  hubListQuery,
  hubOrderParams,
  hubOrderSchema,
  hubParams,
  hubShipmentBody,
  hubStockBody,
} from '../hub-schemas.js';
import { errorBody, errorResponses } from '../schemas.js';
import { cancellationSchema, recordedEventsSchema, shipmentSchema } from '../store-schemas.js';
import type { RouteDeps } from './route-deps.js';

const errors = { ...errorResponses, 401: errorBody };
const shipmentResult = z.object({ duplicate: z.boolean(), shipment: shipmentSchema });
const cancellationResult = z.object({ duplicate: z.boolean(), cancellation: cancellationSchema });
const base = { tags: ['hub'], security: HUB_SECURITY };

/**
 * The hub-api (PRODUCT.md §9, docs/hub-api.md): a store pulls its orders and posts back what happened.
 * Every route authenticates the store of the path by its bearer apiKey before anything else runs.
 */
export function registerHubRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;
  const hub = new HubOrdersService(app.storeSide, (id) => app.stores.openSecrets(id));
  const authed = new WeakMap<FastifyRequest, Store>();
  const storeOf = (req: FastifyRequest): Store => {
    const store = authed.get(req);
    if (!store) throw new Error('hub route without an authenticated store');
    return store;
  };

  void server.register((scope, _opts, done) => {
    scope.addHook('onRequest', async (req) => {
      const { storeId } = req.params as { storeId?: string };
      const store = await hub.authenticate(storeId ?? '', req.headers.authorization);
      if (!store.ok) throw store.error;
      authed.set(req, store.value);
    });
    const s = scope.withTypeProvider<ZodTypeProvider>();

    s.get('/api/hub/stores/:storeId/orders', {
      config: { public: true },
      schema: {
        ...base,
        summary: 'Orders offered to the store (oldest first), each with the full order',
        params: hubParams,
        querystring: hubListQuery,
        response: { 200: z.object({ orders: z.array(hubOrderSchema), total: z.number().int() }), ...errors },
      },
      handler: async (req) => hub.list(storeOf(req), req.query),
    });

    s.post('/api/hub/stores/:storeId/orders/:orderId/acknowledge', {
      config: { public: true },
      schema: {
        ...base,
        summary: 'Acknowledge an order with your order number (same number again: no change; another: 409)',
        params: hubOrderParams,
        body: hubAckBody,
        response: { 200: hubOrderSchema, ...errors },
      },
      handler: async (req) => {
        const acked = await hub.acknowledge(storeOf(req), req.params.orderId, req.body);
        if (!acked.ok) throw acked.error;
        return acked.value.order;
      },
    });

    s.post('/api/hub/stores/:storeId/orders/:orderId/shipments', {
      config: { public: true },
      schema: {
        ...base,
        summary: 'Post a shipment (202 recorded, 200 when this storeRef was already recorded); goes to Amazon',
        params: hubOrderParams,
        body: hubShipmentBody,
        response: { 200: shipmentResult, 202: shipmentResult, ...errors },
      },
      handler: async (req, reply) => {
        const recorded = await hub.recordShipment(storeOf(req), req.params.orderId, req.body);
        if (!recorded.ok) throw recorded.error;
        return reply.status(recorded.value.duplicate ? 200 : 202).send(recorded.value);
      },
    });

    s.post('/api/hub/stores/:storeId/orders/:orderId/cancellations', {
      config: { public: true },
      schema: {
        ...base,
        summary: 'Post a cancellation (whole order or lines; 202 recorded, 200 duplicate); goes to Amazon',
        params: hubOrderParams,
        body: hubCancellationBody,
        response: { 200: cancellationResult, 202: cancellationResult, ...errors },
      },
      handler: async (req, reply) => {
        const recorded = await hub.recordCancellation(storeOf(req), req.params.orderId, req.body);
        if (!recorded.ok) throw recorded.error;
        return reply.status(recorded.value.duplicate ? 200 : 202).send(recorded.value);
      },
    });

    s.post('/api/hub/stores/:storeId/stock', {
      config: { public: true },
      schema: {
        ...base,
        summary: 'Post sellable stock per product ref (up to 1000 items); changes are pushed to Amazon',
        params: hubParams,
        body: hubStockBody,
        response: { 202: recordedEventsSchema, ...errors },
      },
      handler: async (req, reply) => reply.status(202).send(await hub.recordStock(storeOf(req), req.body.items)),
    });
    done();
  });
}
