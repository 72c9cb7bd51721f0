/** Counters for tests and benchmarks (GET /_sandbox/stats, `statsSnapshot()`). */
export interface MagentoSandboxStats {
  /** REST requests (every outcome, faults included). */
  requests: number;
  /** Per operation, e.g. "POST /V1/orders". */
  requestsByRoute: Record<string, number>;
  ordersCreated: number;
  ordersUpdated: number;
  shipmentsCreated: number;
  invoicesCreated: number;
  creditMemosCreated: number;
  ordersCanceled: number;
  cartsPlaced: number;
  duplicateIncrementIdRefused: number;
  /** Requests refused with 401 (token, signature or ACL). */
  authFailures: number;
  /** Request bodies refused because they do not match the 2.4.9 schema. */
  schemaViolations: number;
  serverErrors: number;
  lostResponses: number;
  timeouts: number;
  productSaves: number;
  sourceItemWrites: number;
}

const empty = (): MagentoSandboxStats => ({
  requests: 0,
  requestsByRoute: {},
  ordersCreated: 0,
  ordersUpdated: 0,
  shipmentsCreated: 0,
  invoicesCreated: 0,
  creditMemosCreated: 0,
  ordersCanceled: 0,
  cartsPlaced: 0,
  duplicateIncrementIdRefused: 0,
  authFailures: 0,
  schemaViolations: 0,
  serverErrors: 0,
  lostResponses: 0,
  timeouts: 0,
  productSaves: 0,
  sourceItemWrites: 0,
});

type Counter = Exclude<keyof MagentoSandboxStats, 'requestsByRoute' | 'requests'>;

export class MagentoStats {
  private data = empty();

  request(route: string): void {
    this.data.requests += 1;
    this.data.requestsByRoute[route] = (this.data.requestsByRoute[route] ?? 0) + 1;
  }

  count(counter: Counter, by = 1): void {
    this.data[counter] += by;
  }

  snapshot(): MagentoSandboxStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = empty();
  }
}
