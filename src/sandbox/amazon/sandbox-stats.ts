import { OPERATION_IDS } from './sandbox-constants.js';

export interface SandboxStatsSnapshot {
  /** Requests routed to each operation (all outcomes, including 403/429/faults). */
  calls: Record<string, number>;
  /** Real throttles (empty bucket); injected 429s are counted in faultsInjected instead. */
  throttled: Record<string, number>;
  faultsInjected: number;
  /** Injected faults by kind: error:500, timeout, malformed, dropBlocks, unknownEnum, latency. */
  faultsByKind: Record<string, number>;
  lwaTokensIssued: number;
  /** Feeds created, and finished feeds by end status (DONE, FATAL). */
  feedsCreated: number;
  feedsProcessed: Record<string, number>;
  /** Order cancellations applied from acknowledgement feeds (one per message). */
  feedCancellations: number;
  /** Listing quantity changes (patchListingsItem or one JSON_LISTINGS_FEED message). */
  listingQuantityUpdates: number;
}

const zeroes = (): Record<string, number> => Object.fromEntries(OPERATION_IDS.map((op) => [op, 0]));

export class SandboxStats {
  private data: SandboxStatsSnapshot = SandboxStats.empty();

  private static empty(): SandboxStatsSnapshot {
    return {
      calls: zeroes(),
      throttled: zeroes(),
      faultsInjected: 0,
      faultsByKind: {},
      lwaTokensIssued: 0,
      feedsCreated: 0,
      feedsProcessed: {},
      feedCancellations: 0,
      listingQuantityUpdates: 0,
    };
  }

  call(op: string): void {
    this.data.calls[op] = (this.data.calls[op] ?? 0) + 1;
  }

  throttle(op: string): void {
    this.data.throttled[op] = (this.data.throttled[op] ?? 0) + 1;
  }

  /** Latency is recorded by kind but is not counted as an injected fault (the call still succeeds). */
  fault(kind: string): void {
    this.data.faultsByKind[kind] = (this.data.faultsByKind[kind] ?? 0) + 1;
    if (kind !== 'latency') this.data.faultsInjected += 1;
  }

  lwaToken(): void {
    this.data.lwaTokensIssued += 1;
  }

  feedCreated(): void {
    this.data.feedsCreated += 1;
  }

  feedProcessed(status: string): void {
    this.data.feedsProcessed[status] = (this.data.feedsProcessed[status] ?? 0) + 1;
  }

  feedCancellation(): void {
    this.data.feedCancellations += 1;
  }

  listingUpdate(): void {
    this.data.listingQuantityUpdates += 1;
  }

  snapshot(): SandboxStatsSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = SandboxStats.empty();
  }
}
