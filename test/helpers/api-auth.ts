import type { FastifyInstance, InjectOptions } from 'fastify';
import type { App } from '../../src/app/app-context.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/app/default-account.js';

/**
 * Makes every `server.inject` of a test act as a new API token of `accountId` (default: the
 * default account) unless the request sends its own Authorization header or cookie.
 * Returns the token's secret.
 */
export async function authorize(server: FastifyInstance, app: App, accountId = DEFAULT_ACCOUNT_ID): Promise<string> {
  const created = await app.accounts.tokens.create(accountId, { name: `test-${Date.now()}` }, 'test');
  if (!created.ok) throw created.error;
  const secret = created.value.secret;
  const inject = server.inject.bind(server) as (opts: InjectOptions | string) => ReturnType<FastifyInstance['inject']>;
  (server as { inject: unknown }).inject = (opts: InjectOptions | string) => {
    const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    const headers = { ...(o.headers ?? {}) };
    if (headers.authorization === undefined && headers.cookie === undefined && o.cookies === undefined) {
      headers.authorization = `Bearer ${secret}`;
    }
    return inject({ ...o, headers });
  };
  return secret;
}
