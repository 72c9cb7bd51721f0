import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The account the CLI works in and the first administrator belongs to (the demo runs in it). */
export const DEFAULT_ACCOUNT_ID = 'default';
export const DEFAULT_ACCOUNT_NAME = 'Default account';

export async function ensureDefaultAccount(db: Kysely<Database>, now: string): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ id: DEFAULT_ACCOUNT_ID, name: DEFAULT_ACCOUNT_NAME, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
