import type { Kysely, Selectable } from 'kysely';
import type { Store } from '../domain/store.js';
import { fromJson } from './json-column.js';
import type { Database } from './schema.js';
import type { StoresTable } from './store-side.schema.js';

export interface NewStoreRow {
  id: string;
  accountId: string;
  name: string;
  platform: string;
  baseUrl: string;
  settings: Record<string, unknown>;
  secretsSealed: string;
  now: string;
}

export type StorePatch = Partial<Pick<Store, 'name' | 'baseUrl' | 'settings'>> & { secretsSealed?: string };

function toStore(row: Selectable<StoresTable>): Store {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    platform: row.platform,
    baseUrl: row.base_url,
    settings: fromJson<Record<string, unknown>>(row.settings_json) ?? {},
    eventCursor: row.event_cursor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stores and their sealed credentials; the only code that knows the stores table. */
export class StoreRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: NewStoreRow): Promise<Store> {
    await this.db
      .insertInto('stores')
      .values({
        id: s.id,
        account_id: s.accountId,
        name: s.name,
        platform: s.platform,
        base_url: s.baseUrl,
        settings_json: JSON.stringify(s.settings),
        secrets_encrypted: s.secretsSealed,
        event_cursor: null,
        created_at: s.now,
        updated_at: s.now,
      })
      .execute();
    return (await this.findById(s.id)) as Store;
  }

  async findById(id: string): Promise<Store | null> {
    const row = await this.db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStore(row) : null;
  }

  /** By id or by name within the account. */
  async findByRef(accountId: string, ref: string): Promise<Store | null> {
    const row = await this.db
      .selectFrom('stores')
      .selectAll()
      .where('account_id', '=', accountId)
      .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
      .executeTakeFirst();
    return row ? toStore(row) : null;
  }

  async list(accountId: string): Promise<Store[]> {
    const rows = await this.db
      .selectFrom('stores')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toStore);
  }

  /** Every account's stores (the job schedules span all accounts). */
  async listAll(): Promise<Store[]> {
    const rows = await this.db.selectFrom('stores').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toStore);
  }

  async sealedSecrets(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('stores').select('secrets_encrypted').where('id', '=', id).executeTakeFirst();
    return row?.secrets_encrypted ?? null;
  }

  async update(id: string, patch: StorePatch, now: string): Promise<void> {
    await this.db
      .updateTable('stores')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.baseUrl !== undefined && { base_url: patch.baseUrl }),
        ...(patch.settings !== undefined && { settings_json: JSON.stringify(patch.settings) }),
        ...(patch.secretsSealed !== undefined && { secrets_encrypted: patch.secretsSealed }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Saved after the events up to the cursor are stored, so a crash re-reads (harmlessly) instead of skipping. */
  async setEventCursor(id: string, cursor: string | null, now: string): Promise<void> {
    await this.db.updateTable('stores').set({ event_cursor: cursor, updated_at: now }).where('id', '=', id).execute();
  }

  /** Connections that deliver to this store. */
  async connectionIds(storeId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('connections').select('id').where('store_id', '=', storeId).execute();
    return rows.map((r) => r.id);
  }
}
