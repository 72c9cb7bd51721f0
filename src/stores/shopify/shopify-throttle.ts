/**
 * Shopify's cost-based rate limit (a leaky bucket of query cost points per app and shop). Every
 * answer carries `extensions.cost.throttleStatus`; one bucket per shop is kept for the whole
 * process, so connectors of the same shop pace together: a request waits until its estimated
 * cost is available instead of being answered THROTTLED.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostExtension {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ThrottleStatus;
}

interface Bucket {
  max: number;
  available: number;
  restoreRate: number;
  atMs: number;
}

const BUCKETS = new Map<string, Bucket>();
/** Requested cost per document name, as Shopify last computed it. */
const COSTS = new Map<string, number>();
const DEFAULT_COST = 10;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function estimate(b: Bucket, nowMs: number): number {
  return Math.min(b.max, b.available + ((nowMs - b.atMs) / 1000) * b.restoreRate);
}

export class CostThrottle {
  constructor(private readonly shop: string) {}

  /** How long to wait before sending `document` (0 = now); books its cost in the local bucket. */
  delayFor(document: string, nowMs = Date.now()): number {
    const bucket = BUCKETS.get(this.shop);
    if (!bucket || bucket.restoreRate <= 0) return 0;
    const cost = Math.min(COSTS.get(document) ?? DEFAULT_COST, bucket.max);
    const available = estimate(bucket, nowMs);
    const waitMs = available >= cost ? 0 : Math.ceil(((cost - available) / bucket.restoreRate) * 1000);
    bucket.available = available - cost;
    bucket.atMs = nowMs;
    return waitMs;
  }

  /** Records what Shopify said about the bucket after `document`. */
  observe(document: string, cost: CostExtension | undefined, nowMs = Date.now()): void {
    if (cost?.requestedQueryCost !== undefined) COSTS.set(document, cost.requestedQueryCost);
    const s = cost?.throttleStatus;
    if (!s) return;
    BUCKETS.set(this.shop, {
      max: s.maximumAvailable,
      available: s.currentlyAvailable,
      restoreRate: s.restoreRate,
      atMs: nowMs,
    });
  }

  /** After a THROTTLED answer: Shopify's own rule, (requested − available) / restoreRate seconds. */
  static retryDelayMs(cost: CostExtension | undefined): number {
    const s = cost?.throttleStatus;
    const requested = cost?.requestedQueryCost ?? DEFAULT_COST;
    if (!s || s.restoreRate <= 0) return 1000;
    return Math.max(50, Math.ceil(((requested - s.currentlyAvailable) / s.restoreRate) * 1000));
  }
}
