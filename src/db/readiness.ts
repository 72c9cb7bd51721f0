import { sql, type Kysely } from 'kysely';
import { migrations } from './migrator.js';
import type { Database } from './schema.js';

export type NotReadyReason = 'database_unreachable' | 'database_timeout' | 'migrations_pending';

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; message: string; error?: unknown };

/** A ready check that waits longer than this answers "not ready" (an orchestrator polls again). */
const READY_TIMEOUT_MS = 2_000;

/**
 * Whether this process can serve: the database answers and every migration this version knows is
 * applied (a process of a newer version may still be migrating). Messages name no host or user.
 */
export async function checkReadiness(db: Kysely<Database>, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ready: false,
          reason: 'database_timeout',
          message: `The database did not answer within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([probe(db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(db: Kysely<Database>): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    return { ready: false, reason: 'database_unreachable', message: 'The database cannot be reached', error };
  }
  let applied: Set<string>;
  try {
    // Kysely's own table, in the connection's schema (see runMigrations).
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = new Set(rows.map((r) => r.name));
  } catch {
    applied = new Set();
  }
  const pending = Object.keys(migrations).filter((name) => !applied.has(name));
  if (pending.length === 0) return { ready: true };
  return {
    ready: false,
    reason: 'migrations_pending',
    message: `${pending.length} database migration(s) not applied yet (first: ${pending[0]})`,
  };
}
