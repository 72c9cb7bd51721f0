import type { Kysely } from 'kysely';
import type { DialectName } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { EmbeddedJobQueue } from './embedded-job-queue.js';
import { GraphileJobQueue } from './graphile/graphile-job-queue.js';
import type { JobQueue } from './job-queue.js';
import type { RetryPolicy } from './retry-policy.js';

/** `embedded`: our runner on the jobs table (SQLite or PostgreSQL); `graphile`: graphile-worker (PostgreSQL). */
export type JobEngine = 'embedded' | 'graphile';

export interface CreateJobQueueOptions {
  /** Default (null/undefined): graphile-worker on PostgreSQL, the embedded runner on SQLite. */
  engine?: JobEngine | null | undefined;
  /** The PostgreSQL URL the database was opened with (with `?schema=`); graphile-worker connects to it. */
  databaseUrl?: string | null | undefined;
  clock?: Clock;
  retryPolicy?: RetryPolicy;
  leaseMs?: number;
  defaultMaxAttempts?: number;
}

/** The engine `createJobQueue` uses for this database and request. */
export function jobEngineFor(dialect: DialectName, requested?: JobEngine | null): JobEngine {
  const engine = requested ?? (dialect === 'postgres' ? 'graphile' : 'embedded');
  if (engine === 'graphile' && dialect !== 'postgres') {
    throw new AppError('config_invalid', 'The graphile-worker job engine needs PostgreSQL (set DATABASE_URL)', {
      kind: 'invalid',
      details: { field: 'ORDERBRIDGE_JOB_ENGINE' },
    });
  }
  return engine;
}

/**
 * The job queue of this installation: graphile-worker whenever it runs on PostgreSQL (scale-out:
 * any number of processes), the embedded runner on SQLite, unless `engine` says otherwise.
 */
export function createJobQueue(
  db: Kysely<Database>,
  dialect: DialectName,
  options: CreateJobQueueOptions = {},
): JobQueue {
  const { engine: requested, databaseUrl, ...queueOptions } = options;
  if (jobEngineFor(dialect, requested) === 'embedded') return new EmbeddedJobQueue(db, queueOptions);
  if (!databaseUrl) {
    throw new AppError('config_invalid', 'The graphile-worker job engine needs the PostgreSQL URL', {
      kind: 'invalid',
      details: { field: 'DATABASE_URL' },
    });
  }
  return new GraphileJobQueue(db, { databaseUrl, ...queueOptions });
}
