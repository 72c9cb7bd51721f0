import { z } from 'zod';
import type { User } from '../db/user.repository.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../lib/password-hash.js';
import { err, ok, type Result } from '../lib/result.js';
import { zodToAppError } from '../sync/zod-error.js';
import type { AccountDeps } from './auth-deps.js';
import { normaliseEmail } from './auth.service.js';

export const MIN_PASSWORD_LENGTH = 12;

export const newUserSchema = z.object({
  email: z.string().trim().email('must be an email address').max(254),
  name: z.string().trim().min(1).max(100),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, 'must be at most 200 characters'),
  role: z.enum(['admin', 'member']).default('member'),
});
export type NewUserInput = z.input<typeof newUserSchema>;

/** Users of an account; creating an admin or any user is an admin's job (checked by the caller). */
export class UserService {
  constructor(private readonly deps: AccountDeps) {}

  list(accountId: string): Promise<User[]> {
    return this.deps.users.listByAccount(accountId);
  }

  async create(accountId: string, input: unknown, actor: string): Promise<Result<User>> {
    const parsed = newUserSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('user_invalid', parsed.error));
    const u = parsed.data;
    const email = normaliseEmail(u.email);
    if (await this.deps.users.findByEmail(email)) {
      return err(
        new AppError('user_email_taken', `A user with the email "${email}" already exists`, { kind: 'conflict' }),
      );
    }
    const now = this.deps.clock.nowIso();
    const user: User = { id: newId(), accountId, email, name: u.name, role: u.role, createdAt: now, lastLoginAt: null };
    await this.deps.users.insert({ ...user, passwordHash: await hashPassword(u.password) });
    await this.deps.audit.record({
      accountId,
      actor,
      action: 'user.created',
      entity: 'user',
      entityId: user.id,
      before: null,
      after: user,
      at: now,
    });
    return ok(user);
  }

  /** Sets a new password (checked like a new user's) and ends the user's other sessions. */
  async setPassword(userId: string, newPassword: string, actor: string, keepSessionId?: string): Promise<Result<void>> {
    const parsed = newUserSchema.shape.password.safeParse(newPassword);
    if (!parsed.success) return err(zodToAppError('password_invalid', parsed.error));
    const user = await this.deps.users.findById(userId);
    if (!user) return err(new AppError('user_not_found', `No user "${userId}"`, { kind: 'not_found' }));
    await this.deps.users.setPasswordHash(user.id, await hashPassword(parsed.data));
    await this.deps.sessions.deleteOfUser(user.id, keepSessionId);
    await this.deps.audit.record({
      accountId: user.accountId,
      actor,
      action: 'user.password_changed',
      entity: 'user',
      entityId: user.id,
      before: null,
      after: null,
      at: this.deps.clock.nowIso(),
    });
    return ok(undefined);
  }

  async findByEmail(email: string): Promise<User | null> {
    const found = await this.deps.users.findByEmail(normaliseEmail(email));
    if (!found) return null;
    const { passwordHash: _h, ...user } = found;
    return user;
  }

  async remove(
    accountId: string,
    userId: string,
    actor: { userId: string | null; actor: string },
  ): Promise<Result<void>> {
    const user = await this.deps.users.findById(userId);
    if (!user || user.accountId !== accountId) {
      return err(new AppError('user_not_found', `No user "${userId}" in this account`, { kind: 'not_found' }));
    }
    if (user.id === actor.userId) {
      return err(new AppError('user_self_delete', 'You cannot delete yourself', { kind: 'conflict' }));
    }
    if (user.role === 'admin' && (await this.deps.users.countAdmins()) <= 1) {
      return err(new AppError('last_admin', 'The last administrator cannot be deleted', { kind: 'conflict' }));
    }
    await this.deps.users.delete(accountId, userId);
    await this.deps.audit.record({
      accountId,
      actor: actor.actor,
      action: 'user.deleted',
      entity: 'user',
      entityId: user.id,
      before: user,
      after: null,
      at: this.deps.clock.nowIso(),
    });
    return ok(undefined);
  }
}
