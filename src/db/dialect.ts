import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { AppError } from '../lib/errors.js';
import type { Database } from './schema.js';

/**
 * The few places where SQLite and PostgreSQL differ, kept behind small helpers so repositories
 * write one Kysely query for both.
 */
export type DialectName = 'sqlite' | 'postgres';

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Splits OrderBridge's `?schema=<name>` parameter off a PostgreSQL URL; the schema becomes the
 * connection's search_path (isolated test schemas, child processes joining them).
 */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new AppError('config_invalid', `Invalid schema name in database URL: ${schema}`, {
      kind: 'invalid',
      details: { field: 'schema' },
    });
  }
  return { connectionString: parsed.toString(), schema };
}

/** Text timestamps from PostgreSQL (`2026-01-02 03:04:05.678+00`) → `2026-01-02T03:04:05.678Z`. */
export function pgTimestampToIso(value: string, withZone: boolean): string {
  const normalised = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(withZone ? normalised : `${normalised}Z`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Which database a Kysely instance (or transaction) talks to. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one, so a
 * repository method can be called alone or as part of a bigger unit of work. On SQLite every
 * transaction starts with `BEGIN IMMEDIATE` (see database.ts), so read-then-write is safe across
 * processes.
 */
export async function transaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

/**
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL. SQLite has no row locks: there a single UPDATE statement
 * (or a `BEGIN IMMEDIATE` transaction) already holds the database's one write lock.
 */
export function lockSkipLocked<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  dialect: DialectName,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * `{ col: excluded.col, … }` for `insert … on conflict (…) do update set`, which both databases
 * spell the same way: `.onConflict((oc) => oc.columns([...]).doUpdateSet(setFromExcluded([...])))`.
 */
export function setFromExcluded<C extends string>(columns: readonly C[]): Record<C, RawBuilder<never>> {
  const set = {} as Record<C, RawBuilder<never>>;
  for (const column of columns) set[column] = sql.ref<never>(`excluded.${column}`);
  return set;
}

/** A unique index or primary key refused the write (either database). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
