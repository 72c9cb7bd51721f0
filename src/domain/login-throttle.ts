/**
 * Login throttling as data: failures are counted per key within a window; from the threshold on,
 * every further failure locks the key for twice as long (30 s, 1 min, 2 min … at most 15 min).
 * A key is an email (guessing one user's password) or a client address (trying many users).
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export interface ThrottlePolicy {
  threshold: number;
  windowMs: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const EMAIL_THROTTLE: ThrottlePolicy = {
  threshold: 5,
  windowMs: 15 * 60_000,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};
export const ADDRESS_THROTTLE: ThrottlePolicy = { ...EMAIL_THROTTLE, threshold: 20 };

/** Milliseconds until the key may try again, or 0. */
export function lockedFor(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Date.parse(state.lockedUntil) - now.getTime());
}

/** The state after one more failed login. */
export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const windowOver = !state || now.getTime() - Date.parse(state.windowStartedAt) > policy.windowMs;
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver ? now.toISOString() : state.windowStartedAt;
  if (failures < policy.threshold) return { failures, windowStartedAt, lockedUntil: null };
  const lockMs = Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (failures - policy.threshold));
  return { failures, windowStartedAt, lockedUntil: new Date(now.getTime() + lockMs).toISOString() };
}
