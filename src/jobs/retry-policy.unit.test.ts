import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { ExponentialBackoff, isNonRetryable } from './retry-policy.js';

const upstream = new AppError('store_unavailable', 'down', { kind: 'upstream' });

describe('ExponentialBackoff', () => {
  it('doubles the delay per attempt up to the cap', () => {
    const policy = new ExponentialBackoff({ baseMs: 1000, factor: 2, maxMs: 5000, jitter: 0 });
    expect([1, 2, 3, 4, 5].map((a) => policy.nextDelayMs(a, upstream))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('spreads delays by ± jitter', () => {
    const low = new ExponentialBackoff({ baseMs: 1000, jitter: 0.25, random: () => 0 });
    const high = new ExponentialBackoff({ baseMs: 1000, jitter: 0.25, random: () => 0.999999 });
    expect(low.nextDelayMs(1, upstream)).toBe(750);
    expect(high.nextDelayMs(1, upstream)).toBe(1250);
  });

  it('dead-letters non-retryable AppErrors and retries everything else', () => {
    const policy = new ExponentialBackoff({ jitter: 0 });
    const invalid = new AppError('order_invalid', 'bad', { kind: 'invalid' });
    expect(policy.nextDelayMs(1, invalid)).toBeNull();
    expect(isNonRetryable(invalid)).toBe(true);
    expect(policy.nextDelayMs(1, new TypeError('socket hang up'))).toBe(1000);
    expect(policy.nextDelayMs(1, new AppError('x', 'y', { kind: 'internal', retryable: true }))).toBe(1000);
  });
});
