import { sql, type Kysely, type Selectable } from 'kysely';
import type { JobPayload } from '../jobs/job-queue.js';
import type { Database, SchedulesTable } from './schema.js';

export interface JobSchedule {
  id: string;
  name: string;
  key: string;
  queue: string | null;
  intervalSeconds: number;
  nextRunAt: string;
  payload: JobPayload;
  maxAttempts: number | null;
  /** Priority of the jobs it enqueues. */
  priority: number;
}

function toSchedule(row: Selectable<SchedulesTable>): JobSchedule {
  return {
    id: row.id,
    name: row.name,
    key: row.key,
    queue: row.queue,
    intervalSeconds: row.interval_seconds,
    nextRunAt: row.next_run_at,
    payload: JSON.parse(row.payload_json) as JobPayload,
    maxAttempts: row.max_attempts,
    priority: row.priority,
  };
}

/** Interval schedules of the embedded job queue: (name, key) → every N seconds. */
export class JobScheduleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Creates the schedule due at `firstRunAt`, or updates it. An update keeps the planned next run
   * (capped at one new interval from now), so processes that all declare their schedules at start
   * do not make it fire again.
   */
  async upsert(
    s: Omit<JobSchedule, 'nextRunAt'> & { firstRunAt: string; latestNextRunAt: string; now: string },
  ): Promise<void> {
    const cap = s.latestNextRunAt;
    const current = sql.ref<string>('schedules.next_run_at');
    await this.db
      .insertInto('schedules')
      .values({
        id: s.id,
        name: s.name,
        key: s.key,
        queue: s.queue,
        interval_seconds: s.intervalSeconds,
        next_run_at: s.firstRunAt,
        payload_json: JSON.stringify(s.payload),
        max_attempts: s.maxAttempts,
        priority: s.priority,
        created_at: s.now,
        updated_at: s.now,
      })
      .onConflict((oc) =>
        oc.columns(['name', 'key']).doUpdateSet({
          queue: s.queue,
          interval_seconds: s.intervalSeconds,
          payload_json: JSON.stringify(s.payload),
          max_attempts: s.maxAttempts,
          priority: s.priority,
          next_run_at: sql<string>`case when ${current} > ${cap} then ${cap} else ${current} end`,
          updated_at: s.now,
        }),
      )
      .execute();
  }

  async delete(name: string, key: string): Promise<void> {
    await this.db.deleteFrom('schedules').where('name', '=', name).where('key', '=', key).execute();
  }

  async find(name: string, key: string): Promise<JobSchedule | null> {
    const row = await this.db
      .selectFrom('schedules')
      .selectAll()
      .where('name', '=', name)
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? toSchedule(row) : null;
  }

  async due(now: string, names: string[], limit = 100): Promise<JobSchedule[]> {
    if (names.length === 0) return [];
    const rows = await this.db
      .selectFrom('schedules')
      .selectAll()
      .where('next_run_at', '<=', now)
      .where('name', 'in', names)
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
    return rows.map(toSchedule);
  }

  /** Compare-and-set of the next run: exactly one of several racing runners gets `true`. */
  async advance(db: Kysely<Database>, s: JobSchedule, nextRunAt: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('schedules')
      .set({ next_run_at: nextRunAt, updated_at: now })
      .where('id', '=', s.id)
      .where('next_run_at', '=', s.nextRunAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
