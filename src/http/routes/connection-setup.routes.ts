import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectionQueue, PULL_JOB } from '../../app/sync-worker.js';
import { AppError } from '../../lib/errors.js';
import { CALLBACK_PATH } from '../../sync/amazon-authorization.service.js';
import { connectionUpdateSchema, newConnectionSchema } from '../../sync/connection-input.js';
import { accountOf, authOf } from '../auth/request-auth.js';
import { connectionSchema, errorResponses, syncRunSchema } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

const TAG = 'connection setup';
const params = z.object({ connection: z.string().min(1).describe('connection id or name') });

const shape = newConnectionSchema.shape;
/** The wizard's body: what ConnectionService.add takes; secrets are write-only. */
const newConnectionBody = newConnectionSchema.extend({
  name: shape.name.describe('unique in the account'),
  marketplaceId: shape.marketplaceId.describe('marketplace id (A1PA6795UKMFR9) or country code (DE)'),
  sellerId: shape.sellerId.describe('Seller ID (merchant token), e.g. A2EUQ1WTGCTBG2'),
  clientId: shape.clientId.describe('LWA client id of the SP-API app (amzn1.application-oa2-client.…)'),
  clientSecret: shape.clientSecret.describe('LWA client secret; stored sealed, never returned'),
  refreshToken: shape.refreshToken.describe('the seller’s LWA refresh token (Atzr|…); stored sealed, never returned'),
  spApiBaseUrl: shape.spApiBaseUrl.describe('default: the marketplace region’s SP-API endpoint'),
  lwaUrl: shape.lwaUrl.describe('default: https://api.amazon.com/auth/o2/token'),
  active: shape.active.describe('Activate Order Synchronization (needs a plan with order connections)'),
  store: shape.store.describe('store (id or name) that receives the orders; null = none'),
  config: shape.config.describe('Orders Configuration options (PRODUCT.md §5); omitted options get their defaults'),
});
const updateShape = connectionUpdateSchema.shape;
const connectionPatchBody = connectionUpdateSchema.extend({
  active: updateShape.active.describe('Activate Order Synchronization (needs a plan with order connections)'),
  config: updateShape.config.describe('Orders Configuration changes (JSON merge patch: null removes an option)'),
  clientSecret: updateShape.clientSecret.describe('new LWA client secret (write-only)'),
  refreshToken: updateShape.refreshToken.describe('new refresh token (write-only)'),
});

const testResult = z.object({
  ok: z.boolean(),
  code: z.string().describe('"ok" or an error code of docs/errors.md'),
  message: z.string().describe('what failed and what to do; never contains a secret'),
  checkedAt: z.string().describe('UTC ISO time'),
});

const previewBody = z.object({
  skuCrop: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('SKU crop rules to try ({ removePrefixes, removeSuffixes, regex }); default: the saved rules'),
  skus: z
    .array(z.string().max(200))
    .max(200)
    .optional()
    .describe('SKUs to crop; default: the connection’s recent SKUs'),
});

const jobSchema = z.object({
  id: z.string(),
  name: z.string().describe('e.g. orders.pull'),
  state: z.string().describe('queued | running | succeeded | failed | …'),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  syncRun: syncRunSchema.nullable().describe('the order pull this job runs or ran: live counts while it runs'),
});

/**
 * The connection wizard and Orders Configuration form: add, change, remove, test, preview SKU crop,
 * Connect with Amazon (consent URL + callback) and job progress.
 */
export function registerConnectionSetupRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;
  const authorizations = app.amazonAuthorization;

  s.post('/api/connections', {
    schema: {
      tags: [TAG],
      summary: 'Add a connection (wizard step 2); 201 with the connection, secrets shown as their last 4 characters',
      body: newConnectionBody,
      response: { 201: connectionSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      // An abandoned wizard's connection must not block the name or the plan's connection count.
      await authorizations.removeAbandoned();
      const created = await app.connections.add(accountOf(req), req.body, authOf(req).actor);
      if (!created.ok) throw created.error;
      return reply.status(201).send(created.value);
    },
  });

  s.patch('/api/connections/:connection', {
    schema: {
      tags: [TAG],
      summary: 'Change a connection: credentials, Active, Orders Configuration (partial)',
      description:
        'Activation on a plan without order connections answers 409 plan_no_order_connections naming the plan needed.',
      params,
      body: connectionPatchBody,
      response: { 200: connectionSchema, ...errorResponses },
    },
    handler: async (req) => {
      const updated = await app.connections.update(accountOf(req), req.params.connection, req.body, authOf(req).actor);
      if (!updated.ok) throw updated.error;
      return updated.value;
    },
  });

  s.delete('/api/connections/:connection', {
    schema: {
      tags: [TAG],
      summary: 'Delete a connection without orders (409 connection_has_orders otherwise: deactivate it instead)',
      params,
      response: { 204: z.null().describe('deleted'), ...errorResponses },
    },
    handler: async (req, reply) => {
      const removed = await app.connections.remove(accountOf(req), req.params.connection, authOf(req).actor);
      if (!removed.ok) throw removed.error;
      await app.jobs.unschedule(PULL_JOB, connectionQueue(removed.value.id));
      return reply.status(204).send(null);
    },
  });

  s.post('/api/connections/:connection/test', {
    schema: {
      tags: [TAG],
      summary: 'Test connection: one cheap authenticated SP-API call with a clear message per failure',
      params,
      response: { 200: testResult, ...errorResponses },
    },
    handler: async (req) => {
      const found = await app.connections.get(accountOf(req), req.params.connection);
      if (!found.ok) throw found.error;
      return app.testConnection(found.value);
    },
  });

  s.post('/api/connections/:connection/sku-crop/preview', {
    schema: {
      tags: [TAG],
      summary: 'Live preview of SKU crop rules on recent (or given) SKUs; invalid rules answer 400 sku_crop_invalid',
      params,
      body: previewBody,
      response: {
        200: z.object({
          samples: z.array(
            z.object({
              sku: z.string(),
              cropped: z.string(),
              changed: z.boolean(),
              error: z.string().optional().describe('why this SKU is used unchanged'),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const preview = await app.connections.previewCrop(
        accountOf(req),
        req.params.connection,
        req.body.skuCrop,
        req.body.skus,
      );
      if (!preview.ok) throw preview.error;
      return { samples: preview.value };
    },
  });

  s.post('/api/connections/:connection/amazon-authorization', {
    schema: {
      tags: [TAG],
      summary: 'Connect with Amazon: a Seller Central consent URL with a single-use state (valid 10 minutes)',
      params,
      response: {
        200: z.object({
          consentUrl: z.string().describe('open it in the browser; Amazon redirects to /api/amazon/callback'),
          expiresAt: z.string(),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const begun = await authorizations.begin(accountOf(req), req.params.connection, authOf(req).actor);
      if (!begun.ok) throw begun.error;
      return begun.value;
    },
  });

  s.get(CALLBACK_PATH, {
    config: { public: true },
    // The query carries the state and the one-time code: keep Fastify's request log lines (with the URL) out.
    logLevel: 'warn',
    schema: {
      tags: [TAG],
      summary: 'Amazon’s redirect after consent (authorised by its state); 302 to the connection page',
      description:
        'Exchanges spapi_oauth_code (grant_type=authorization_code), stores the refresh token and ' +
        'selling_partner_id, then redirects to /connections/<id>?amazon=connected or ?amazon=error&message=….',
      security: [],
      querystring: z.object({
        state: z.string().max(200).optional(),
        spapi_oauth_code: z.string().max(2000).optional(),
        selling_partner_id: z.string().max(100).optional(),
        error: z.string().max(200).optional(),
        error_description: z.string().max(1000).optional(),
      }),
    },
    handler: async (req, reply) => {
      const outcome = await authorizations.complete(req.query);
      const page = outcome.connectionId ? `/connections/${encodeURIComponent(outcome.connectionId)}` : '/connections';
      const target = outcome.ok
        ? `${page}?amazon=connected`
        : `${page}?${new URLSearchParams({ amazon: 'error', message: outcome.message }).toString()}`;
      if (!outcome.ok) req.log.warn({ connectionId: outcome.connectionId }, 'Connect with Amazon failed');
      return reply.header('cache-control', 'no-store').redirect(target, 302);
    },
  });

  s.get('/api/jobs/:id', {
    schema: {
      tags: [TAG],
      summary: 'A job (e.g. Synchronize Orders) with its sync run; poll it for live progress and the summary',
      params: z.object({ id: z.string().min(1) }),
      response: { 200: jobSchema, ...errorResponses },
    },
    handler: async (req) => {
      const accountId = accountOf(req);
      const job = await app.jobs.getJob(req.params.id);
      const connectionId = typeof job?.payload.connectionId === 'string' ? job.payload.connectionId : null;
      const storeId = typeof job?.payload.storeId === 'string' ? job.payload.storeId : null;
      const mine =
        (connectionId !== null && (await app.connections.get(accountId, connectionId)).ok) ||
        (storeId !== null && (await app.stores.list(accountId)).some((st) => st.id === storeId));
      if (!job || !mine) {
        throw new AppError('job_not_found', `No job "${req.params.id}"`, { kind: 'not_found' });
      }
      return {
        id: job.id,
        name: job.name,
        state: job.state,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        lastError: job.lastError,
        createdAt: job.createdAt,
        updatedAt: job.updatedAt,
        syncRun: job.name === PULL_JOB ? await app.syncRuns.findByJobId(job.id, connectionId) : null,
      };
    },
  });
}
