import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Accounts arrive with users and plans in a later issue; until then everything lives in one account. */
export const DEFAULT_ACCOUNT_ID = 'default';

export async function ensureDefaultAccount(db: Kysely<Database>, now: string): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ id: DEFAULT_ACCOUNT_ID, name: 'Default account', created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
