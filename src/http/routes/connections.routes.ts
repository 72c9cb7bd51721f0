import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectionSchema, errorResponses } from '../schemas.js';
import { accountOf } from '../auth/request-auth.js';
import type { RouteDeps } from './route-deps.js';
import type { ConnectionView } from '../../sync/connection.service.js';
import { sellerPullView } from '../../sync/seller-pull.js';

const params = z.object({ connection: z.string().min(1).describe('connection id or name') });

/** GET /api/connections, GET /api/connections/:connection, POST /api/connections/:connection/sync */
export function registerConnectionRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;

  /** Which connections share the seller pull of each (one Amazon seller account, pulled together). */
  const withSellerPulls = async (accountId: string, shown: ConnectionView[], all?: ConnectionView[]) => {
    const connections = all ?? (await app.connections.list(accountId));
    const pulls = await app.sellerPulls.repository.list([accountId]);
    return shown.map((c) => ({ ...c, sellerPull: c.active ? sellerPullView(c, connections, pulls) : null }));
  };

  s.get('/api/connections', {
    schema: {
      tags: ['connections'],
      summary: 'List connections',
      response: { 200: z.object({ connections: z.array(connectionSchema) }) },
    },
    handler: async (req) => {
      // A wizard connection whose Connect with Amazon never finished is removed, not listed.
      await app.amazonAuthorization.removeAbandoned();
      const connections = await app.connections.list(accountOf(req));
      return { connections: await withSellerPulls(accountOf(req), connections, connections) };
    },
  });

  s.get('/api/connections/:connection', {
    schema: {
      tags: ['connections'],
      summary: 'A connection with its Orders Configuration',
      params,
      response: { 200: connectionSchema, ...errorResponses },
    },
    handler: async (req) => {
      const found = await app.connections.get(accountOf(req), req.params.connection);
      if (!found.ok) throw found.error;
      const [shown] = await withSellerPulls(accountOf(req), [found.value]);
      return shown!;
    },
  });

  s.post('/api/connections/:connection/sync', {
    schema: {
      tags: ['connections'],
      summary:
        "Synchronize Orders now: queues the pull of the connection's seller account (all its connections pulled together; follow it in sync runs)",
      params,
      response: { 202: z.object({ jobId: z.string(), connectionId: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const found = await app.connections.get(accountOf(req), req.params.connection);
      if (!found.ok) throw found.error;
      const jobId = await deps.requestSync(found.value.id);
      return reply.status(202).send({ jobId, connectionId: found.value.id });
    },
  });
}
