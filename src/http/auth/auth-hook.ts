import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../../accounts/auth.service.js';
import { AppError } from '../../lib/errors.js';
import { sameSecret } from '../../lib/secret-token.js';
import { bearerToken } from '../../sync/hub-auth.js';
import { unauthenticated } from './request-auth.js';
import { SESSION_COOKIE } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every /api route that is not marked `config: { public: true }` needs a session cookie or an API
 * token; the account of that principal scopes everything the handler reads or writes. Unsafe
 * methods with a session must echo the session's CSRF token in x-csrf-token.
 */
export async function registerAuthHook(server: FastifyInstance, auth: AuthService): Promise<void> {
  await server.register(cookie);
  server.decorateRequest('principal', null);
  server.addHook('onRequest', async (req) => {
    // The matched route decides, not the raw URL (which may be percent-encoded or oddly slashed).
    const route = req.routeOptions.url ?? '';
    const apiRequest = route.startsWith('/api/') || req.url.startsWith('/api/');
    if (!apiRequest || req.routeOptions.config.public === true) return;
    const principal = await principalOf(req, auth);
    if (!principal) throw unauthenticated();
    if (principal.via === 'session' && !SAFE_METHODS.has(req.method)) checkCsrf(req, principal);
    req.principal = principal;
  });
}

async function principalOf(req: FastifyRequest, auth: AuthService): Promise<Principal | null> {
  const bearer = bearerToken(req.headers.authorization);
  if (bearer) return auth.fromApiToken(bearer);
  const secret = req.cookies[SESSION_COOKIE];
  return secret ? auth.fromSession(secret) : null;
}

function checkCsrf(req: FastifyRequest, principal: Principal): void {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !principal.csrfToken || !sameSecret(sent, principal.csrfToken)) {
    throw new AppError('csrf_token_invalid', 'Missing or wrong x-csrf-token header (reload the page)', {
      kind: 'forbidden',
    });
  }
}
