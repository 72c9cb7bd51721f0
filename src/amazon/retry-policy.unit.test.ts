import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, JitteredBackoff, NO_RETRY } from './retry-policy.js';

describe('JitteredBackoff', () => {
  it('doubles the ceiling per attempt up to the cap, with full jitter below it', () => {
    const top = new JitteredBackoff({ random: () => 0.999999 });
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => top.nextDelayMs(attempt, 'server'));
    expect(ceilings).toEqual([999, 1999, 3999, 7999, 15999]);
    expect(new JitteredBackoff({ random: () => 0 }).nextDelayMs(3, 'throttled')).toBe(0);
    const capped = new JitteredBackoff({ maxAttempts: 20, baseMs: 1000, capMs: 60_000, random: () => 0.5 });
    expect(capped.nextDelayMs(12, 'network')).toBe(30_000);
  });

  it('gives up after maxAttempts (6 by default: the 6th failure is final)', () => {
    const policy = new JitteredBackoff();
    expect(DEFAULT_BACKOFF).toEqual({ maxAttempts: 6, baseMs: 1000, capMs: 60_000 });
    expect(policy.nextDelayMs(5, 'throttled')).not.toBeNull();
    expect(policy.nextDelayMs(6, 'throttled')).toBeNull();
    expect(new JitteredBackoff({ maxAttempts: 1 }).nextDelayMs(1, 'server')).toBeNull();
  });

  it('retries a malformed body once (after a delay) and a refused token once at once', () => {
    const policy = new JitteredBackoff({ random: () => 0.5 });
    expect(policy.nextDelayMs(1, 'malformed')).toBe(500);
    expect(policy.nextDelayMs(2, 'malformed')).toBeNull();
    expect(policy.nextDelayMs(1, 'auth')).toBe(0);
    expect(policy.nextDelayMs(2, 'auth')).toBeNull();
  });

  it('spreads delays over the whole window (full jitter, not equal jitter)', () => {
    const policy = new JitteredBackoff();
    const delays = Array.from({ length: 400 }, () => policy.nextDelayMs(4, 'server') as number);
    expect(Math.min(...delays)).toBeLessThan(1000);
    expect(Math.max(...delays)).toBeGreaterThan(7000);
    expect(delays.every((d) => d >= 0 && d < 8000)).toBe(true);
    expect(NO_RETRY.nextDelayMs(1, 'server')).toBeNull();
  });
});
