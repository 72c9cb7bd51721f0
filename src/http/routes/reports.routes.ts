import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountOf } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

/** Dashboard figures of the account's orders. */
export function registerReportRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;

  s.get('/api/reports/orders-per-day', {
    schema: {
      tags: ['reports'],
      summary: 'Orders per UTC day of Amazon’s purchase date, every day of the range (0 where none)',
      querystring: z.object({
        days: z.coerce.number().int().min(1).max(366).default(30).describe('days up to and including today (UTC)'),
        connection: z.string().min(1).optional().describe('connection id or name; default: every connection'),
      }),
      response: {
        200: z.object({
          days: z.array(
            z.object({
              date: z.string().describe('YYYY-MM-DD (UTC)'),
              orders: z.number().int(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const days = await app.orders.ordersPerDay(accountOf(req), {
        days: req.query.days,
        now: app.clock.now(),
        connection: req.query.connection,
      });
      if (!days.ok) throw days.error;
      return { days: days.value };
    },
  });
}
