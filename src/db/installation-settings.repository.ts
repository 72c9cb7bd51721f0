import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Installation-wide settings (not per account), stored as JSON per key. Callers own the meaning
 * and defaults of their keys; an unset key reads as `undefined`.
 */
export class InstallationSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('installation_settings')
      .select('value_json')
      .where('key', '=', key)
      .executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.value_json) as unknown);
  }

  async all(): Promise<Record<string, unknown>> {
    const rows = await this.db.selectFrom('installation_settings').select(['key', 'value_json']).execute();
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
  }

  async set(key: string, value: unknown, now: string): Promise<void> {
    const value_json = JSON.stringify(value);
    await this.db
      .insertInto('installation_settings')
      .values({ key, value_json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
      .execute();
  }
}
