import type { SellerPull, SellerPullKey } from '../db/seller-pull.repository.js';
import type { Connection } from '../domain/connection.js';

/**
 * Seller pulls: the connections of one Amazon seller account (same OrderBridge account, seller id,
 * region and LWA application) are pulled together, one searchOrders per page for all their
 * marketplaces, with one cursor per seller account. Amazon's rate limits belong to the seller
 * account and application, so one pull per seller account keeps every marketplace's orders on time.
 */
export function sellerPullKey(c: Pick<Connection, 'accountId' | 'sellerId' | 'region' | 'clientId'>): SellerPullKey {
  return { accountId: c.accountId, sellerId: c.sellerId, region: c.region, clientId: c.clientId };
}

export const sameSellerPull = (a: SellerPullKey, b: SellerPullKey): boolean =>
  a.accountId === b.accountId && a.sellerId === b.sellerId && a.region === b.region && a.clientId === b.clientId;

/**
 * A connection activated later (no cursor, or one behind the seller's) catches up alone from its
 * own cursor or Sync-from date until it reaches the seller's cursor, then joins the shared pull.
 */
export function isCatchingUp(connection: Connection, pull: Pick<SellerPull, 'importCursor'>): boolean {
  if (pull.importCursor === null) return false;
  if (connection.importCursor === null) return true;
  return Date.parse(connection.importCursor) < Date.parse(pull.importCursor);
}

/**
 * Where a new seller pull starts (upgrading keeps every order): the earliest cursor of its active
 * connections, or none (from the earliest Sync-from date) when any of them has none yet.
 */
export function initialCursor(active: readonly Connection[]): string | null {
  let earliest: string | null = null;
  for (const c of active) {
    if (c.importCursor === null) return null;
    if (earliest === null || Date.parse(c.importCursor) < Date.parse(earliest)) earliest = c.importCursor;
  }
  return earliest;
}

/** What the API shows of a connection's seller pull. */
export interface SellerPullView {
  /** The seller pull; null until its first pull or schedule. */
  id: string | null;
  /** The active connections pulled together (this one included when active). */
  connectionIds: string[];
  /** The seller account's cursor (the shared pull's). */
  cursor: string | null;
  /** This connection still reads its own backlog alone before joining the shared pull. */
  catchingUp: boolean;
}

/** The seller pull view of `connection`, from its account's connections and seller pulls. */
export function sellerPullView(
  connection: Connection,
  accountConnections: readonly Connection[],
  pulls: readonly SellerPull[],
): SellerPullView {
  const key = sellerPullKey(connection);
  const pull = pulls.find((p) => sameSellerPull(p, key)) ?? null;
  return {
    id: pull?.id ?? null,
    connectionIds: accountConnections.filter((c) => c.active && sameSellerPull(sellerPullKey(c), key)).map((c) => c.id),
    cursor: pull?.importCursor ?? null,
    catchingUp: connection.active && pull !== null && isCatchingUp(connection, pull),
  };
}
