/** Counters for tests and benchmarks (GET /_sandbox/stats). */
export interface WooStatsSnapshot {
  /** Requests per route, e.g. "POST /wc/v3/orders" (all outcomes, faults included). */
  requests: Record<string, number>;
  ordersCreated: number;
  faultsInjected: number;
  faultsByKind: Record<string, number>;
  /** POST /orders that committed but whose response was dropped (loseOrderCreateResponses). */
  responsesLost: number;
  authFailures: number;
  webhooksDelivered: number;
  webhooksFailed: number;
}

type Counters = Omit<WooStatsSnapshot, 'webhooksDelivered' | 'webhooksFailed'>;

export class WooStats {
  private data: Counters = WooStats.empty();

  private static empty(): Counters {
    return { requests: {}, ordersCreated: 0, faultsInjected: 0, faultsByKind: {}, responsesLost: 0, authFailures: 0 };
  }

  request(route: string): void {
    this.data.requests[route] = (this.data.requests[route] ?? 0) + 1;
  }

  orderCreated(): void {
    this.data.ordersCreated += 1;
  }

  fault(kind: string): void {
    this.data.faultsInjected += 1;
    this.data.faultsByKind[kind] = (this.data.faultsByKind[kind] ?? 0) + 1;
  }

  responseLost(): void {
    this.data.responsesLost += 1;
  }

  authFailure(): void {
    this.data.authFailures += 1;
  }

  snapshot(webhooksDelivered: number, webhooksFailed: number): WooStatsSnapshot {
    return { ...structuredClone(this.data), webhooksDelivered, webhooksFailed };
  }

  reset(): void {
    this.data = WooStats.empty();
  }
}
