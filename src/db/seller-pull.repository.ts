import type { Kysely, Selectable } from 'kysely';
import type { Database, SellerPullsTable } from './schema.js';

/** What makes connections one Amazon seller account for pulling: tenant, seller, region and LWA application. */
export interface SellerPullKey {
  accountId: string;
  sellerId: string;
  region: string;
  clientId: string;
}

/** The shared order pull of one seller account: its cursor (moved only after a whole window is stored). */
export interface SellerPull extends SellerPullKey {
  id: string;
  importCursor: string | null;
  createdAt: string;
  updatedAt: string;
}

function toSellerPull(r: Selectable<SellerPullsTable>): SellerPull {
  return {
    id: r.id,
    accountId: r.account_id,
    sellerId: r.seller_id,
    region: r.region,
    clientId: r.client_id,
    importCursor: r.import_cursor,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Seller pulls (migration 0015); the import lease on these rows is src/sync/import-lock.ts. */
export class SellerPullRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<SellerPull | null> {
    const row = await this.db.selectFrom('seller_pulls').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSellerPull(row) : null;
  }

  async findByKey(key: SellerPullKey): Promise<SellerPull | null> {
    const row = await this.db
      .selectFrom('seller_pulls')
      .selectAll()
      .where('account_id', '=', key.accountId)
      .where('seller_id', '=', key.sellerId)
      .where('region', '=', key.region)
      .where('client_id', '=', key.clientId)
      .executeTakeFirst();
    return row ? toSellerPull(row) : null;
  }

  /** Every seller pull of the given accounts (all accounts when omitted). */
  async list(accountIds?: readonly string[]): Promise<SellerPull[]> {
    if (accountIds?.length === 0) return [];
    let query = this.db.selectFrom('seller_pulls').selectAll().orderBy('created_at').orderBy('id');
    if (accountIds) query = query.where('account_id', 'in', [...accountIds]);
    return (await query.execute()).map(toSellerPull);
  }

  /**
   * The seller pull of `key`, created with `cursor` when there is none yet. Two processes creating
   * it at once both get the one row (the unique key index refuses the second insert).
   */
  async ensure(key: SellerPullKey, cursor: string | null, id: string, now: string): Promise<SellerPull> {
    await this.db
      .insertInto('seller_pulls')
      .values({
        id,
        account_id: key.accountId,
        seller_id: key.sellerId,
        region: key.region,
        client_id: key.clientId,
        import_cursor: cursor,
        import_lock_owner: null,
        import_lock_until: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['account_id', 'seller_id', 'region', 'client_id']).doNothing())
      .execute();
    const found = await this.findByKey(key);
    if (!found) throw new Error(`seller pull ${key.sellerId} could not be created`);
    return found;
  }

  async setCursor(db: Kysely<Database>, id: string, cursor: string, now: string): Promise<void> {
    await db.updateTable('seller_pulls').set({ import_cursor: cursor, updated_at: now }).where('id', '=', id).execute();
  }
}
