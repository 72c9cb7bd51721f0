import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { AppError } from '../lib/errors.js';
import { isPostgresUrl, parsePostgresUrl, pgTimestampToIso, type DialectName } from './dialect.js';
import { runMigrations } from './migrator.js';
import { SearchPathPostgresDialect } from './pg-introspector.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  /** `postgres://…` or `postgresql://…` (optionally `?schema=<name>`); when absent, SQLite is used. */
  url?: string | null | undefined;
  /** SQLite file (created with its directory when missing); `:memory:` for a throwaway database. */
  sqlitePath?: string | undefined;
  /** Run pending migrations before returning (default true). */
  migrate?: boolean | undefined;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number | undefined;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Opens PostgreSQL when `url` is a postgres URL, else the SQLite file; migrates by default. */
export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const handle = config.url ? await openPostgres(config.url, config.poolSize ?? 10) : openSqlite(config.sqlitePath);
  if (config.migrate !== false) {
    try {
      await runMigrations(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

function openSqlite(file: string | undefined): DatabaseHandle {
  if (!file) {
    throw new AppError('config_invalid', 'Either a PostgreSQL URL or a SQLite file path is required', {
      kind: 'invalid',
    });
  }
  if (file !== ':memory:') createOwnerOnly(file);
  const sqlite = new BetterSqlite3(file);
  // busy_timeout first: switching to WAL needs the lock another process may hold.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * The database holds buyer data and sealed secrets: a new directory is owner-only (0700), the file
 * owner-only (0600) before SQLite opens it, so its WAL and SHM files (SQLite copies the database
 * file's mode) are too. An existing file, WAL or SHM is tightened; an existing directory is left
 * alone (it may be shared, e.g. /tmp).
 */
function createOwnerOnly(file: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; on SQLite preparing costs about as much as running a small
 * statement. Queries run one at a time on this connection, so a prepared statement can be reused.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (query: string) => {
      let statement = cache.get(query);
      if (statement) {
        cache.delete(query); // re-insert: the Map's order is the LRU order
      } else {
        statement = sqlite.prepare(query);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(query, statement);
      return statement;
    },
  };
}

/**
 * SQLite allows one writer at a time per file. A plain `BEGIN` takes the write lock only at the
 * first write, and if another process wrote since our first read the upgrade fails at once with
 * SQLITE_BUSY (busy_timeout does not help). `BEGIN IMMEDIATE` takes the lock up front and waits.
 * Migrations then run as one transaction too (SQLite has transactional DDL).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
  override createAdapter(): DialectAdapter {
    return new ImmediateSqliteAdapter();
  }
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  if (!isPostgresUrl(url)) {
    throw new AppError('config_invalid', 'The database URL must start with postgres:// or postgresql://', {
      kind: 'invalid',
      details: { field: 'url' },
    });
  }
  const { connectionString, schema } = parsePostgresUrl(url);
  const settings = ['-c TimeZone=UTC', ...(schema ? [`-c search_path=${schema}`] : [])];
  const pool = new pg.Pool({ connectionString, max: poolSize, options: settings.join(' '), types: pgTypes });
  // An idle client losing its connection (server restart) must not crash the process; the
  // pool replaces it and the next query reports any lasting problem.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new SearchPathPostgresDialect({ pool }) });
  try {
    if (schema) await ensureSchema(db, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two processes creating the same schema at once: one wins, the other sees a duplicate.
    const { rows } = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
    if (rows.length === 0) throw error;
  }
}

/**
 * Result parsing that makes PostgreSQL rows look like SQLite's: int8 (counts) → number, numeric
 * stays a string (money), timestamps → ISO text, dates stay text. Per pool, not global.
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary') as (value: Buffer) => unknown;
    switch (oid) {
      case 20:
        return (value: string) => Number(value);
      case 1184:
        return (value: string) => pgTimestampToIso(value, true);
      case 1114:
        return (value: string) => pgTimestampToIso(value, false);
      case 1082:
        return (value: string) => value;
      default:
        return pg.types.getTypeParser(oid, 'text') as (value: string) => unknown;
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};
