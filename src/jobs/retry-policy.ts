import { isAppError } from '../lib/errors.js';

/**
 * Decides what happens after a failed attempt: the delay before the next one, or `null` to
 * dead-letter the job. The job's own `maxAttempts` is checked by the runner before asking.
 */
export interface RetryPolicy {
  /** `attempt` is the number of the attempt that just failed (1 for the first). */
  nextDelayMs(attempt: number, error: unknown): number | null;
}

export interface ExponentialBackoffOptions {
  /** Delay after the first failure (default 1 s). */
  baseMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Upper bound (default 1 h). */
  maxMs?: number;
  /** Spread as a fraction of the delay, ± (default 0.25), so retries of many jobs do not align. */
  jitter?: number;
  /** Source of randomness in [0, 1) (tests pass a fixed one). */
  random?: () => number;
}

/** An error the runner must not retry: an AppError that says so. Unknown errors are retried. */
export function isNonRetryable(error: unknown): boolean {
  return isAppError(error) && !error.retryable;
}

/** base · factor^(attempt−1), capped, ± jitter; null for non-retryable errors. */
export class ExponentialBackoff implements RetryPolicy {
  private readonly baseMs: number;
  private readonly factor: number;
  private readonly maxMs: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(options: ExponentialBackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 1000;
    this.factor = options.factor ?? 2;
    this.maxMs = options.maxMs ?? 3_600_000;
    this.jitter = options.jitter ?? 0.25;
    this.random = options.random ?? Math.random;
  }

  nextDelayMs(attempt: number, error: unknown): number | null {
    if (isNonRetryable(error)) return null;
    const raw = Math.min(this.maxMs, this.baseMs * this.factor ** Math.max(0, attempt - 1));
    const spread = raw * this.jitter * (2 * this.random() - 1);
    return Math.max(0, Math.round(raw + spread));
  }
}

export const defaultRetryPolicy: RetryPolicy = new ExponentialBackoff();
