import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { checkReadiness } from '../../db/readiness.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/logger.js';

const notReadySchema = z.object({
  status: z.literal('unavailable'),
  reason: z.enum(['database_unreachable', 'database_timeout', 'migrations_pending']),
  message: z.string(),
});

/**
 * GET /health (the process is alive; touches nothing) and GET /ready (the database answers and
 * every migration is applied) for load balancers and orchestrators: public, no secrets.
 */
export function registerHealthRoutes(server: FastifyInstance, deps: { db: Kysely<Database>; logger: Logger }): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const publicRoute = { config: { public: true } } as const;

  s.get('/health', {
    ...publicRoute,
    schema: {
      tags: ['health'],
      summary: 'Liveness: 200 while the process runs (does not touch the database)',
      security: [],
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: () => ({ status: 'ok' as const }),
  });

  s.get('/ready', {
    ...publicRoute,
    schema: {
      tags: ['health'],
      summary: 'Readiness: 200 when the database answers and all migrations are applied, else 503 with the reason',
      security: [],
      response: { 200: z.object({ status: z.literal('ready') }), 503: notReadySchema },
    },
    handler: async (_req, reply) => {
      const readiness = await checkReadiness(deps.db);
      if (readiness.ready) return { status: 'ready' as const };
      // The cause goes to the log only: driver errors can name hosts and users.
      deps.logger.warn({ reason: readiness.reason, err: readiness.error }, 'not ready');
      return reply
        .status(503)
        .send({ status: 'unavailable' as const, reason: readiness.reason, message: readiness.message });
    },
  });
}

/** The two health routes alone, for a `worker` process (`--health-port`). */
export async function buildHealthServer(deps: { db: Kysely<Database>; logger: Logger }): Promise<FastifyInstance> {
  // Probes come every few seconds: their request lines stay out of the log (warnings still go in).
  const logger = deps.logger.child({}, { level: 'warn' });
  const server = Fastify({ loggerInstance: logger }) as unknown as FastifyInstance;
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  registerHealthRoutes(server, deps);
  await server.ready();
  return server;
}
