import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.js';

export type UserRole = 'admin' | 'member';

/** Who a request acts as: always one account (tenant), by a user's session or an API token. */
export interface RequestAuth {
  accountId: string;
  /** The user behind a session; null for API tokens. */
  userId: string | null;
  /** Written to the audit log: the user's email or `token:<name>`. */
  actor: string;
  role: UserRole;
  via: 'session' | 'token';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every /api route that is not public (src/http/auth/auth-hook.ts). */
    auth: RequestAuth | null;
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
export function authOf(req: FastifyRequest): RequestAuth {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}

/** The account id every query of this request is scoped to (tenant isolation). */
export function accountOf(req: FastifyRequest): string {
  return authOf(req).accountId;
}

export function requireAdmin(req: FastifyRequest): RequestAuth {
  const auth = authOf(req);
  if (auth.role !== 'admin') {
    throw new AppError('forbidden', 'Only an administrator may do this', { kind: 'forbidden' });
  }
  return auth;
}
