export type RetryReason = 'throttled' | 'server' | 'network' | 'malformed' | 'auth';

/** How long to wait before attempt `attempt + 1`, or null to give up. `attempt` starts at 1. */
export interface RetryPolicy {
  nextDelayMs(attempt: number, reason: RetryReason): number | null;
}

export interface JitteredBackoffOptions {
  /** Attempts in all, the first included (default 6). */
  maxAttempts: number;
  /** Ceiling of the first delay (default 1 s); it doubles per attempt. */
  baseMs: number;
  /** Largest ceiling (default 60 s). */
  capMs: number;
  /** [0, 1) — injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF: JitteredBackoffOptions = { maxAttempts: 6, baseMs: 1000, capMs: 60_000 };

/**
 * Exponential backoff with full jitter (a uniform delay in [0, min(cap, base·2^(attempt−1))) ),
 * bounded in attempts. Full jitter spreads the retries of many workers so they do not hit Amazon's
 * refilled bucket together.
 */
export class JitteredBackoff implements RetryPolicy {
  private readonly options: JitteredBackoffOptions;

  constructor(options: Partial<JitteredBackoffOptions> = {}) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
  }

  nextDelayMs(attempt: number, reason: RetryReason): number | null {
    // A malformed body is retried once: a second one means Amazon (or a proxy) is really broken.
    // A refused token is retried once, at once, with a fresh token (it may just have expired).
    const limit = Math.min(reason === 'malformed' || reason === 'auth' ? 2 : Infinity, this.options.maxAttempts);
    if (attempt >= limit) return null;
    if (reason === 'auth') return 0;
    const ceiling = Math.min(this.options.capMs, this.options.baseMs * 2 ** (attempt - 1));
    return Math.floor((this.options.random ?? Math.random)() * ceiling);
  }
}

/** Never retries (one attempt). */
export const NO_RETRY: RetryPolicy = { nextDelayMs: () => null };
