import axios, { type AxiosInstance } from 'axios';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';

export interface LwaCredentials {
  lwaUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

/** Refresh this long before Amazon's expiry, so no call goes out with a token about to die. */
const EARLY_REFRESH_MS = 5 * 60_000;

/**
 * Login with Amazon: exchanges the seller's refresh token for an access token (1 h), caches it,
 * refreshes early, and lets concurrent callers share one exchange. Secrets never reach a log.
 */
export class LwaTokenProvider {
  private cached: CachedToken | null = null;
  private inflight: Promise<string> | null = null;
  exchanges = 0;

  constructor(
    private readonly credentials: LwaCredentials,
    private readonly clock: Clock,
    private readonly http: AxiosInstance = axios.create({ timeout: 30_000 }),
  ) {}

  async accessToken(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.expiresAtMs - EARLY_REFRESH_MS)
      return this.cached.accessToken;
    this.inflight ??= this.exchange().finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** Forget the token (Amazon said it is invalid). */
  invalidate(): void {
    this.cached = null;
  }

  private async exchange(): Promise<string> {
    const { lwaUrl, clientId, clientSecret, refreshToken } = this.credentials;
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      client_secret: clientSecret,
    });
    this.exchanges++;
    let response;
    try {
      response = await this.http.post<unknown>(lwaUrl, body.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        validateStatus: () => true,
        responseType: 'text',
        transformResponse: (data: unknown) => data,
      });
    } catch (cause) {
      throw new AppError(
        'amazon_unavailable',
        `Login with Amazon (${hostOf(lwaUrl)}) could not be reached: ${(cause as Error).message}`,
        {
          kind: 'upstream',
          cause: redact(cause),
        },
      );
    }
    const json = parseJson(response.data);
    if (response.status === 200 && json && typeof json.access_token === 'string') {
      const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : 3600;
      this.cached = { accessToken: json.access_token, expiresAtMs: this.clock.now().getTime() + expiresIn * 1000 };
      return json.access_token;
    }
    throw lwaError(response.status, json);
  }
}

function lwaError(status: number, body: Record<string, unknown> | null): AppError {
  const code = typeof body?.error === 'string' ? body.error : null;
  const description = typeof body?.error_description === 'string' ? body.error_description : '';
  const details = { status, lwaError: code, description };
  if (code === 'invalid_client' || code === 'unauthorized_client') {
    return new AppError(
      'amazon_auth_invalid_client',
      'Amazon rejected the LWA client id or client secret of this connection',
      { kind: 'auth', retryable: false, details },
    );
  }
  if (code === 'invalid_grant') {
    return new AppError(
      'amazon_auth_refresh_revoked',
      'The seller’s refresh token is invalid or was revoked: authorise the connection again',
      {
        kind: 'auth',
        retryable: false,
        details,
      },
    );
  }
  if (status >= 500 || status === 429 || code === 'server_error' || code === 'temporarily_unavailable') {
    return new AppError('amazon_unavailable', `Login with Amazon is unavailable (HTTP ${status})`, {
      kind: 'upstream',
      details,
    });
  }
  return new AppError(
    'amazon_auth_failed',
    `Login with Amazon refused the token request: ${code ?? `HTTP ${status}`} ${description}`.trim(),
    {
      kind: 'auth',
      retryable: false,
      details,
    },
  );
}

function parseJson(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Axios errors carry the request body (with secrets); keep only the message. */
function redact(cause: unknown): Error {
  return new Error(cause instanceof Error ? cause.message : String(cause));
}
