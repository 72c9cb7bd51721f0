import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { StoreHttpAgents } from '../store-connector.js';
import { httpError, invalidResponse, unavailable } from './shopify.errors.js';
import { send } from './shopify-http.js';

/** A token is renewed this long before Shopify says it expires. */
export const TOKEN_RENEW_MARGIN_MS = 10 * 60 * 1000;

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

/** Client-credentials tokens per shop + client id, shared by every connector of this process. */
const TOKENS = new Map<string, CachedToken>();

export interface TokenSourceOptions {
  baseUrl: string;
  accessToken?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  timeoutMs: number;
  agents?: StoreHttpAgents | undefined;
  nowMs(): number;
}

/**
 * The Admin API access token: the configured one, or one obtained with the client-credentials grant
 * (`POST /admin/oauth/access_token`, 24 h tokens), cached until shortly before it expires and
 * fetched again when Shopify answers 401 (`invalidate`).
 */
export class TokenSource {
  private readonly key: string;

  constructor(private readonly o: TokenSourceOptions) {
    this.key = `${o.baseUrl}|${o.clientId ?? ''}`;
  }

  /** true when a 401 can be cured by fetching a new token. */
  get renewable(): boolean {
    return this.o.accessToken === undefined;
  }

  invalidate(used: string): void {
    if (TOKENS.get(this.key)?.token === used) TOKENS.delete(this.key);
  }

  async token(): Promise<Result<string>> {
    if (this.o.accessToken !== undefined) return ok(this.o.accessToken);
    const cached = TOKENS.get(this.key);
    if (cached && cached.expiresAtMs - TOKEN_RENEW_MARGIN_MS > this.o.nowMs()) return ok(cached.token);
    const fetched = await this.grant();
    if (fetched.ok) TOKENS.set(this.key, fetched.value);
    return fetched.ok ? ok(fetched.value.token) : fetched;
  }

  private async grant(): Promise<Result<CachedToken>> {
    const where = 'the client-credentials token request';
    const body = JSON.stringify({
      client_id: this.o.clientId,
      client_secret: this.o.clientSecret,
      grant_type: 'client_credentials',
    });
    let answer;
    try {
      answer = await send(
        new URL('/admin/oauth/access_token', this.o.baseUrl),
        { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body },
        { timeoutMs: this.o.timeoutMs, agents: this.o.agents },
      );
    } catch (error) {
      return err(unavailable(where, error instanceof Error ? error.message : String(error)));
    }
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) return err(refused(answer.status));
    if (answer.status < 200 || answer.status >= 300) return err(httpError(answer.status, where));
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(answer.text) as typeof parsed;
    } catch {
      return err(invalidResponse(where, 'a non-JSON body'));
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
      return err(invalidResponse(where, 'no access_token'));
    }
    const seconds = typeof parsed.expires_in === 'number' ? parsed.expires_in : 86_399;
    return ok({ token: parsed.access_token, expiresAtMs: this.o.nowMs() + seconds * 1000 });
  }
}

function refused(status: number): AppError {
  return new AppError(
    'shopify_auth_failed',
    `Shopify refused the client id/secret (${status}): check them and that the app is installed on this shop.`,
    { kind: 'auth', retryable: false, details: { status } },
  );
}
