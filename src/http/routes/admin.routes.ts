import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountSchema, accountSummarySchema, accountViewSchema, planSchema, userSchema } from '../account-schemas.js';
import { requireAdmin } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

/** Administrators only: every account, new accounts, any account's plan. */
export function registerAdminRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { accounts } = deps.app.accounts;

  s.get('/api/admin/accounts', {
    schema: {
      tags: ['admin'],
      summary: 'All accounts with their plan and counts',
      response: { 200: z.object({ accounts: z.array(accountSummarySchema) }), ...errorResponses },
    },
    handler: async (req) => {
      requireAdmin(req);
      return { accounts: await accounts.listAll() };
    },
  });

  s.post('/api/admin/accounts', {
    schema: {
      tags: ['admin'],
      summary: 'Create an account (plan "free" unless given), optionally with its first user',
      body: z.object({
        name: z.string(),
        planId: z.string().optional(),
        owner: z.object({ email: z.string(), name: z.string(), password: z.string() }).optional(),
      }),
      response: { 201: z.object({ account: accountSchema, owner: userSchema.nullable() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const admin = requireAdmin(req);
      const created = await accounts.create(req.body, admin.actor);
      if (!created.ok) throw created.error;
      return reply.status(201).send(created.value);
    },
  });

  s.put('/api/admin/accounts/:accountId/plan', {
    schema: {
      tags: ['admin'],
      summary: "Change an account's plan",
      params: z.object({ accountId: z.string() }),
      body: z.object({ planId: z.string().min(1) }),
      response: { 200: accountViewSchema, ...errorResponses },
    },
    handler: async (req) => {
      const admin = requireAdmin(req);
      const changed = await accounts.setPlan(req.params.accountId, req.body.planId, admin.actor);
      if (!changed.ok) throw changed.error;
      return changed.value;
    },
  });

  const allowances = z.object({
    allowCustomAmazonEndpoints: z
      .boolean()
      .describe("connections may use SP-API/LWA URLs other than Amazon's (the LWA call posts the app's secret there)"),
    allowPrivateStoreAddresses: z
      .boolean()
      .describe(
        'store and webhook URLs may reach loopback, private and link-local addresses (a store on the same host)',
      ),
  });
  const settingsSchema = allowances
    .extend({ environment: allowances.describe('switched on by the environment (ORDERBRIDGE_ALLOW_…=true)') })
    .meta({ id: 'InstallationSettings' });

  s.get('/api/admin/settings', {
    schema: {
      tags: ['network'],
      summary: "The installation's network settings (an allowance is on when set here or by the environment)",
      response: { 200: settingsSchema, ...errorResponses },
    },
    handler: async (req) => {
      requireAdmin(req);
      return deps.app.network.view();
    },
  });

  s.put('/api/admin/settings', {
    schema: {
      tags: ['network'],
      summary: "Change the installation's network settings (audit-logged)",
      body: allowances.partial(),
      response: { 200: settingsSchema, ...errorResponses },
    },
    handler: async (req) => {
      const admin = requireAdmin(req);
      const saved = await deps.app.network.update(req.body, admin);
      if (!saved.ok) throw saved.error;
      return saved.value;
    },
  });

  s.put('/api/admin/plans/:planId', {
    schema: {
      tags: ['admin'],
      summary: 'Create or change a plan (limits null = unlimited); held orders of its accounts are re-checked',
      params: z.object({ planId: z.string() }),
      body: z.object({
        name: z.string(),
        orderConnections: z.boolean(),
        maxConnections: z.number().int().nullable(),
        ordersPerMonth: z.number().int().nullable(),
      }),
      response: { 200: z.object({ plan: planSchema, released: z.number().int() }), ...errorResponses },
    },
    handler: async (req) => {
      const admin = requireAdmin(req);
      const saved = await deps.app.plans.savePlan({ ...req.body, id: req.params.planId }, admin);
      if (!saved.ok) throw saved.error;
      return saved.value;
    },
  });
}
