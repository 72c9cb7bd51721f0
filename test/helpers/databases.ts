import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { createDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/schema.js';

/**
 * Every database test runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set (CI).
 * Each test gets its own fresh, migrated database: a temp SQLite file, or a PostgreSQL schema
 * `t_<random>` (test files run in parallel workers, so they must not share tables).
 */
export type TestDialect = 'sqlite' | 'postgres';

const postgresUrl = process.env.TEST_DATABASE_URL;

export const testDatabases: TestDialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  dialect: TestDialect;
  db: Kysely<Database>;
  /** For child processes: the SQLite file path, or the PostgreSQL URL with `?schema=`. */
  url: string;
  /** Closes the connection and deletes the file / drops the schema. */
  close(): Promise<void>;
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  return dialect === 'sqlite' ? createSqlite() : createPostgres();
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orderbridge-test-'));
  const file = path.join(dir, 'test.sqlite');
  const handle = await createDatabase({ sqlitePath: file }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    dialect: 'sqlite',
    db: handle.db,
    url: file,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(): Promise<TestDatabase> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const base = new URL(postgresUrl);
  base.searchParams.delete('schema');
  const url = `${base.toString()}${base.search ? '&' : '?'}schema=${schema}`;
  const handle = await createDatabase({ url, poolSize: 5 }).catch(async (error: unknown) => {
    await dropSchema(base.toString(), schema);
    throw error;
  });
  return {
    dialect: 'postgres',
    db: handle.db,
    url,
    close: async () => {
      await handle.close();
      await dropSchema(base.toString(), schema);
    },
  };
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
    // graphile-worker's schema of this test database, when a test ran it (src/jobs/graphile).
    await client.query(`drop schema if exists "${schema}_gw" cascade`);
  } finally {
    await client.end();
  }
}

export interface DatabaseTestContext {
  dialect: TestDialect;
  /** The current test's database (call inside a test or hook). */
  getDb(): Kysely<Database>;
  /** The current test's database location, for child processes. */
  url(): string;
}

export interface DescribeEachDatabaseOptions {
  /** 'test' (default): a fresh database per test; 'file': one per describe block. */
  isolation?: 'test' | 'file';
  /**
   * Only these of the configured databases: a long file split into one file per database, so
   * vitest runs the halves in parallel forks (CI time).
   */
  dialects?: readonly TestDialect[];
}

/** Registers `fn`'s tests once per configured database, each inside `describe('<title> [dialect]')`. */
export function describeEachDatabase(
  title: string,
  fn: (ctx: DatabaseTestContext) => void,
  options: DescribeEachDatabaseOptions = {},
): void {
  const dialects = testDatabases.filter((d) => options.dialects?.includes(d) ?? true);
  if (dialects.length === 0) {
    // A file for a database this run does not have (PostgreSQL without TEST_DATABASE_URL).
    describe.skip(`${title} [${options.dialects?.join(', ')}: not configured]`, () => {
      it('needs its database', () => undefined);
    });
    return;
  }
  for (const dialect of dialects) {
    describe(`${title} [${dialect}]`, () => {
      let current: TestDatabase | null = null;
      const open = async (): Promise<void> => {
        current = await createTestDatabase(dialect);
      };
      const close = async (): Promise<void> => {
        await current?.close();
        current = null;
      };
      if (options.isolation === 'file') {
        beforeAll(open);
        afterAll(close);
      } else {
        beforeEach(open);
        afterEach(close);
      }
      const active = (): TestDatabase => {
        if (!current) throw new Error('The test database exists only inside tests and hooks');
        return current;
      };
      fn({ dialect, getDb: () => active().db, url: () => active().url });
    });
  }
}
