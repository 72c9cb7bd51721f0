import type { Kysely } from 'kysely';

/**
 * Installation-wide settings an administrator controls (custom Amazon endpoints, private store
 * addresses, the buyer-data retention cap): one row per setting, the value as JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('installation_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
