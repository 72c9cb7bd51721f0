import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireAdmin } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

const retentionSchema = z
  .object({
    days: z
      .number()
      .int()
      .describe('days buyer personal data is kept after an order was shipped/delivered or cancelled'),
    defaultDays: z.number().int(),
    maxDays: z.number().int().describe("the administrators' limit: no account keeps buyer data longer"),
  })
  .meta({ id: 'BuyerDataRetention' });

/** GET/PUT /api/account/retention (members), PUT /api/admin/retention (administrators' cap). */
export function registerRetentionRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { retention } = deps.app;

  s.get('/api/account/retention', {
    schema: {
      tags: ['data retention'],
      summary: "The account's buyer personal data retention (PRODUCT.md §12)",
      response: { 200: retentionSchema, ...errorResponses },
    },
    handler: async (req) => retention.view(authOf(req).accountId),
  });

  s.put('/api/account/retention', {
    schema: {
      tags: ['data retention'],
      summary: 'Set how many days buyer personal data is kept after an order ended (at most the limit)',
      body: z.object({ days: z.number().int() }),
      response: { 200: retentionSchema, ...errorResponses },
    },
    handler: async (req) => {
      const auth = authOf(req);
      const changed = await retention.setDays(auth.accountId, req.body.days, auth.actor);
      if (!changed.ok) throw changed.error;
      return changed.value;
    },
  });

  s.put('/api/admin/retention', {
    schema: {
      tags: ['data retention'],
      summary: 'Administrators: the longest buyer data retention any account may set',
      body: z.object({ maxDays: z.number().int() }),
      response: { 200: z.object({ maxDays: z.number().int() }), ...errorResponses },
    },
    handler: async (req) => {
      const admin = requireAdmin(req);
      const changed = await retention.setMaxDays(admin.accountId, req.body.maxDays, admin.actor);
      if (!changed.ok) throw changed.error;
      return changed.value;
    },
  });
}
