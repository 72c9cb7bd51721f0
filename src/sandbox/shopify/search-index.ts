import type { SearchDoc } from './search-query.js';

/**
 * Shopify's search index is eventually consistent: `orders(query:)` and `productVariants(query:)`
 * match against what was indexed `lagMs` ago, then return the live records. Each write records a
 * snapshot; a search sees, per record, the newest snapshot at least `lagMs` old.
 */
export class LaggedSearchIndex {
  private history = new Map<number, { atMs: number; doc: SearchDoc }[]>();

  constructor(private readonly lagMs: () => number) {}

  record(id: number, doc: SearchDoc, atMs: number): void {
    const entries = this.history.get(id) ?? [];
    entries.push({ atMs, doc });
    this.history.set(id, entries);
  }

  /** Every record's indexed snapshot as of `nowMs` (records not yet indexed are absent). */
  visible(nowMs: number): Map<number, SearchDoc> {
    const cutoff = nowMs - this.lagMs();
    const out = new Map<number, SearchDoc>();
    for (const [id, entries] of this.history) {
      let idx = -1;
      for (let i = entries.length - 1; i >= 0; i--) {
        if ((entries[i]?.atMs ?? Infinity) <= cutoff) {
          idx = i;
          break;
        }
      }
      if (idx < 0) continue;
      // Older snapshots can never be seen again.
      if (idx > 0) entries.splice(0, idx);
      const entry = entries[0];
      if (entry) out.set(id, entry.doc);
    }
    return out;
  }
}
