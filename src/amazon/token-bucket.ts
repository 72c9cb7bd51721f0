import type { Clock } from '../lib/clock.js';
import type { RateBudget } from './rate-limit-registry.js';

/**
 * Client-side mirror of Amazon's token bucket for one (seller account, application, operation), in
 * this process's memory: a call waits for a token before it is sent, so steady state sees no 429.
 * We refill slightly slower than the advertised rate so that, over time, we never beat Amazon's bucket.
 */
export const SAFETY_FACTOR = 0.98;

/**
 * Amazon counts a call when it arrives, a little after we took its token, and not every call takes
 * equally long (a new TLS connection, a busy event loop). A call is sent only while the bucket keeps
 * `rate × this` in reserve, so a call that arrives up to this much later than the one before it
 * still finds Amazon's token: without it, the first call after a burst drew 429s.
 */
export const SEND_ALLOWANCE_S = 0.2;

/** Tokens a call needs in the bucket to be sent (the burst stays reachable for burst-1 plans). */
export function tokensNeeded(rate: number, burst: number): number {
  return 1 + Math.max(0, Math.min(rate * SEND_ALLOWANCE_S, burst - 1));
}

/**
 * A waiter sleeps at most this long before it looks again, so a higher rate learnt meanwhile from
 * `x-amzn-RateLimit-Limit` shortens the wait (the default searchOrders rate means 3-minute waits).
 */
export const MAX_SLEEP_MS = 1000;

export class TokenBucket implements RateBudget {
  private tokens: number;
  private lastMs: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private rate: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.tokens = burst;
    this.lastMs = clock.now().getTime();
  }

  get currentRate(): number {
    return this.rate;
  }

  /** Waits (FIFO) until a token is available, then takes it. */
  acquire(): Promise<void> {
    const next = this.queue.then(() => this.take());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Amazon told us the rate it applies (x-amzn-RateLimit-Limit). */
  setRate(rate: number): void {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.rate) return;
    this.refill();
    this.rate = rate;
  }

  /** A 429 means Amazon's bucket is empty: so is ours. */
  drain(): void {
    this.refill();
    this.tokens = 0;
  }

  available(): number {
    this.refill();
    return this.tokens;
  }

  private async take(): Promise<void> {
    for (;;) {
      this.refill();
      const needed = tokensNeeded(this.rate, this.burst);
      if (this.tokens >= needed) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((needed - this.tokens) / (this.rate * SAFETY_FACTOR)) * 1000) + 1;
      await this.clock.sleep(Math.min(waitMs, MAX_SLEEP_MS));
    }
  }

  private refill(): void {
    const now = this.clock.now().getTime();
    const elapsed = Math.max(0, now - this.lastMs) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.rate * SAFETY_FACTOR);
    this.lastMs = now;
  }
}
