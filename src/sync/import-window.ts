import type { Connection } from '../domain/connection.js';

/**
 * Where the next pull starts: the stored cursor minus the overlap (a small part of the last window
 * is read again, harmless thanks to the upserts), never before the connection's Sync-from date.
 */
export function windowStart(connection: Connection): string {
  const syncFromMs = Date.parse(connection.config.syncFromDate);
  const cursorMs = connection.importCursor ? Date.parse(connection.importCursor) : Number.NaN;
  // No cursor yet, or one we cannot read: start from Sync-from (re-reading is safe, skipping is not).
  if (Number.isNaN(cursorMs)) return new Date(syncFromMs).toISOString();
  const startMs = cursorMs - connection.config.lookbackOverlapSeconds * 1000;
  return new Date(Math.max(startMs, syncFromMs)).toISOString();
}
