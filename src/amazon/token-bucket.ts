import type { Clock } from '../lib/clock.js';

/**
 * Client-side mirror of Amazon's token bucket for one (seller, operation): a call waits for a token
 * before it is sent, so steady state sees no 429. We refill slightly slower than the advertised
 * rate so timing jitter never makes us beat Amazon's own bucket.
 */
export const SAFETY_FACTOR = 0.98;

/**
 * A waiter sleeps at most this long before it looks again, so a higher rate learnt meanwhile from
 * `x-amzn-RateLimit-Limit` shortens the wait (the default searchOrders rate means 3-minute waits).
 */
const MAX_SLEEP_MS = 1000;

export class TokenBucket {
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
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = Math.ceil(((1 - this.tokens) / (this.rate * SAFETY_FACTOR)) * 1000) + 1;
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
