import type { Connection } from '../domain/connection.js';

/**
 * Where the next pull starts: the stored cursor minus the overlap (a small part of the last window
 * is read again, harmless thanks to the upserts), never before the connection's Sync-from date.
 */
export function windowStart(connection: Connection): string {
  return sharedWindowStart(connection.importCursor, [connection]);
}

/**
 * The same for connections pulled together (one seller account): the seller's cursor minus the
 * largest overlap of its connections, never before the earliest Sync-from date. An order older than
 * a connection's own Sync-from is still not stored for it (prepare-order.ts counts it as skipped).
 */
export function sharedWindowStart(cursor: string | null, members: readonly Connection[]): string {
  const syncFromMs = Math.min(...members.map((m) => Date.parse(m.config.syncFromDate)));
  const cursorMs = cursor ? Date.parse(cursor) : Number.NaN;
  // No cursor yet, or one we cannot read: start from Sync-from (re-reading is safe, skipping is not).
  if (Number.isNaN(cursorMs)) return new Date(syncFromMs).toISOString();
  const overlapSeconds = Math.max(...members.map((m) => m.config.lookbackOverlapSeconds));
  return new Date(Math.max(cursorMs - overlapSeconds * 1000, syncFromMs)).toISOString();
}
