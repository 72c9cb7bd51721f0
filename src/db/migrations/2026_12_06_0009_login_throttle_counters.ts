import type { Kysely } from 'kysely';

/**
 * Login throttling counted atomically per (email, client address) and per email.
 * The counters are recreated (they are short-lived; dropping them only forgets recent failures):
 * `attempts` counts reserved logins not known to have succeeded, `last_attempt_at` lets the
 * window slide, `locked_until` is the time before which the key refuses further attempts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
  await db.schema
    .createTable('login_throttle')
    /** 'pair:<email> <address>', 'email:<email>' or 'ip:<address>'. */
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}
