import { describe, expect, it } from 'vitest';
import { ManualClock } from '../lib/clock.js';
import { SAFETY_FACTOR, TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst through at once, then one call per 1/rate seconds (a little slower, never faster)', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(0.5, 3, clock);
    const start = clock.now().getTime();
    for (let i = 0; i < 3; i++) await bucket.acquire();
    expect(clock.now().getTime() - start).toBe(0);
    await bucket.acquire();
    const waited = clock.now().getTime() - start;
    expect(waited).toBeGreaterThanOrEqual(2000);
    expect(waited).toBeLessThanOrEqual(Math.ceil(2000 / SAFETY_FACTOR) + 2);
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
    expect(bucket.currentRate).toBe(5.6);
  });

  it('serves waiters in order', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket(1, 1, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.acquire().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
