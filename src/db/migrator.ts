import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../lib/errors.js';
import * as initial from './migrations/2026_11_28_0001_initial.js';
import * as jobs from './migrations/2026_11_28_0002_jobs.js';
import * as storeSide from './migrations/2026_11_29_0003_store_side.js';
import * as plans from './migrations/2026_11_29_0004_plans.js';
import * as users from './migrations/2026_11_29_0005_users.js';
import * as amazonAuthorizations from './migrations/2026_11_29_0006_amazon_authorizations.js';
import * as orderErrorSource from './migrations/2026_11_29_0007_order_error_source.js';
import * as connectionUniqueness from './migrations/2026_12_06_0008_connection_uniqueness.js';
import * as loginThrottleCounters from './migrations/2026_12_06_0009_login_throttle_counters.js';
import * as installationSettings from './migrations/2026_12_06_0010_installation_settings.js';
import * as buyerDataRetention from './migrations/2026_12_06_0011_buyer_data_retention.js';
import * as storeSideState from './migrations/2026_12_06_0012_store_side_state.js';
import * as jobPriority from './migrations/2026_12_06_0013_job_priority.js';
import * as rateBudgets from './migrations/2026_12_06_0014_rate_budgets.js';
import * as sellerPulls from './migrations/2026_12_06_0015_seller_pulls.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

/**
 * Every migration, imported statically so a bundled or `tsx`-run app needs no directory scan.
 * Names sort by time; a new migration is one file plus one line here.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_initial': initial,
  '2026_11_28_0002_jobs': jobs,
  '2026_11_29_0003_store_side': storeSide,
  '2026_11_29_0004_plans': plans,
  '2026_11_29_0005_users': users,
  '2026_11_29_0006_amazon_authorizations': amazonAuthorizations,
  '2026_11_29_0007_order_error_source': orderErrorSource,
  '2026_12_06_0008_connection_uniqueness': connectionUniqueness,
  '2026_12_06_0009_login_throttle_counters': loginThrottleCounters,
  '2026_12_06_0010_installation_settings': installationSettings,
  '2026_12_06_0011_buyer_data_retention': buyerDataRetention,
  '2026_12_06_0012_store_side_state': storeSideState,
  '2026_12_06_0013_job_priority': jobPriority,
  '2026_12_06_0014_rate_budgets': rateBudgets,
  '2026_12_06_0015_seller_pulls': sellerPulls,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Brings the schema to the latest migration; safe to call from several processes at once
 * (PostgreSQL: Kysely's advisory lock; SQLite: one `BEGIN IMMEDIATE` transaction, see database.ts).
 * Returns the names of the migrations it applied.
 */
export async function runMigrations(db: Kysely<Database>): Promise<string[]> {
  // On PostgreSQL the migration tables live in the connection's schema (search_path), so that
  // isolated schemas (tests, `?schema=` URLs) each carry their own migration state.
  const schema = dialectOf(db) === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, ...(schema !== undefined && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    throw new AppError('db_migration_failed', `Database migration ${failed} failed: ${message}`, {
      kind: 'internal',
      retryable: false,
      details: { migration: failed },
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new AppError('db_schema_missing', 'The PostgreSQL search_path names no existing schema', {
      kind: 'internal',
      retryable: false,
    });
  }
  return schema;
}
