import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { signedInSchema } from '../account-schemas.js';
import { authOf, requireAdmin } from '../auth/request-auth.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import { errorResponses } from '../schemas.js';
import type { RouteDeps } from './route-deps.js';

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/switch-account */
export function registerAuthRoutes(server: FastifyInstance, deps: RouteDeps): void {
  const s = server.withTypeProvider<ZodTypeProvider>();
  const { auth } = deps.app.accounts;
  const secure = deps.app.config.secureCookies;

  s.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Log in: sets the session cookie; returns the CSRF token for unsafe requests',
      security: [],
      body: z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(200) }),
      response: { 200: signedInSchema, ...errorResponses },
    },
    handler: async (req, reply) => {
      const result = await auth.login(req.body.email, req.body.password, req.ip);
      if (!result.ok) throw withRetryAfter(reply, result.error);
      const { sessionSecret, ...signedIn } = result.value;
      setSessionCookie(reply, sessionSecret, secure);
      return signedIn;
    },
  });

  s.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Log out (ends the session)', response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      if (req.principal?.sessionId) await auth.logout(req.principal.sessionId);
      clearSessionCookie(reply, secure);
      return reply.status(204).send(null);
    },
  });

  s.get('/api/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'The logged-in user, the account the session acts in and its CSRF token',
      response: { 200: signedInSchema, ...errorResponses },
    },
    handler: async (req) => {
      const me = await auth.me(authOf(req));
      if (!me.ok) throw me.error;
      return me.value;
    },
  });

  s.put('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: "Change the logged-in user's password (ends the user's other sessions)",
      body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      const principal = authOf(req);
      if (!principal.userId) throw new AppError('session_required', 'This needs a logged-in user', { kind: 'auth' });
      const checked = await auth.checkPassword(principal.userId, req.body.currentPassword, req.ip);
      if (!checked.ok) throw withRetryAfter(reply, checked.error);
      const changed = await deps.app.accounts.users.setPassword(
        principal.userId,
        req.body.newPassword,
        principal.actor,
        principal.sessionId,
      );
      if (!changed.ok) throw changed.error;
      return reply.status(204).send(null);
    },
  });

  s.post('/api/auth/switch-account', {
    schema: {
      tags: ['auth'],
      summary: "Administrators: act in another account (the session's account changes)",
      body: z.object({ accountId: z.string().min(1) }),
      response: { 200: signedInSchema, ...errorResponses },
    },
    handler: async (req) => {
      const switched = await auth.switchAccount(requireAdmin(req), req.body.accountId);
      if (!switched.ok) throw switched.error;
      return switched.value;
    },
  });
}

/** A throttled answer says when to try again (the error's details.retryAfterSeconds). */
function withRetryAfter(reply: FastifyReply, error: AppError): AppError {
  const retry = error.details.retryAfterSeconds;
  if (typeof retry === 'number') void reply.header('retry-after', String(retry));
  return error;
}
