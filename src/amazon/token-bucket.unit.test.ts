import { describe, expect, it } from 'vitest';
import { ManualClock } from '../lib/clock.js';
import { SAFETY_FACTOR, SEND_ALLOWANCE_S, TokenBucket, tokensNeeded } from './token-bucket.js';

/** Sleeps until the test wakes it, so a test can act while a caller waits. */
class SteppedClock extends ManualClock {
  private readonly pending: Array<{ ms: number; resolve: () => void }> = [];
  get sleeping(): number[] {
    return this.pending.map((p) => p.ms);
  }
  override sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.pending.push({ ms, resolve }));
  }
  wake(): void {
    const next = this.pending.shift();
    if (!next) return;
    this.advance(next.ms);
    next.resolve();
  }
}
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('TokenBucket', () => {
  it('lets a burst through at once, then one call per 1/rate seconds (a little slower, never faster)', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(0.5, 3, clock);
    const start = clock.now().getTime();
    const sentAt: number[] = [];
    for (let i = 0; i < 4; i++) {
      await bucket.acquire();
      sentAt.push(clock.now().getTime() - start);
    }
    // The last token of the burst waits for the send allowance (0.5/s × 0.2 s = 0.1 token in reserve).
    expect(sentAt.slice(0, 2)).toEqual([0, 0]);
    expect(sentAt[2]).toBeGreaterThanOrEqual(SEND_ALLOWANCE_S * 1000);
    expect(sentAt[2]).toBeLessThanOrEqual(Math.ceil((SEND_ALLOWANCE_S * 1000) / SAFETY_FACTOR) + 2);
    const gap = (sentAt[3] ?? 0) - (sentAt[2] ?? 0);
    expect(gap).toBeGreaterThanOrEqual(2000);
    expect(gap).toBeLessThanOrEqual(Math.ceil(2000 / SAFETY_FACTOR) + 3);
  });

  it('keeps rate × the send allowance in reserve, so a call Amazon counts a little late finds a token', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(2, 10, clock);
    for (let i = 0; i < 9; i++) await bucket.acquire();
    expect(bucket.available()).toBe(1); // 1 < 1 + 2 × 0.2: the 10th waits
    const start = clock.now().getTime();
    await bucket.acquire();
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(SEND_ALLOWANCE_S * 1000);
    expect(bucket.available()).toBeGreaterThanOrEqual(2 * SEND_ALLOWANCE_S * SAFETY_FACTOR - 1e-9);
    expect(tokensNeeded(0.0056, 1)).toBe(1); // a burst of 1 stays reachable
    expect(tokensNeeded(5, 5)).toBe(2);
  });

  it('never exceeds the advertised rate over a long run', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(2, 10, clock);
    const start = clock.now().getTime();
    for (let i = 0; i < 210; i++) await bucket.acquire();
    const seconds = (clock.now().getTime() - start) / 1000;
    // 10 from the burst, 200 at ≤ 2/s: at least 100 s; with the 2 % margin, not much more.
    expect(seconds).toBeGreaterThanOrEqual(100);
    expect(seconds).toBeLessThan(100 / SAFETY_FACTOR + 1);
  });

  it('follows the rate Amazon reports, keeps the burst, and empties on a 429', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(0.0056, 20, clock);
    bucket.setRate(5.6);
    expect(bucket.currentRate).toBe(5.6);
    bucket.drain();
    expect(bucket.available()).toBe(0);
    clock.advance(10_000);
    expect(bucket.available()).toBe(20);
    bucket.setRate(-1);
    bucket.setRate(Number.NaN);
    expect(bucket.currentRate).toBe(5.6);
  });

  it('a waiter picks up a higher rate learnt while it waits (no 3-minute sleep on the default plan)', async () => {
    const clock = new SteppedClock();
    const bucket = new TokenBucket(0.0056, 1, clock);
    await bucket.acquire();
    const start = clock.now().getTime();
    let done = false;
    const waiting = bucket.acquire().then(() => (done = true));
    await settle();
    expect(clock.sleeping).toEqual([1000]); // at 0.0056/s it would need 180 s; it looks again after 1 s
    bucket.setRate(2); // as from the x-amzn-RateLimit-Limit of the answer to the first call
    clock.wake();
    await waiting;
    expect(done).toBe(true);
    expect(clock.now().getTime() - start).toBe(1000);
  });

  it('serves waiters in order', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(1, 1, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.acquire().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
