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

/** One searchOrders call the operation answered (throttled and fault-injected calls are counted elsewhere). */
export interface SearchOrdersCall {
  /** Sandbox clock, ms. */
  atMs: number;
  sellerId: string;
  marketplaceIds: string[];
  /** No paginationToken: the first page of a window. */
  firstPage: boolean;
  status: number;
  /** 200 without a next page: the window's last page (a pull's read is complete). */
  lastPage: boolean;
  orders: number;
}

/** Calls kept in the log; the oldest half is dropped beyond this (a long-running sandbox stays small). */
export const SEARCH_LOG_LIMIT = 200_000;

const zeroes = (): Record<string, number> => Object.fromEntries(OPERATION_IDS.map((op) => [op, 0]));

export class SandboxStats {
  private data: SandboxStatsSnapshot = SandboxStats.empty();
  private searchLog: SearchOrdersCall[] = [];
  /** Entries dropped from the front of the log, so `since` positions stay absolute. */
  private searchLogDropped = 0;

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

  searchOrdersCall(entry: SearchOrdersCall): void {
    this.searchLog.push(entry);
    if (this.searchLog.length > SEARCH_LOG_LIMIT) {
      const drop = Math.floor(SEARCH_LOG_LIMIT / 2);
      this.searchLog = this.searchLog.slice(drop);
      this.searchLogDropped += drop;
    }
  }

  /** searchOrders calls from position `since` on (positions count every call since the last reset). */
  searchOrdersLog(since = 0): { calls: SearchOrdersCall[]; next: number } {
    const from = Math.max(0, since - this.searchLogDropped);
    return { calls: this.searchLog.slice(from), next: this.searchLogDropped + this.searchLog.length };
  }

  snapshot(): SandboxStatsSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = SandboxStats.empty();
    this.searchLog = [];
    this.searchLogDropped = 0;
  }
}
