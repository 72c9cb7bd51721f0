import { createHash } from 'node:crypto';

interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
  /** When to fetch a new one: ~5 minutes before Amazon's expiry. */
  refreshAtMs: number;
}

/**
 * LWA access tokens shared by every provider of the same grant (LWA URL, client id, refresh token
 * or scope), with one exchange in flight per grant. Keys are SHA-256 digests, so the map never
 * holds a refresh token in clear (heap dumps, debuggers).
 */
export class LwaTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<string>>();

  static key(parts: readonly string[]): string {
    return createHash('sha256').update(parts.join('\u0000')).digest('hex');
  }

  /** A token still fresh at `nowMs` (before its early-refresh time), or null. */
  fresh(key: string, nowMs: number): string | null {
    const cached = this.tokens.get(key);
    return cached && nowMs < cached.refreshAtMs ? cached.accessToken : null;
  }

  store(key: string, token: CachedToken): void {
    this.tokens.set(key, token);
  }

  /** Forgets the token — only if it is still the one Amazon refused (a newer one stays). */
  invalidate(key: string, accessToken?: string): void {
    const cached = this.tokens.get(key);
    if (cached && (accessToken === undefined || cached.accessToken === accessToken)) this.tokens.delete(key);
  }

  /** Runs `exchange` unless one is already running for this key; every caller gets its result. */
  singleFlight(key: string, exchange: () => Promise<string>): Promise<string> {
    let running = this.inflight.get(key);
    if (!running) {
      running = exchange().finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }

  clear(): void {
    this.tokens.clear();
  }
}

/** The process-wide cache (the default of every provider). */
export const sharedLwaTokenCache = new LwaTokenCache();
