import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LockSchedule } from '../domain/login-throttle.js';
import type { Database } from './schema.js';

export type Reservation = { reserved: true } | { reserved: false; lockedUntil: string | null };

/**
 * Login attempt counters per key ('pair:…', 'ip:…', 'email:…'). Reserving is one statement, so
 * parallel logins each get their own attempt number and none slips past a lock.
 */
export class LoginThrottleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Counts one attempt unless the key is locked (then nothing changes). The attempt that reaches
   * the threshold (or any later one) sets the lock from `schedule` in the same statement.
   */
  async reserve(key: string, schedule: LockSchedule, nowIso: string): Promise<Reservation> {
    const quiet = sql<boolean>`coalesce(login_throttle.locked_until, login_throttle.last_attempt_at) <= ${schedule.windowStartedAfter}`;
    const attempts = sql<number>`(case when ${quiet} then 1 else login_throttle.attempts + 1 end)`;
    const row = await this.db
      .insertInto('login_throttle')
      .values({ key, attempts: 1, last_attempt_at: nowIso, locked_until: firstLock(schedule) })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ attempts, last_attempt_at: nowIso, locked_until: lockAfter(attempts, schedule) })
          .where((eb) =>
            eb.or([eb('login_throttle.locked_until', 'is', null), eb('login_throttle.locked_until', '<=', nowIso)]),
          ),
      )
      .returning('attempts')
      .executeTakeFirst();
    if (row) return { reserved: true };
    const locked = await this.db
      .selectFrom('login_throttle')
      .select('locked_until')
      .where('key', '=', key)
      .executeTakeFirst();
    return { reserved: false, lockedUntil: locked?.locked_until ?? null };
  }

  /** Gives back a reserved attempt that turned out to be a success (its lock too, below the threshold). */
  async release(key: string, threshold: number): Promise<void> {
    await this.db
      .updateTable('login_throttle')
      .set({
        attempts: sql<number>`attempts - 1`,
        locked_until: sql<string | null>`case when attempts - 1 < ${threshold} then null else locked_until end`,
      })
      .where('key', '=', key)
      .where('attempts', '>', 0)
      .execute();
  }

  /** Forgets keys quiet (and unlocked) since `before`: they would start counting again anyway. */
  async deleteQuiet(before: string): Promise<void> {
    await this.db
      .deleteFrom('login_throttle')
      .where(sql<boolean>`coalesce(locked_until, last_attempt_at) <= ${before}`)
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}

/** The lock of a key's first attempt (only when the threshold is 1). */
function firstLock(schedule: LockSchedule): string | null {
  if (schedule.threshold > 1) return null;
  return schedule.lockedUntil[0] ?? schedule.capLockedUntil;
}

/** `case` over the new attempt number: no lock below the threshold, then the schedule, then the cap. */
function lockAfter(attempts: RawBuilder<number>, s: LockSchedule): RawBuilder<string | null> {
  const steps = s.lockedUntil.map((until, i) => sql`when ${attempts} = ${s.threshold + i} then ${until}`);
  return sql<
    string | null
  >`(case when ${attempts} < ${s.threshold} then null ${sql.join(steps, sql` `)} else ${s.capLockedUntil} end)`;
}
