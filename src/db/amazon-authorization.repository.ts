import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AmazonAuthorization {
  id: string;
  accountId: string;
  connectionId: string;
  redirectUri: string;
  actor: string;
  createdAt: string;
  expiresAt: string;
}

/** Pending Connect-with-Amazon authorisations, keyed by the hash of their single-use state. */
export class AmazonAuthorizationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: AmazonAuthorization & { stateHash: string }): Promise<void> {
    await this.db
      .insertInto('amazon_authorizations')
      .values({
        id: a.id,
        state_hash: a.stateHash,
        account_id: a.accountId,
        connection_id: a.connectionId,
        redirect_uri: a.redirectUri,
        actor: a.actor,
        created_at: a.createdAt,
        expires_at: a.expiresAt,
        used_at: null,
      })
      .execute();
  }

  /**
   * Marks the state used and returns its authorisation, or null when it is unknown, already used or
   * expired. One conditional UPDATE: two callbacks with the same state cannot both win.
   */
  async consume(stateHash: string, now: string): Promise<AmazonAuthorization | null> {
    const updated = await this.db
      .updateTable('amazon_authorizations')
      .set({ used_at: now })
      .where('state_hash', '=', stateHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return null;
    const r = await this.db
      .selectFrom('amazon_authorizations')
      .selectAll()
      .where('state_hash', '=', stateHash)
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      accountId: r.account_id,
      connectionId: r.connection_id,
      redirectUri: r.redirect_uri,
      actor: r.actor,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    };
  }

  /** Authorisations expired by `now`, used or not (a used one may have failed: cancelled, code refused). */
  async expired(now: string): Promise<AmazonAuthorization[]> {
    const rows = await this.db.selectFrom('amazon_authorizations').selectAll().where('expires_at', '<=', now).execute();
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      connectionId: r.connection_id,
      redirectUri: r.redirect_uri,
      actor: r.actor,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }));
  }

  /** Whether the connection has an authorisation still open (unused, not expired). */
  async hasPending(connectionId: string, now: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('amazon_authorizations')
      .select('id')
      .where('connection_id', '=', connectionId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Drops authorisations that expired before `before` (housekeeping). */
  async deleteExpired(before: string): Promise<void> {
    await this.db.deleteFrom('amazon_authorizations').where('expires_at', '<', before).execute();
  }
}
