import { describe, expect, it } from 'vitest';
import type { Connection } from '../domain/connection.js';
import { sharedWindowStart, windowStart } from './import-window.js';

const connection = (
  importCursor: string | null,
  syncFromDate = '2026-11-01T00:00:00.000Z',
  overlap = 300,
): Connection => ({ importCursor, config: { syncFromDate, lookbackOverlapSeconds: overlap } }) as unknown as Connection;

describe('windowStart', () => {
  it('starts at Sync-from when there is no cursor yet', () => {
    expect(windowStart(connection(null))).toBe('2026-11-01T00:00:00.000Z');
  });
  it('re-reads the overlap before the cursor', () => {
    expect(windowStart(connection('2026-11-20T12:00:00Z'))).toBe('2026-11-20T11:55:00.000Z');
  });
  it('never goes before Sync-from', () => {
    expect(windowStart(connection('2026-11-01T00:02:00Z'))).toBe('2026-11-01T00:00:00.000Z');
  });
  it('restarts from Sync-from rather than skipping when the cursor is unreadable', () => {
    expect(windowStart(connection('yesterday'))).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('sharedWindowStart (connections of one seller account pulled together)', () => {
  it("re-reads the largest overlap before the seller's cursor", () => {
    const members = [connection(null, '2026-11-01T00:00:00Z', 300), connection(null, '2026-11-10T00:00:00Z', 900)];
    expect(sharedWindowStart('2026-11-20T12:00:00Z', members)).toBe('2026-11-20T11:45:00.000Z');
  });
  it('starts at the earliest Sync-from without a cursor, and never before it', () => {
    const members = [connection(null, '2026-11-05T00:00:00Z'), connection(null, '2026-11-02T00:00:00Z')];
    expect(sharedWindowStart(null, members)).toBe('2026-11-02T00:00:00.000Z');
    expect(sharedWindowStart('2026-11-02T00:01:00Z', members)).toBe('2026-11-02T00:00:00.000Z');
  });
});
