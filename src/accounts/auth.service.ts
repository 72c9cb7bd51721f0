import type { Account } from '../db/account.repository.js';
import type { Session } from '../db/session.repository.js';
import type { User } from '../db/user.repository.js';
import { LONGEST_WINDOW_MS, lockSchedule, retryAfterSeconds, throttleKeys } from '../domain/login-throttle.js';
import { AppError } from '../lib/errors.js';
import { hashPassword, verifyPassword } from '../lib/password-hash.js';
import { err, ok, type Result } from '../lib/result.js';
import { newSecret, sha256Hex } from '../lib/secret-token.js';
import type { AccountDeps } from './auth-deps.js';

/** Sessions live 12 hours after the last request (at most 30 days). */
export const SESSION_IDLE_MS = 12 * 3600_000;
const SESSION_MAX_MS = 30 * 86_400_000;
/** last_seen is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  user: User;
  account: Account;
  csrfToken: string;
}

export interface Principal {
  accountId: string;
  userId: string | null;
  actor: string;
  role: 'admin' | 'member';
  via: 'session' | 'token';
  /** Set for sessions: the token every unsafe request must echo in x-csrf-token. */
  csrfToken?: string;
  sessionId?: string;
}

const invalidCredentials = () => new AppError('invalid_credentials', 'Wrong email or password', { kind: 'auth' });

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Login (argon2, throttled), sessions by cookie secret, API tokens by bearer; both resolve to a Principal. */
export class AuthService {
  /** Verified against when the email is unknown, so timing does not tell which emails exist. */
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly deps: AccountDeps) {}

  async login(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<Result<SignedIn & { sessionSecret: string }>> {
    const now = this.deps.clock.now();
    const keys = throttleKeys(normaliseEmail(email), clientAddress);
    const refused = await this.reserveAttempt(keys, now);
    if (refused) return err(refused);
    const user = await this.deps.users.findByEmail(normaliseEmail(email));
    this.dummyHash ??= hashPassword(newSecret());
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    // A failure stays counted (it was reserved before the check); a success gives its attempt back.
    if (!user || !valid) return err(invalidCredentials());
    await this.giveBack(keys);
    const account = await this.deps.accounts.findById(user.accountId);
    if (!account) return err(invalidCredentials());
    const sessionSecret = newSecret();
    const csrfToken = newSecret();
    const nowIso = now.toISOString();
    await this.deps.sessions.insert({
      id: sha256Hex(sessionSecret),
      userId: user.id,
      accountId: account.id,
      csrfToken,
      createdAt: nowIso,
      lastSeenAt: nowIso,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    });
    await this.deps.users.touchLogin(user.id, nowIso);
    await this.deps.sessions.deleteExpired(nowIso);
    await this.deps.throttle.deleteQuiet(new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString());
    const { passwordHash: _h, ...plain } = user;
    return ok({ user: plain, account, csrfToken, sessionSecret });
  }

  /**
   * Checks the current password before `users.setPassword`, throttled like a login (same keys), so
   * a stolen session cannot guess it in parallel either.
   */
  async checkPassword(userId: string, password: string, clientAddress: string): Promise<Result<void>> {
    const wrong = () => err(new AppError('password_wrong', 'The current password is wrong', { kind: 'invalid' }));
    const [user, passwordHash] = await Promise.all([
      this.deps.users.findById(userId),
      this.deps.users.passwordHashOf(userId),
    ]);
    if (!user || !passwordHash) return wrong();
    const keys = throttleKeys(normaliseEmail(user.email), clientAddress);
    const refused = await this.reserveAttempt(keys, this.deps.clock.now());
    if (refused) return err(refused);
    if (!(await verifyPassword(passwordHash, password))) return wrong();
    await this.giveBack(keys);
    return ok(undefined);
  }

  async logout(sessionId: string): Promise<void> {
    await this.deps.sessions.delete(sessionId);
  }

  /** The principal of a session cookie's secret, sliding its expiry; null when unknown or expired. */
  async fromSession(sessionSecret: string): Promise<Principal | null> {
    const now = this.deps.clock.now();
    const session = await this.deps.sessions.findLive(sha256Hex(sessionSecret), now.toISOString());
    if (!session) return null;
    await this.slide(session, now);
    return {
      accountId: session.accountId,
      userId: session.userId,
      actor: session.user.email,
      role: session.user.role,
      via: 'session',
      csrfToken: session.csrfToken,
      sessionId: session.id,
    };
  }

  /** The principal of an API token (always a member of its account); null when unknown or revoked. */
  async fromApiToken(token: string): Promise<Principal | null> {
    const found = await this.deps.tokens.findLiveByHash(sha256Hex(token));
    if (!found) return null;
    const now = this.deps.clock.now();
    if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > TOUCH_EVERY_MS) {
      await this.deps.tokens.touch(found.id, now.toISOString());
    }
    return { accountId: found.accountId, userId: null, actor: `token:${found.name}`, role: 'member', via: 'token' };
  }

  /** The signed-in view (user, account, CSRF token) of a session principal. */
  async me(principal: Principal): Promise<Result<SignedIn>> {
    const user = principal.userId ? await this.deps.users.findById(principal.userId) : null;
    const account = await this.deps.accounts.findById(principal.accountId);
    if (!user || !account || !principal.csrfToken) {
      return err(new AppError('session_required', 'This needs a logged-in user, not an API token', { kind: 'auth' }));
    }
    return ok({ user, account, csrfToken: principal.csrfToken });
  }

  /** An admin's session moves to another account (everything it does is then scoped to that one). */
  async switchAccount(principal: Principal, accountId: string): Promise<Result<SignedIn>> {
    const account = await this.deps.accounts.findById(accountId);
    if (!account) return err(new AppError('account_not_found', `No account "${accountId}"`, { kind: 'not_found' }));
    if (!principal.sessionId)
      return err(new AppError('session_required', 'Switching needs a session', { kind: 'auth' }));
    await this.deps.sessions.switchAccount(principal.sessionId, account.id);
    return this.me({ ...principal, accountId: account.id });
  }

  /**
   * Reserves one attempt on each key in order, before the password is checked, so parallel guesses
   * cannot all pass. At the first locked key the attempts already reserved are given back (a
   * refused login is not a guess) and later keys are not counted: the login error.
   */
  private async reserveAttempt(keys: ReturnType<typeof throttleKeys>, now: Date): Promise<AppError | null> {
    for (const [i, { key, policy }] of keys.entries()) {
      const reservation = await this.deps.throttle.reserve(key, lockSchedule(policy, now), now.toISOString());
      if (reservation.reserved) continue;
      for (const earlier of keys.slice(0, i)) await this.deps.throttle.release(earlier.key, earlier.policy.threshold);
      const seconds = retryAfterSeconds(reservation.lockedUntil, now);
      return new AppError('login_throttled', `Too many failed logins; try again in ${seconds} s`, {
        kind: 'rate_limited',
        details: { retryAfterSeconds: seconds },
      });
    }
    return null;
  }

  /** A success: the pair's count starts over; the address and email get their attempt back. */
  private async giveBack(keys: ReturnType<typeof throttleKeys>): Promise<void> {
    await this.deps.throttle.clear(keys[0]!.key);
    for (const { key, policy } of keys.slice(1)) await this.deps.throttle.release(key, policy.threshold);
  }

  private async slide(session: Session, now: Date): Promise<void> {
    if (now.getTime() - Date.parse(session.lastSeenAt) < TOUCH_EVERY_MS) return;
    const cap = Date.parse(session.createdAt) + SESSION_MAX_MS;
    const expiresAt = new Date(Math.min(cap, now.getTime() + SESSION_IDLE_MS)).toISOString();
    await this.deps.sessions.touch(session.id, now.toISOString(), expiresAt);
  }
}
