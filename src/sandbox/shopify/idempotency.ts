/**
 * `@idempotent(key:)` (mandatory for inventory mutations from 2026-04): the same key with the same
 * input replays the first answer without applying anything again; the same key with another input is
 * an error. Keys are kept for the sandbox's lifetime (Shopify keeps them for a limited time).
 */
export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; result: unknown } | { kind: 'mismatch' };

export class IdempotencyStore {
  private entries = new Map<string, { fingerprint: string; result: unknown }>();

  lookup(mutation: string, key: string, fingerprint: string): IdempotencyLookup {
    const entry = this.entries.get(`${mutation}:${key}`);
    if (!entry) return { kind: 'new' };
    return entry.fingerprint === fingerprint ? { kind: 'replay', result: entry.result } : { kind: 'mismatch' };
  }

  save(mutation: string, key: string, fingerprint: string, result: unknown): void {
    this.entries.set(`${mutation}:${key}`, { fingerprint, result });
  }
}
