import { describe, expect, it } from 'vitest';
import { EMAIL_THROTTLE, lockedFor, recordFailure, type ThrottleState } from './login-throttle.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 29, 8, 0, seconds));

describe('login throttle', () => {
  it('lets four failures pass, locks on the fifth and doubles the lock after that', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) {
      state = recordFailure(state, EMAIL_THROTTLE, at(i));
      expect(lockedFor(state, at(i))).toBe(0);
    }
    state = recordFailure(state, EMAIL_THROTTLE, at(4));
    expect(lockedFor(state, at(4))).toBe(30_000);
    state = recordFailure(state, EMAIL_THROTTLE, at(40));
    expect(lockedFor(state, at(40))).toBe(60_000);
    expect(lockedFor(state, at(100))).toBe(0);
  });

  it('never locks longer than the maximum', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 30; i++) state = recordFailure(state, EMAIL_THROTTLE, at(i));
    expect(lockedFor(state, at(29))).toBe(EMAIL_THROTTLE.maxLockMs);
  });

  it('starts counting again after the window', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = recordFailure(state, EMAIL_THROTTLE, at(i));
    const later = new Date(at(0).getTime() + EMAIL_THROTTLE.windowMs + 1000);
    state = recordFailure(state, EMAIL_THROTTLE, later);
    expect(state.failures).toBe(1);
    expect(lockedFor(state, later)).toBe(0);
  });
});
