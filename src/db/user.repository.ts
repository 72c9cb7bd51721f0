import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface User {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

type Row = Database['users'];

/** The stored role; anything but 'admin' is a member. */
export const toRole = (role: string): User['role'] => (role === 'admin' ? 'admin' : 'member');
const toUser = (r: Row): UserWithHash => ({
  id: r.id,
  accountId: r.account_id,
  email: r.email,
  name: r.name,
  role: toRole(r.role),
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
  passwordHash: r.password_hash,
});
const withoutHash = ({ passwordHash: _h, ...user }: UserWithHash): User => user;

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(u: Omit<UserWithHash, 'lastLoginAt'>): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: u.id,
        account_id: u.accountId,
        email: u.email,
        name: u.name,
        password_hash: u.passwordHash,
        role: u.role,
        created_at: u.createdAt,
        last_login_at: null,
      })
      .execute();
  }

  async findByEmail(email: string): Promise<UserWithHash | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? withoutHash(toUser(row)) : null;
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash ?? null;
  }

  async listByAccount(accountId: string): Promise<User[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('email')
      .execute();
    return rows.map((r) => withoutHash(toUser(r)));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async touchLogin(id: string, at: string): Promise<void> {
    await this.db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute();
  }

  /** Deletes a user of the account (sessions go with it); false when there is none. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('users')
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
