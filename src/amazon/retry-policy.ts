export type RetryReason = 'throttled' | 'server' | 'network' | 'malformed' | 'auth';

/** How long to wait before the next attempt, or null to give up (Trigger.dev-style retry policy). */
export interface RetryPolicy {
  nextDelayMs(attempt: number, reason: RetryReason): number | null;
}

/** Exponential backoff with full jitter, bounded in attempts and delay. */
export class JitteredBackoff implements RetryPolicy {
  constructor(
    private readonly options: { maxAttempts: number; baseMs: number; capMs: number; random?: () => number } = {
      maxAttempts: 6,
      baseMs: 500,
      capMs: 30_000,
    },
  ) {}

  nextDelayMs(attempt: number, reason: RetryReason): number | null {
    // A malformed body is retried once: a second one means Amazon (or a proxy) is really broken.
    // A refused token is retried once, at once, with a fresh token (it may just have expired).
    const limit = reason === 'malformed' || reason === 'auth' ? 2 : this.options.maxAttempts;
    if (attempt >= limit) return null;
    if (reason === 'auth') return 0;
    const ceiling = Math.min(this.options.capMs, this.options.baseMs * 2 ** (attempt - 1));
    return Math.floor((this.options.random ?? Math.random)() * ceiling);
  }
}
