import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { apiTokenSchema, userSchema } from '../account-schemas.js';
import { accountOf, authOf, requireAdmin } from '../auth/request-auth.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

/** Users (administrators manage them) and API tokens (any user of the account) of the request's account. */
export function registerUserRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { users, tokens } = deps.app.accounts;

  s.get('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'Users of the account',
      response: { 200: z.object({ users: z.array(userSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ users: await users.list(accountOf(req)) }),
  });

  s.post('/api/users', {
    schema: {
      tags: ['users'],
      summary: 'Administrators: add a user to the account (password ≥ 12 characters)',
      body: z.object({ email: z.string(), name: z.string(), password: z.string(), role: z.string().optional() }),
      response: { 201: userSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const admin = requireAdmin(req);
      const created = await users.create(admin.accountId, req.body, admin.actor);
      if (!created.ok) throw created.error;
      return reply.status(201).send(created.value);
    },
  });

  s.delete('/api/users/:userId', {
    schema: {
      tags: ['users'],
      summary: 'Administrators: remove a user of the account',
      params: z.object({ userId: z.string() }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const admin = requireAdmin(req);
      const removed = await users.remove(admin.accountId, req.params.userId, admin);
      if (!removed.ok) throw removed.error;
      return reply.status(204).send(null);
    },
  });

  s.get('/api/tokens', {
    schema: {
      tags: ['users'],
      summary: 'API tokens of the account (never the secrets)',
      response: { 200: z.object({ tokens: z.array(apiTokenSchema) }), ...errorResponses },
    },
    handler: async (req) => ({ tokens: await tokens.list(accountOf(req)) }),
  });

  s.post('/api/tokens', {
    schema: {
      tags: ['users'],
      summary:
        'Create an API token (a logged-in user only, never another token); its secret is in this response only (send it as Authorization: Bearer)',
      body: z.object({ name: z.string() }),
      response: { 201: z.object({ token: apiTokenSchema, secret: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const auth = authOf(req);
      // A token minting tokens would outlive its own revocation.
      if (auth.via !== 'session') {
        const message = 'API tokens are created by a logged-in user, not by an API token';
        throw new AppError('api_token_needs_session', message, { kind: 'forbidden' });
      }
      const created = await tokens.create(auth.accountId, req.body, auth.actor);
      if (!created.ok) throw created.error;
      return reply.status(201).send(created.value);
    },
  });

  s.delete('/api/tokens/:tokenId', {
    schema: {
      tags: ['users'],
      summary: 'Revoke an API token',
      params: z.object({ tokenId: z.string() }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const auth = authOf(req);
      const revoked = await tokens.revoke(auth.accountId, req.params.tokenId, auth.actor);
      if (!revoked.ok) throw revoked.error;
      return reply.status(204).send(null);
    },
  });
}
