import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface ApiToken {
  id: string;
  accountId: string;
  name: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

type Row = Database['api_tokens'];
const toToken = (r: Row): ApiToken => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  prefix: r.prefix,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

/** API tokens by the SHA-256 of the token; revoked tokens are kept for the record, never matched. */
export class ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(t: ApiToken & { tokenHash: string }): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        account_id: t.accountId,
        name: t.name,
        token_hash: t.tokenHash,
        prefix: t.prefix,
        created_by: t.createdBy,
        created_at: t.createdAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  async findLiveByHash(tokenHash: string): Promise<ApiToken | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async listLive(accountId: string): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toToken);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  /** Revokes a live token of the account; false when there is none. */
  async revoke(accountId: string, id: string, at: string): Promise<ApiToken | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    await this.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
    return toToken(row);
  }
}
