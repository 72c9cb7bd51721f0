import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { registerAuthHook } from './auth/auth-hook.js';
import { replyWithError, type ErrorBody } from './error-mapper.js';
import { registerWebUi } from './web-ui.js';
import { registerSecurityHeaders } from './security-headers.js';
import { API_SECURITY, API_SECURITY_SCHEMES, HUB_OPENAPI_TAG, HUB_SECURITY_SCHEMES } from './hub-openapi.js';
import { registerAccountRoutes } from './routes/account.routes.js';
import { registerAdminRoutes } from './routes/admin.routes.js';
import { registerRetentionRoutes } from './routes/retention.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerConnectionRoutes } from './routes/connections.routes.js';
import { registerSellerAvailabilityRoutes } from './routes/seller-availability.routes.js';
import { registerConnectionSetupRoutes } from './routes/connection-setup.routes.js';
import { registerReferenceRoutes } from './routes/reference.routes.js';
import { registerReportRoutes } from './routes/reports.routes.js';
import { registerUserRoutes } from './routes/users.routes.js';
import { registerHubRoutes } from './routes/hub.routes.js';
import { registerOrderRoutes } from './routes/orders.routes.js';
import type { RouteDeps } from './routes/route-deps.js';
import { registerStoreRoutes } from './routes/stores.routes.js';
import { registerSyncRunRoutes } from './routes/sync-runs.routes.js';
import { registerWriteBackRoutes } from './routes/write-back.routes.js';
import { registerStockRoutes } from './routes/stock.routes.js';
import { registerHealthRoutes } from './routes/health.routes.js';

/** The REST API with its OpenAPI document at /openapi.json and interactive docs at /docs. */
export async function buildHttpServer(deps: RouteDeps): Promise<FastifyInstance> {
  const server = Fastify({ loggerInstance: deps.app.logger }) as unknown as FastifyInstance;
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.setErrorHandler((error, request, reply) => replyWithError(error, request, reply));
  // Unknown routes answer with the same error body as everything else.
  server.setNotFoundHandler((req, reply) =>
    reply.status(404).send({
      error: { code: 'route_not_found', message: `No route ${req.method} ${req.url.split('?')[0] ?? ''}`, details: {} },
    } satisfies ErrorBody),
  );
  registerSecurityHeaders(server);
  await registerAuthHook(server, deps.app.accounts.auth);
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'OrderBridge REST API',
        version: '0.1.0',
        description: 'Amazon order sync hub. Errors: { error: { code, message, details } }.',
      },
      tags: [
        { name: 'auth', description: 'Log in and out; sessions use a cookie plus the x-csrf-token header' },
        { name: 'account', description: 'The account, its plan, usage and audit log' },
        { name: 'users', description: 'Users and API tokens of the account' },
        { name: 'admin', description: 'Administrators: accounts and plans' },
        { name: 'connections' },
        {
          name: 'connection setup',
          description: 'Add-connection wizard, Test connection, Connect with Amazon, job progress',
        },
        {
          name: 'reference',
          description: 'Marketplaces, carrier codes, cancel reasons and Orders Configuration choices',
        },
        { name: 'reports', description: 'Dashboard figures' },
        { name: 'orders' },
        { name: 'sync runs' },
        { name: 'stores' },
        { name: 'write-back' },
        { name: 'stock', description: 'What OrderBridge sends to Amazon per SKU, and why' },
        { name: 'network', description: 'Administrators: custom Amazon endpoints, private store addresses' },
        { name: 'data retention', description: 'How long buyer personal data is kept (PRODUCT.md §12)' },
        { name: 'system' },
        { name: 'health', description: 'Liveness and readiness probes for load balancers and orchestrators' },
        HUB_OPENAPI_TAG,
      ],
      components: { securitySchemes: { ...API_SECURITY_SCHEMES, ...HUB_SECURITY_SCHEMES } },
      security: API_SECURITY,
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await server.register(swaggerUi, { routePrefix: '/docs' });
  server.get('/openapi.json', { schema: { hide: true } }, () => server.swagger());
  server.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Liveness', security: [] } },
    () => ({
      status: 'ok',
      database: deps.app.dialect,
    }),
  );
  registerHealthRoutes(server, deps.app);
  registerAuthRoutes(server, deps);
  registerAccountRoutes(server, deps);
  registerUserRoutes(server, deps);
  registerAdminRoutes(server, deps);
  registerRetentionRoutes(server, deps);
  registerConnectionRoutes(server, deps);
  registerSellerAvailabilityRoutes(server, deps);
  registerConnectionSetupRoutes(server, deps);
  registerReferenceRoutes(server, deps);
  registerReportRoutes(server, deps);
  registerOrderRoutes(server, deps);
  registerSyncRunRoutes(server, deps);
  registerStoreRoutes(server, deps);
  registerWriteBackRoutes(server, deps);
  registerStockRoutes(server, deps);
  registerHubRoutes(server, deps);
  // Last: the web UI and its client-side routes (everything that is not /api, /docs, /openapi.json).
  await registerWebUi(server);
  return server;
}
