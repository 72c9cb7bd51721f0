import type { FastifyInstance } from 'fastify';
import { DEFAULT_ACCOUNT_ID } from '../../app/default-account.js';

/** Interim: every request acts as the default account (replaced by sessions and API tokens). */
export function registerAuthHook(server: FastifyInstance): void {
  server.decorateRequest('auth', null);
  server.addHook('onRequest', async (req) => {
    req.auth = { accountId: DEFAULT_ACCOUNT_ID, userId: null, actor: 'api', role: 'admin', via: 'token' };
  });
}
