import type { Kysely } from 'kysely';
import type { ThrottleState } from '../domain/login-throttle.js';
import type { Database } from './schema.js';

/** Failed-login counters per key ('email:…', 'ip:…'). */
export class LoginThrottleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<ThrottleState | null> {
    const r = await this.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    return r ? { failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until } : null;
  }

  async put(key: string, s: ThrottleState): Promise<void> {
    await this.db
      .insertInto('login_throttle')
      .values({ key, failures: s.failures, window_started_at: s.windowStartedAt, locked_until: s.lockedUntil })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ failures: s.failures, window_started_at: s.windowStartedAt, locked_until: s.lockedUntil }),
      )
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}
