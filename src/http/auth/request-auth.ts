import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../accounts/auth.service.js';
import { AppError } from '../../lib/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who the request acts as — one account, by a session or an API token — set by the auth hook on
     * every /api route that is not public (src/http/auth/auth-hook.ts).
     */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or token (login, health, signed store webhooks, hub API's own keys). */
    public?: boolean;
  }
}

export function unauthenticated(): AppError {
  return new AppError('unauthenticated', 'Log in or send Authorization: Bearer <API token>', { kind: 'auth' });
}

/** The request's account and actor; every account-scoped handler starts here. */
export function authOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}

/** The account id every query of this request is scoped to (tenant isolation). */
export function accountOf(req: FastifyRequest): string {
  return authOf(req).accountId;
}

export function requireAdmin(req: FastifyRequest): Principal {
  const auth = authOf(req);
  if (auth.role !== 'admin') {
    throw new AppError('forbidden', 'Only an administrator may do this', { kind: 'forbidden' });
  }
  return auth;
}
