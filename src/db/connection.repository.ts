import type { Kysely, Selectable } from 'kysely';
import type { Connection } from '../domain/connection.js';
import type { OrdersConfig } from '../domain/orders-config.js';
import { isUniqueViolation } from './dialect.js';
import { fromBool, fromJson, toBool } from './json-column.js';
import type { Database, ConnectionsTable } from './schema.js';
import type { SellerPullKey } from './seller-pull.repository.js';

export interface NewConnectionRow {
  id: string;
  accountId: string;
  name: string;
  marketplaceId: string;
  sellerId: string;
  region: Connection['region'];
  spApiBaseUrl: string;
  lwaUrl: string;
  clientId: string;
  secretsSealed: string;
  storeId?: string | null;
  config: OrdersConfig;
  active: boolean;
  now: string;
}

export type ConnectionPatch = Partial<
  Pick<
    Connection,
    | 'name'
    | 'spApiBaseUrl'
    | 'lwaUrl'
    | 'clientId'
    | 'config'
    | 'active'
    | 'marketplaceId'
    | 'sellerId'
    | 'region'
    | 'storeId'
  >
> & { secretsSealed?: string };

function toConnection(row: Selectable<ConnectionsTable>): Connection {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    marketplaceId: row.marketplace_id,
    sellerId: row.seller_id,
    region: row.region as Connection['region'],
    spApiBaseUrl: row.sp_api_base_url,
    lwaUrl: row.lwa_url,
    clientId: row.client_id,
    config: fromJson<OrdersConfig>(row.settings_json) as OrdersConfig,
    active: fromBool(row.active),
    importCursor: row.import_cursor,
    storeId: row.store_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The partial unique index of migration 0008 refused a second active seller + marketplace. */
function refuseSecondActive(error: unknown): false {
  const text = error instanceof Error ? `${error.message} ${(error as { constraint?: string }).constraint ?? ''}` : '';
  if (isUniqueViolation(error) && /connections_one_active_per_seller_idx|connections\.seller_id/.test(text))
    return false;
  throw error;
}

/** Connections and their sealed secrets; the only code that knows the connections table. */
export class ConnectionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Adds the connection; null when it is active and another connection of the same seller +
   * marketplace already is (the partial unique index of migration 0008 refused it: parallel adds
   * cannot both pass).
   */
  async insert(c: NewConnectionRow): Promise<Connection | null> {
    const inserted = await this.db
      .insertInto('connections')
      .values({
        id: c.id,
        account_id: c.accountId,
        name: c.name,
        marketplace_id: c.marketplaceId,
        seller_id: c.sellerId,
        region: c.region,
        sp_api_base_url: c.spApiBaseUrl,
        lwa_url: c.lwaUrl,
        client_id: c.clientId,
        secrets_encrypted: c.secretsSealed,
        settings_json: JSON.stringify(c.config),
        active: toBool(c.active),
        import_cursor: null,
        import_cursor_kind: null,
        store_id: c.storeId ?? null,
        created_at: c.now,
        updated_at: c.now,
      })
      .execute()
      .then(() => true, refuseSecondActive);
    return inserted ? this.findById(c.id) : null;
  }

  /** Every connection of a seller account + marketplace, in any account (oldest first). */
  async listBySeller(sellerId: string, marketplaceId: string): Promise<Connection[]> {
    const rows = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('seller_id', '=', sellerId)
      .where('marketplace_id', '=', marketplaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toConnection);
  }

  /** Every connection of one seller account (tenant + seller + region + application), oldest first. */
  async listBySellerPull(key: SellerPullKey): Promise<Connection[]> {
    const rows = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('account_id', '=', key.accountId)
      .where('seller_id', '=', key.sellerId)
      .where('region', '=', key.region)
      .where('client_id', '=', key.clientId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toConnection);
  }

  /** Which of these connections are active now (a pull re-reads it per page). */
  async activeIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('connections')
      .select('id')
      .where('id', 'in', [...ids])
      .where('active', '=', toBool(true))
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async findById(id: string): Promise<Connection | null> {
    const row = await this.db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toConnection(row) : null;
  }

  /** Finds by id or by name within the account, so the CLI can take either. */
  async findByRef(accountId: string, ref: string): Promise<Connection | null> {
    const row = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('account_id', '=', accountId)
      .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
      .executeTakeFirst();
    return row ? toConnection(row) : null;
  }

  async list(accountId: string): Promise<Connection[]> {
    const rows = await this.db
      .selectFrom('connections')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toConnection);
  }

  /** Every account's connections (the job schedules span all accounts). */
  async listAll(): Promise<Connection[]> {
    const rows = await this.db.selectFrom('connections').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toConnection);
  }

  async sealedSecrets(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('connections')
      .select('secrets_encrypted')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.secrets_encrypted ?? null;
  }

  /** false when the change would make a second active connection of the seller + marketplace (see insert). */
  async update(id: string, patch: ConnectionPatch, now: string): Promise<boolean> {
    return this.db
      .updateTable('connections')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.marketplaceId !== undefined && { marketplace_id: patch.marketplaceId }),
        ...(patch.sellerId !== undefined && { seller_id: patch.sellerId }),
        ...(patch.region !== undefined && { region: patch.region }),
        ...(patch.spApiBaseUrl !== undefined && { sp_api_base_url: patch.spApiBaseUrl }),
        ...(patch.lwaUrl !== undefined && { lwa_url: patch.lwaUrl }),
        ...(patch.clientId !== undefined && { client_id: patch.clientId }),
        ...(patch.config !== undefined && { settings_json: JSON.stringify(patch.config) }),
        ...(patch.active !== undefined && { active: toBool(patch.active) }),
        ...(patch.secretsSealed !== undefined && { secrets_encrypted: patch.secretsSealed }),
        ...(patch.storeId !== undefined && { store_id: patch.storeId }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
      .then(() => true, refuseSecondActive);
  }

  /** How many orders a connection holds (a connection with orders is kept, see ConnectionService.remove). */
  async countOrders(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('connection_id', '=', id)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Deletes the connection; its sync runs, SKU links and pending authorisations go with it (cascade). */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('connections').where('id', '=', id).execute();
  }

  async setCursor(db: Kysely<Database>, id: string, cursor: string, now: string): Promise<void> {
    await db
      .updateTable('connections')
      .set({ import_cursor: cursor, import_cursor_kind: 'last_updated', updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}
