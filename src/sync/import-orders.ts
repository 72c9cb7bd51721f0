import type { Kysely } from 'kysely';
import type { ConnectionRepository } from '../db/connection.repository.js';
import type { OrderRepository } from '../db/order.repository.js';
import type { Database } from '../db/schema.js';
import type { SellerPull, SellerPullRepository } from '../db/seller-pull.repository.js';
import type { SkuLinkRepository } from '../db/sku-link.repository.js';
import type { SyncRunRepository } from '../db/sync-run.repository.js';
import type { Connection } from '../domain/connection.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import { err, ok, type Result } from '../lib/result.js';
import { ImportLock } from './import-lock.js';
import { ImportRun, SYNC_ABORTED, type ImportSummary } from './import-run.js';
import { sharedWindowStart, windowStart } from './import-window.js';
import type { AmazonOrdersPort } from './ports.js';
import { initialCursor, isCatchingUp, sellerPullKey } from './seller-pull.js';

export type ImportTrigger = 'schedule' | 'manual' | 'cli' | 'api' | 'notification' | 'startup';

export interface ImportDeps {
  db: Kysely<Database>;
  connections: ConnectionRepository;
  sellerPulls: SellerPullRepository;
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
  /** Awaited after each stored page (and once at the end). */
  onProgress?: (summary: ImportSummary) => void | Promise<void>;
  signal?: AbortSignal;
  /** The job running this pull (recorded on the sync runs). */
  jobId?: string;
}

const LEASE_MS = 5 * 60_000;
/** Answers that may concern one marketplace of a shared request (403 not participating, 400 invalid input). */
const REFUSED = new Set(['amazon_auth_token_invalid', 'amazon_forbidden_role', 'amazon_invalid_input']);

/**
 * Synchronize Orders for one connection: runs its seller account's pull (PRODUCT.md §6, §8) and
 * returns the part that read this connection's marketplace — the shared pull, or its catch-up
 * pull when it was activated later and has not reached the seller's cursor yet.
 */
export async function importOrders(
  deps: ImportDeps,
  connectionId: string,
  options: ImportOptions,
): Promise<Result<ImportSummary>> {
  const connection = await deps.connections.findById(connectionId);
  if (!connection) return err(connectionNotFound(connectionId));
  if (!connection.active) return err(connectionInactive(connection));
  const pull = await ensureSellerPull(deps, connection);
  const pulled = await pullSellerAccount(deps, pull.id, options, connection.id);
  if (!pulled.ok) return pulled;
  const mine = pulled.value.filter((s) => s.connections.some((c) => c.connectionId === connection.id));
  // Not among them: stopped before its turn (the stopped run tells), or disabled while it waited for the lease.
  const summary = mine.at(-1) ?? pulled.value.at(-1);
  return summary ? ok(summary) : err(connectionInactive(connection));
}

/** The seller pull of the connection's seller account, created (earliest cursor of its active connections) if new. */
export async function ensureSellerPull(deps: ImportDeps, connection: Connection): Promise<SellerPull> {
  const key = sellerPullKey(connection);
  const existing = await deps.sellerPulls.findByKey(key);
  if (existing) return existing;
  const active = (await deps.connections.listBySellerPull(key)).filter((c) => c.active);
  return deps.sellerPulls.ensure(
    key,
    initialCursor(active.length > 0 ? active : [connection]),
    newId(),
    deps.clock.nowIso(),
  );
}

/**
 * One seller account's pull under its lease (one pull per seller account at a time): first each
 * connection that is catching up reads its own window alone, then every connection in step with the
 * seller's cursor is read together (the caught-up ones join at once). Returns each run's summary.
 */
export async function pullSellerAccount(
  deps: ImportDeps,
  sellerPullId: string,
  options: ImportOptions,
  focusConnectionId?: string,
): Promise<Result<ImportSummary[]>> {
  const pull = await deps.sellerPulls.findById(sellerPullId);
  if (!pull)
    return err(
      new AppError('seller_pull_not_found', `Seller pull ${sellerPullId} does not exist`, { kind: 'not_found' }),
    );
  const lock = new ImportLock(deps.db, pull.id, deps.owner, LEASE_MS);
  if (!(await lock.acquire(deps.clock.now()))) {
    return err(
      new AppError('sync_already_running', `An order sync of seller account ${pull.sellerId} is already running`, {
        kind: 'conflict',
        retryable: true,
      }),
    );
  }
  try {
    const summaries: ImportSummary[] = [];
    const leased = (await deps.sellerPulls.findById(pull.id)) ?? pull; // as the previous pull left it
    const members = await activeMembers(deps, leased);
    if (members.length === 0) return ok(summaries);
    const amazon = await deps.amazonFor(members[0]!);
    const run = (plan: ConstructorParameters<typeof ImportRun>[1]) =>
      new ImportRun(deps, { ...plan, focusConnectionId }, amazon, lock, options).execute();
    for (const c of members.filter((m) => isCatchingUp(m, leased))) {
      const summary = await run({
        members: [c],
        from: windowStart(c),
        sellerPullId: null,
        previousCursor: c.importCursor,
      });
      summaries.push(summary);
      if (summary.error?.code === SYNC_ABORTED) return ok(summaries);
    }
    // Read again: connections that caught up (their cursor reached the seller's) join this shared pull.
    const current = (await deps.sellerPulls.findById(pull.id)) ?? pull;
    const shared = (await activeMembers(deps, current)).filter((m) => !isCatchingUp(m, current));
    if (shared.length > 0) {
      const from = sharedWindowStart(current.importCursor, shared);
      const together = await run({
        members: shared,
        from,
        sellerPullId: current.id,
        previousCursor: current.importCursor,
      });
      summaries.push(together);
      // Amazon refused the request as a whole (e.g. the seller does not sell in one of the marketplaces):
      // each connection reads alone, so the others' orders still arrive and the refusal shows where it belongs.
      if (shared.length > 1 && together.error && REFUSED.has(together.error.code)) {
        for (const c of shared) {
          const alone = await run({
            members: [c],
            from: windowStart(c),
            sellerPullId: null,
            previousCursor: c.importCursor,
          });
          summaries.push(alone);
          if (alone.error?.code === SYNC_ABORTED) break;
        }
      }
    }
    return ok(summaries);
  } finally {
    await lock.release();
  }
}

async function activeMembers(deps: ImportDeps, pull: SellerPull): Promise<Connection[]> {
  return (await deps.connections.listBySellerPull(pull)).filter((c) => c.active);
}

function connectionNotFound(connectionId: string): AppError {
  return new AppError('connection_not_found', `Connection ${connectionId} does not exist`, { kind: 'not_found' });
}

function connectionInactive(connection: Connection): AppError {
  return new AppError(
    'connection_inactive',
    `Order synchronization of "${connection.name}" is Disabled; activate it to sync orders`,
    { kind: 'conflict', retryable: false },
  );
}
