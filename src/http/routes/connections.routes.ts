import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectionSchema, errorResponses } from '../schemas.js';
import { accountOf } from '../auth/request-auth.js';
import type { RouteDeps } from './route-deps.js';

const params = z.object({ connection: z.string().min(1).describe('connection id or name') });

/** GET /api/connections, GET /api/connections/:connection, POST /api/connections/:connection/sync */
export function registerConnectionRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;

  s.get('/api/connections', {
    schema: {
      tags: ['connections'],
      summary: 'List connections',
      response: { 200: z.object({ connections: z.array(connectionSchema) }) },
    },
    handler: async (req) => {
      // A wizard connection whose Connect with Amazon never finished is removed, not listed.
      await app.amazonAuthorization.removeAbandoned();
      return { connections: await app.connections.list(accountOf(req)) };
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
      return found.value;
    },
  });

  s.post('/api/connections/:connection/sync', {
    schema: {
      tags: ['connections'],
      summary: 'Synchronize Orders now (queues an order pull; follow it in sync runs)',
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
