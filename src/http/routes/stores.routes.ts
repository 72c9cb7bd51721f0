import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { newStoreSchema, newStoreTestSchema } from '../../sync/store.service.js';
import { recordStoreEvents } from '../../sync/record-store-events.js';
import { errorResponses } from '../schemas.js';
import { recordedEventsSchema, storeSchema } from '../store-schemas.js';
import { accountOf, authOf } from '../auth/request-auth.js';
import type { RouteDeps } from './route-deps.js';

const params = z.object({ store: z.string().min(1).describe('store id or name') });
const storeTestResultSchema = z.object({ storeName: z.string(), platform: z.string() });

/** Stores: list, add, show, test, poll, and the webhook endpoint stores (or the Vendure plugin) post to. */
export function registerStoreRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;
  const find = async (accountId: string, ref: string) => {
    const found = await app.stores.get(accountId, ref);
    if (!found.ok) throw found.error;
    return found.value;
  };

  s.get('/api/stores', {
    schema: { tags: ['stores'], summary: 'List stores', response: { 200: z.object({ stores: z.array(storeSchema) }) } },
    handler: async (req) => ({ stores: await app.stores.list(accountOf(req)) }),
  });

  s.post('/api/stores', {
    schema: {
      tags: ['stores'],
      summary: 'Add a store (credentials are encrypted and never returned)',
      body: newStoreSchema,
      response: { 201: storeSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const added = await app.stores.add(accountOf(req), req.body, authOf(req).actor);
      if (!added.ok) throw added.error;
      return reply.status(201).send(added.value);
    },
  });

  s.post('/api/stores/test', {
    schema: {
      tags: ['stores'],
      summary: 'Test a store before adding it (one authenticated call; nothing is stored)',
      body: newStoreTestSchema,
      response: { 200: storeTestResultSchema, ...errorResponses },
    },
    handler: async (req) => {
      const tested = await app.stores.testUnsaved(accountOf(req), req.body);
      if (!tested.ok) throw tested.error;
      return tested.value;
    },
  });

  s.get('/api/stores/:store', {
    schema: { tags: ['stores'], summary: 'A store', params, response: { 200: storeSchema, ...errorResponses } },
    handler: async (req) => find(accountOf(req), req.params.store),
  });

  s.post('/api/stores/:store/test', {
    schema: {
      tags: ['stores'],
      summary: 'Test the store connection (one authenticated call)',
      params,
      response: { 200: storeTestResultSchema, ...errorResponses },
    },
    handler: async (req) => {
      const tested = await app.stores.test(accountOf(req), req.params.store);
      if (!tested.ok) throw tested.error;
      return tested.value;
    },
  });

  s.post('/api/stores/:store/poll', {
    schema: {
      tags: ['stores'],
      summary: "Read the store's shipments, cancellations and stock changes now",
      params,
      response: { 200: recordedEventsSchema, ...errorResponses },
    },
    handler: async (req) => {
      const store = await find(accountOf(req), req.params.store);
      const polled = await app.storeSideService.pollStore(accountOf(req), store.id);
      if (!polled.ok) throw polled.error;
      return polled.value;
    },
  });

  registerWebhookRoute(server, deps);
}

/** POST /api/stores/:storeId/webhook: the raw body is kept so the connector can check its signature. */
function registerWebhookRoute(server: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;
  void server.register((scope, _opts, done) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, next) => next(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/stores/:storeId/webhook', {
      // Authorised by the store's signature, not by a user.
      config: { public: true },
      schema: {
        tags: ['stores'],
        summary:
          'Webhook endpoint for store events (WooCommerce webhooks, the OrderBridge Vendure plugin, Shopify webhooks); signed',
        security: [],
        params: z.object({ storeId: z.string().min(1) }),
        response: { 202: recordedEventsSchema, ...errorResponses, 401: errorResponses[400] },
      },
      handler: async (req, reply) => {
        const store = await app.storeSide.stores.findById(req.params.storeId);
        if (!store) throw new AppError('store_not_found', 'No such store', { kind: 'not_found' });
        const connector = await app.stores.connectorFor(store.id);
        if (!connector.ok) throw connector.error;
        if (!connector.value.parseWebhook) {
          throw new AppError('store_webhooks_unsupported', `${store.platform} stores do not send webhooks`, {
            kind: 'invalid',
          });
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
        );
        const parsed = await connector.value.parseWebhook({
          headers,
          rawBody: typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null),
          receivedAt: app.clock.nowIso(),
        });
        if (!parsed.ok) throw parsed.error;
        const recorded = await recordStoreEvents(app.storeSide, store, parsed.value);
        return reply.status(202).send(recorded);
      },
    });
    done();
  });
}
