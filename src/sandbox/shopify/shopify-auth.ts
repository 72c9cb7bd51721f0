import { randomBytes } from 'node:crypto';
import type { Clock } from '../../lib/clock.js';
import { SANDBOX_SHOPIFY_SCOPES } from './constants.js';

/**
 * Access tokens: the fixed token of a legacy custom app (never expires) and tokens from the
 * client-credentials grant (valid 24 h, expiring on the sandbox clock).
 */
export const CLIENT_CREDENTIALS_TTL_S = 86_399;

export class ShopifyTokens {
  private issued = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly staticToken: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  valid(token: string | undefined): boolean {
    if (token === undefined || token === '') return false;
    if (token === this.staticToken) return true;
    const expires = this.issued.get(token);
    return expires !== undefined && this.clock.now().getTime() < expires;
  }

  /** POST /admin/oauth/access_token; null = refused (wrong client or grant). */
  grant(body: Record<string, unknown>): { access_token: string; scope: string; expires_in: number } | null {
    if (body.grant_type !== 'client_credentials') return null;
    if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) return null;
    const token = `shpat_${randomBytes(16).toString('hex')}`;
    this.issued.set(token, this.clock.now().getTime() + CLIENT_CREDENTIALS_TTL_S * 1000);
    return { access_token: token, scope: SANDBOX_SHOPIFY_SCOPES, expires_in: CLIENT_CREDENTIALS_TTL_S };
  }
}
