import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrderReportRepository } from '../../db/order-report.repository.js';
import { accountOf } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

const DAY_MS = 86_400_000;

/** Dashboard figures of the account's orders. */
export function registerReportRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;
  const reports = new OrderReportRepository(app.db);

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
      const accountId = accountOf(req);
      let connectionIds: string[];
      if (req.query.connection === undefined) {
        connectionIds = (await app.connections.list(accountId)).map((c) => c.id);
      } else {
        const found = await app.connections.get(accountId, req.query.connection);
        if (!found.ok) throw found.error;
        connectionIds = [found.value.id];
      }
      const today = Date.parse(`${app.clock.nowIso().slice(0, 10)}T00:00:00Z`);
      const dates = Array.from({ length: req.query.days }, (_, i) =>
        new Date(today - (req.query.days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
      );
      const counted = new Map(
        (await reports.ordersPerDay(connectionIds, dates[0] as string, dates[dates.length - 1] as string)).map((r) => [
          r.date,
          r.orders,
        ]),
      );
      return { days: dates.map((date) => ({ date, orders: counted.get(date) ?? 0 })) };
    },
  });
}
