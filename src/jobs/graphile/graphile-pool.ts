import { EventEmitter } from 'node:events';
import { Logger, runMigrations, runTaskList, type TaskList, type WorkerEvents, type WorkerPool } from 'graphile-worker';
import pg from 'pg';
import { parsePostgresUrl } from '../../db/dialect.js';

/**
 * graphile-worker's own connections: its pool runs LISTEN/NOTIFY and job fetches, so it is a
 * separate pg Pool on the same database (the app's Kysely pool is not reachable from here).
 */
export function openGraphilePool(databaseUrl: string, size: number, onError: (error: unknown) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: parsePostgresUrl(databaseUrl).connectionString,
    max: size,
    options: '-c TimeZone=UTC',
  });
  // A dropped idle connection (server restart) must not crash the process; graphile reconnects.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

/** graphile-worker logs through this: errors become runner_error events, the rest is dropped. */
export function graphileLogger(onError: (error: unknown) => void): Logger {
  return new Logger(() => (level, message) => {
    if (String(level) === 'error') onError(new Error(`graphile-worker: ${message}`));
  });
}

/**
 * Installs or upgrades graphile-worker's schema. Its migrations tolerate racing processes; the
 * advisory lock just makes them wait for each other instead of retrying.
 */
export async function installGraphile(pool: pg.Pool, schema: string, logger: Logger): Promise<void> {
  const client = await pool.connect();
  const lockName = `orderbridge:graphile-install:${schema}`;
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      await runMigrations({ pgPool: pool, schema, logger });
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    client.release();
  }
}

export interface GraphileRunOptions {
  pool: pg.Pool;
  schema: string;
  logger: Logger;
  tasks: TaskList;
  concurrency: number;
  pollIntervalMs: number;
}

/**
 * Starts a graphile worker pool. Signals are ours to handle (`noHandleSignals`); times are Node's,
 * like our jobs table's; completions are batched (delay 0) so a failed completion is retried by
 * graphile instead of becoming an unhandled rejection.
 */
export function runGraphilePool(options: GraphileRunOptions): WorkerPool {
  const events: WorkerEvents = new EventEmitter();
  // graphile stops every pool on the database (and sets the exit code to 57) when any schema
  // installs a "breaking" migration: a fresh install in another schema (a second installation,
  // every test) would stop ours. Our pools stop listening to that channel; an incompatible
  // schema is refused when a process installs or restarts its pool instead.
  events.on('pool:listen:success', ({ client }) => {
    // After graphile's own LISTEN, which it sends right after this event on the same client.
    setImmediate(() => void client.query('UNLISTEN "worker:migrate"').catch(() => undefined));
  });
  return runTaskList(
    {
      schema: options.schema,
      concurrency: options.concurrency,
      pollInterval: options.pollIntervalMs,
      noHandleSignals: true,
      useNodeTime: true,
      logger: options.logger,
      events,
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    },
    options.tasks,
    options.pool,
  );
}
