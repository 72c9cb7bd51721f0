import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { errorResponses, syncRunSchema } from '../schemas.js';
import { accountOf } from '../auth/request-auth.js';
import type { RouteDeps } from './route-deps.js';
import { withPullRuns } from '../../sync/seller-pull-runs.js';

/** GET /api/sync-runs, GET /api/sync-runs/:id */
export function registerSyncRunRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;

  const accountConnectionIds = async (accountId: string, connection?: string): Promise<string[]> => {
    const ids = await app.orders.connectionIds(accountId, connection);
    if (!ids.ok) throw ids.error;
    return ids.value;
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
    handler: async (req) => {
      const runs = await app.syncRuns.list(
        await accountConnectionIds(accountOf(req), req.query.connection),
        req.query.limit,
      );
      return { syncRuns: await withPullRuns(app.syncRuns, runs, await app.connections.list(accountOf(req))) };
    },
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
      if (!run || !(await accountConnectionIds(accountOf(req))).includes(run.connectionId)) {
        throw new AppError('sync_run_not_found', `No sync run "${req.params.id}"`, { kind: 'not_found' });
      }
      const [shown] = await withPullRuns(app.syncRuns, [run], await app.connections.list(accountOf(req)));
      return shown!;
    },
  });
}
