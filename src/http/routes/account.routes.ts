import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountViewSchema, auditEntrySchema, planSchema } from '../account-schemas.js';
import { accountOf, authOf, requireAdmin } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

/** GET /api/account, GET /api/plans, PUT /api/account/plan, GET /api/audit-log */
export function registerAccountRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { app } = deps;
  const { accounts } = app.accounts;

  s.get('/api/account', {
    schema: {
      tags: ['account'],
      summary: 'The account: its plan and this month’s usage',
      response: { 200: accountViewSchema, ...errorResponses },
    },
    handler: async (req) => {
      const view = await accounts.view(accountOf(req));
      if (!view.ok) throw view.error;
      return view.value;
    },
  });

  s.get('/api/plans', {
    schema: { tags: ['account'], summary: 'The plans', response: { 200: z.object({ plans: z.array(planSchema) }) } },
    handler: async () => ({ plans: await app.plans.list() }),
  });

  s.put('/api/account/plan', {
    schema: {
      tags: ['account'],
      summary: "Administrators: change this account's plan (releases orders held by the old quota)",
      body: z.object({ planId: z.string().min(1) }),
      response: { 200: accountViewSchema, ...errorResponses },
    },
    handler: async (req) => {
      const admin = requireAdmin(req);
      const changed = await accounts.setPlan(admin.accountId, req.body.planId, admin.actor);
      if (!changed.ok) throw changed.error;
      return changed.value;
    },
  });

  s.get('/api/audit-log', {
    schema: {
      tags: ['account'],
      summary: 'Configuration changes of the account, newest first (secrets are never recorded)',
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(50),
        before: z.string().optional().describe('occurredAt of the last entry seen, for the next page'),
      }),
      response: { 200: z.object({ entries: z.array(auditEntrySchema) }), ...errorResponses },
    },
    handler: async (req) => ({
      entries: await app.accounts.deps.audit.list(authOf(req).accountId, req.query.limit, req.query.before),
    }),
  });
}
