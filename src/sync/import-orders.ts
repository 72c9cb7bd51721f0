import type { Kysely } from 'kysely';
import type { ConnectionRepository } from '../db/connection.repository.js';
import type { OrderRepository } from '../db/order.repository.js';
import type { Database } from '../db/schema.js';
import type { SkuLinkRepository } from '../db/sku-link.repository.js';
import type { SyncRunRepository } from '../db/sync-run.repository.js';
import type { Connection } from '../domain/connection.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import { err, ok, type Result } from '../lib/result.js';
import { ImportLock } from './import-lock.js';
import { ImportRun, type ImportSummary } from './import-run.js';
import type { AmazonOrdersPort } from './ports.js';

export type ImportTrigger = 'schedule' | 'manual' | 'cli' | 'api' | 'notification' | 'startup';

export interface ImportDeps {
  db: Kysely<Database>;
  connections: ConnectionRepository;
  orders: OrderRepository;
  syncRuns: SyncRunRepository;
  skuLinks: SkuLinkRepository;
  amazonFor(connection: Connection): Promise<AmazonOrdersPort>;
  clock: Clock;
  logger: Logger;
  /** Identifies this process in the import lease. */
  owner: string;
  /** Called inside each changed order's transaction (the store side enqueues its delivery there). */
  onOrderChanged?: (trx: Kysely<Database>, orderId: string, connection: Connection) => Promise<void>;
}

export interface ImportOptions {
  trigger: ImportTrigger;
  onProgress?: (summary: ImportSummary) => void;
  signal?: AbortSignal;
  /** The job running this pull (recorded on the sync run). */
  jobId?: string;
}

const LEASE_MS = 5 * 60_000;

/**
 * Pulls every order Amazon changed since the connection's cursor and stores it exactly once
 * (PRODUCT.md §6). The cursor moves only after the whole window is stored.
 */
export async function importOrders(
  deps: ImportDeps,
  connectionId: string,
  options: ImportOptions,
): Promise<Result<ImportSummary>> {
  const connection = await deps.connections.findById(connectionId);
  if (!connection)
    return err(
      new AppError('connection_not_found', `Connection ${connectionId} does not exist`, { kind: 'not_found' }),
    );
  if (!connection.active) {
    return err(
      new AppError(
        'connection_inactive',
        `Order synchronization of "${connection.name}" is Disabled; activate it to sync orders`,
        {
          kind: 'conflict',
          retryable: false,
        },
      ),
    );
  }
  const lock = new ImportLock(deps.db, connection.id, deps.owner, LEASE_MS);
  if (!(await lock.acquire(deps.clock.now()))) {
    return err(
      new AppError('sync_already_running', `An order sync of "${connection.name}" is already running`, {
        kind: 'conflict',
        retryable: true,
      }),
    );
  }
  try {
    await deps.syncRuns.failAbandoned(connection.id, deps.clock.nowIso());
    const amazon = await deps.amazonFor(connection);
    const run = new ImportRun(deps, connection, amazon, lock, options);
    return ok(await run.execute(newId()));
  } finally {
    await lock.release();
  }
}
