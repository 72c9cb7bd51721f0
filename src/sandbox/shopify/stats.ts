/** Counters for tests and benchmarks (statsSnapshot / GET /_sandbox/stats). */
export interface ShopifySandboxStats {
  requests: number;
  throttled: number;
  validationErrors: number;
  ordersCreated: number;
  orderCreateRejectedDuplicate: number;
  lostResponses: number;
  serverErrors: number;
  timeouts: number;
  devStoreLimited: number;
  inventoryAdjustments: number;
  idempotentReplays: number;
  webhooksSent: number;
  webhookRetries: number;
  webhookDuplicates: number;
  webhookFailures: number;
}

export type StatName = keyof ShopifySandboxStats;

export class ShopifyStats {
  private values: ShopifySandboxStats = {
    requests: 0,
    throttled: 0,
    validationErrors: 0,
    ordersCreated: 0,
    orderCreateRejectedDuplicate: 0,
    lostResponses: 0,
    serverErrors: 0,
    timeouts: 0,
    devStoreLimited: 0,
    inventoryAdjustments: 0,
    idempotentReplays: 0,
    webhooksSent: 0,
    webhookRetries: 0,
    webhookDuplicates: 0,
    webhookFailures: 0,
  };

  count(name: StatName, by = 1): void {
    this.values[name] += by;
  }

  snapshot(): ShopifySandboxStats {
    return { ...this.values };
  }
}
