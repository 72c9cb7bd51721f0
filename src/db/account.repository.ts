import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Account {
  id: string;
  name: string;
  planId: string;
  createdAt: string;
}

export interface AccountSummary extends Account {
  connections: number;
  users: number;
}

/** Accounts (tenants); every other table hangs off one. */
export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: Account): Promise<void> {
    await this.db
      .insertInto('accounts')
      .values({ id: a.id, name: a.name, plan_id: a.planId, created_at: a.createdAt })
      .execute();
  }

  async findById(id: string): Promise<Account | null> {
    const r = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, name: r.name, planId: r.plan_id, createdAt: r.created_at } : null;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.db.updateTable('accounts').set({ name }).where('id', '=', id).execute();
  }

  async listWithCounts(): Promise<AccountSummary[]> {
    const rows = await this.db
      .selectFrom('accounts')
      .selectAll('accounts')
      .select((eb) => [
        eb
          .selectFrom('connections')
          .select((e) => e.fn.countAll<string | number>().as('n'))
          .whereRef('connections.account_id', '=', 'accounts.id')
          .as('connections'),
        eb
          .selectFrom('users')
          .select((e) => e.fn.countAll<string | number>().as('n'))
          .whereRef('users.account_id', '=', 'accounts.id')
          .as('users'),
      ])
      .orderBy('accounts.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      planId: r.plan_id,
      createdAt: r.created_at,
      connections: Number(r.connections ?? 0),
      users: Number(r.users ?? 0),
    }));
  }
}
