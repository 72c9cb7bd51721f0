import axios, { type AxiosInstance } from 'axios';
import type { Clock } from '../lib/clock.js';
import { lwaError } from './lwa-errors.js';
import { postLwaGrant } from './lwa-grant.js';
import { LwaTokenCache, sharedLwaTokenCache } from './lwa-token-cache.js';

/** What the transport needs: a valid access token, and a way to drop one Amazon refused. */
export interface AccessTokenSource {
  accessToken(): Promise<string>;
  invalidate(accessToken?: string): void;
}

/** A seller-authorised grant (`refresh_token`). */
export interface LwaCredentials {
  lwaUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** A grantless grant (`client_credentials`), e.g. scope `sellingpartnerapi::notifications`. */
export interface LwaGrantlessCredentials {
  lwaUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface LwaTokenProviderOptions {
  http?: AxiosInstance;
  /** Default: the process-wide cache, so every provider of one grant shares its token. */
  cache?: LwaTokenCache;
  /** Refresh this long before Amazon's expiry (default 5 minutes; at most half the token's life). */
  earlyRefreshMs?: number;
}

const EARLY_REFRESH_MS = 5 * 60_000;
const DEFAULT_TTL_SECONDS = 3600;

/**
 * Login with Amazon: exchanges a grant for an access token (1 h), caches it per grant, refreshes it
 * ~5 minutes early, and lets concurrent callers share one exchange. Secrets never reach a log or an
 * error: errors carry LWA's error code and description only.
 */
export class LwaTokenProvider implements AccessTokenSource {
  /** Token exchanges this provider made (tests, diagnostics). */
  exchanges = 0;
  private readonly key: string;
  private readonly fields: Record<string, string>;
  private readonly lwaUrl: string;
  private readonly http: AxiosInstance;
  private readonly cache: LwaTokenCache;
  private readonly earlyRefreshMs: number;

  constructor(
    credentials: LwaCredentials | LwaGrantlessCredentials,
    private readonly clock: Clock,
    options: LwaTokenProviderOptions = {},
  ) {
    const { lwaUrl, clientId, clientSecret } = credentials;
    const grantless = 'scope' in credentials;
    const grant: Record<string, string> = grantless
      ? { grant_type: 'client_credentials', scope: credentials.scope }
      : { grant_type: 'refresh_token', refresh_token: credentials.refreshToken };
    this.lwaUrl = lwaUrl;
    this.fields = { ...grant, client_id: clientId, client_secret: clientSecret };
    const subject = grantless ? `scope:${credentials.scope}` : credentials.refreshToken;
    this.key = LwaTokenCache.key([lwaUrl, clientId, subject]);
    this.http = options.http ?? axios.create({ timeout: 30_000 });
    this.cache = options.cache ?? sharedLwaTokenCache;
    this.earlyRefreshMs = options.earlyRefreshMs ?? EARLY_REFRESH_MS;
  }

  /** A grantless provider (`client_credentials` with a scope), for operations without a seller. */
  static grantless(
    credentials: LwaGrantlessCredentials,
    clock: Clock,
    options: LwaTokenProviderOptions = {},
  ): LwaTokenProvider {
    return new LwaTokenProvider(credentials, clock, options);
  }

  async accessToken(): Promise<string> {
    const cached = this.cache.fresh(this.key, this.clock.now().getTime());
    if (cached !== null) return cached;
    return this.cache.singleFlight(this.key, () => this.exchange());
  }

  /** Forget the token (Amazon refused it); only that token, a newer one stays. */
  invalidate(accessToken?: string): void {
    this.cache.invalidate(this.key, accessToken);
  }

  private async exchange(): Promise<string> {
    this.exchanges++;
    const startedMs = this.clock.now().getTime();
    const { status, json } = await postLwaGrant(this.http, this.lwaUrl, this.fields);
    const accessToken = json?.access_token;
    if (status !== 200 || typeof accessToken !== 'string' || accessToken === '') {
      throw lwaError(status, json);
    }
    const ttlMs = (positiveNumber(json?.expires_in) ?? DEFAULT_TTL_SECONDS) * 1000;
    // A short-lived token is refreshed at half its life, never "before it was issued".
    const early = Math.min(this.earlyRefreshMs, ttlMs / 2);
    this.cache.store(this.key, {
      accessToken,
      expiresAtMs: startedMs + ttlMs,
      refreshAtMs: startedMs + ttlMs - early,
    });
    return accessToken;
  }
}

function positiveNumber(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}
