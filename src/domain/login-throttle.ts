/**
 * Login throttling as data. Every login first reserves an attempt on three keys; a key that is
 * locked refuses the login before the password is checked. From a policy's threshold on, every
 * further attempt locks the key for twice as long, up to a maximum. A success gives its attempt back.
 *
 * - pair (email + client address): someone guessing one user's password — 5 attempts, then 30 s,
 *   1 min, 2 min … at most 15 min.
 * - address: one client trying many users — 20 attempts, same doubling.
 * - email: guesses for one user spread over many addresses — 10 attempts, then only a small delay
 *   (2 s doubling, at most 30 s), so an attacker can never lock the real user out for long.
 *
 * The window slides: a key starts counting again once it has been quiet (and unlocked) that long.
 */
export interface ThrottlePolicy {
  threshold: number;
  windowMs: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const PAIR_THROTTLE: ThrottlePolicy = {
  threshold: 5,
  windowMs: 15 * 60_000,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};
export const ADDRESS_THROTTLE: ThrottlePolicy = { ...PAIR_THROTTLE, threshold: 20 };
export const EMAIL_THROTTLE: ThrottlePolicy = {
  threshold: 10,
  windowMs: 15 * 60_000,
  firstLockMs: 2_000,
  maxLockMs: 30_000,
};

/** After this long quiet every key has started over, so its row can go (it holds emails and addresses). */
export const LONGEST_WINDOW_MS = Math.max(PAIR_THROTTLE.windowMs, ADDRESS_THROTTLE.windowMs, EMAIL_THROTTLE.windowMs);

/** The keys one login reserves, in the order they are checked (the victim's email last). */
export function throttleKeys(email: string, clientAddress: string): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `pair:${email} ${clientAddress}`, policy: PAIR_THROTTLE },
    { key: `ip:${clientAddress}`, policy: ADDRESS_THROTTLE },
    { key: `email:${email}`, policy: EMAIL_THROTTLE },
  ];
}

/** How long the key locks after its `attempts`-th attempt (0 below the threshold). */
export function lockMsAfter(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.threshold) return 0;
  return Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (attempts - policy.threshold));
}

/**
 * The lock each attempt number would set if reserved at `now`, listed until the maximum is
 * reached (`capLockedUntil` for every later attempt); the database picks one atomically.
 */
export interface LockSchedule {
  threshold: number;
  /** lockedUntil[i] belongs to attempt threshold + i. */
  lockedUntil: string[];
  capLockedUntil: string;
  /** A key last active (or unlocked) at or before this starts counting again. */
  windowStartedAfter: string;
}

export function lockSchedule(policy: ThrottlePolicy, now: Date): LockSchedule {
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const lockedUntil: string[] = [];
  for (let n = policy.threshold; lockMsAfter(n, policy) < policy.maxLockMs; n++) {
    lockedUntil.push(at(lockMsAfter(n, policy)));
  }
  return {
    threshold: policy.threshold,
    lockedUntil,
    capLockedUntil: at(policy.maxLockMs),
    windowStartedAfter: new Date(now.getTime() - policy.windowMs).toISOString(),
  };
}

/** Whole seconds until `lockedUntil` (at least 1: a refusal always asks to wait). */
export function retryAfterSeconds(lockedUntil: string | null, now: Date): number {
  const ms = lockedUntil ? Date.parse(lockedUntil) - now.getTime() : 0;
  return Math.max(1, Math.ceil(ms / 1000));
}
