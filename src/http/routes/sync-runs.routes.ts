import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { errorResponses, syncRunSchema } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

/** GET /api/sync-runs, GET /api/sync-runs/:id */
export function registerSyncRunRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;

  const accountConnectionIds = async (connection?: string): Promise<string[]> => {
    if (connection === undefined) return (await app.connections.list(app.accountId)).map((c) => c.id);
    const found = await app.connections.get(app.accountId, connection);
    if (!found.ok) throw found.error;
    return [found.value.id];
  };

  s.get('/api/sync-runs', {
    schema: {
      tags: ['sync runs'],
      summary: 'Sync runs, newest first',
      querystring: z.object({
        connection: z.string().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      response: { 200: z.object({ syncRuns: z.array(syncRunSchema) }), ...errorResponses },
    },
    handler: async (req) => ({
      syncRuns: await app.syncRuns.list(await accountConnectionIds(req.query.connection), req.query.limit),
    }),
  });

  s.get('/api/sync-runs/:id', {
    schema: {
      tags: ['sync runs'],
      summary: 'One sync run with its counts, API calls and error (poll it for progress)',
      params: z.object({ id: z.string() }),
      response: { 200: syncRunSchema, ...errorResponses },
    },
    handler: async (req) => {
      const run = await app.syncRuns.findById(req.params.id);
      if (!run || !(await accountConnectionIds()).includes(run.connectionId)) {
        throw new AppError('sync_run_not_found', `No sync run "${req.params.id}"`, { kind: 'not_found' });
      }
      return run;
    },
  });
}
