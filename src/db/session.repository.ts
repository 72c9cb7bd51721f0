import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { toRole } from './user.repository.js';

export interface Session {
  id: string;
  userId: string;
  accountId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface LiveSession extends Session {
  user: { email: string; role: 'admin' | 'member' };
}

/** Sessions by the SHA-256 of their cookie secret. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: Session): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        account_id: s.accountId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  /** A live session with its user's email and role: one query on every request of the web app. */
  async findLive(id: string, now: string): Promise<LiveSession | null> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      .select(['users.email', 'users.role'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    return r
      ? {
          id: r.id,
          userId: r.user_id,
          accountId: r.account_id,
          csrfToken: r.csrf_token,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          expiresAt: r.expires_at,
          user: { email: r.email, role: toRole(r.role) },
        }
      : null;
  }

  async touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async switchAccount(id: string, accountId: string): Promise<void> {
    await this.db.updateTable('sessions').set({ account_id: accountId }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of the user but `keep` (after a password change). */
  async deleteOfUser(userId: string, keep?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep !== undefined) query = query.where('id', '!=', keep);
    await query.execute();
  }

  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
