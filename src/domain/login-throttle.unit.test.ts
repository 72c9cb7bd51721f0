import { describe, expect, it } from 'vitest';
import {
  EMAIL_THROTTLE,
  lockMsAfter,
  lockSchedule,
  PAIR_THROTTLE,
  retryAfterSeconds,
  throttleKeys,
} from './login-throttle.js';

const now = new Date(Date.UTC(2026, 10, 29, 8, 0, 0));
const plus = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('login throttle', () => {
  it('lets four attempts per email and address pass, locks on the fifth and doubles up to 15 min', () => {
    expect([1, 2, 3, 4].map((n) => lockMsAfter(n, PAIR_THROTTLE))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockMsAfter(n, PAIR_THROTTLE))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(lockMsAfter(30, PAIR_THROTTLE)).toBe(15 * 60_000);
  });

  it('delays guesses at one email from many addresses only a little (at most 30 s)', () => {
    expect(lockMsAfter(9, EMAIL_THROTTLE)).toBe(0);
    expect(lockMsAfter(10, EMAIL_THROTTLE)).toBe(2_000);
    expect(lockMsAfter(100, EMAIL_THROTTLE)).toBe(30_000);
  });

  it('lists the lock of every attempt number until the maximum, for the database to pick', () => {
    expect(lockSchedule(PAIR_THROTTLE, now)).toEqual({
      threshold: 5,
      lockedUntil: [plus(30_000), plus(60_000), plus(120_000), plus(240_000), plus(480_000)],
      capLockedUntil: plus(900_000),
      windowStartedAfter: plus(-900_000),
    });
    expect(lockSchedule(EMAIL_THROTTLE, now).lockedUntil).toEqual([
      plus(2_000),
      plus(4_000),
      plus(8_000),
      plus(16_000),
    ]);
  });

  it('checks the email and address pair first and the email alone last', () => {
    expect(throttleKeys('mia@example.com', '10.0.0.1').map((k) => k.key)).toEqual([
      'pair:mia@example.com 10.0.0.1',
      'ip:10.0.0.1',
      'email:mia@example.com',
    ]);
  });

  it('always asks to wait at least a second', () => {
    expect(retryAfterSeconds(plus(29_001), now)).toBe(30);
    expect(retryAfterSeconds(plus(-5), now)).toBe(1);
    expect(retryAfterSeconds(null, now)).toBe(1);
  });
});
