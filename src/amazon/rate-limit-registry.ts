import type { Clock } from '../lib/clock.js';
import { DEFAULT_USAGE_PLANS, FALLBACK_USAGE_PLAN, type UsagePlan } from './rate-limits.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Whose budget a call spends: Amazon applies its limits per selling-partner account (seller id in
 * one region) and per application (the LWA client id), whatever the connection or marketplace.
 */
export interface SellerAccount {
  sellerId: string;
  region: string;
  /** The connection's LWA client id. */
  applicationId: string;
}

/** One (seller account, application, operation) token bucket. */
export interface RateBudget {
  /** Waits until a token is available, then takes it; throws (call not sent) when it cannot tell. */
  acquire(): Promise<void>;
  /** Amazon told us the rate it applies (x-amzn-RateLimit-Limit); the burst stays. */
  setRate(rate: number): void | Promise<void>;
  /** A 429 means Amazon's bucket is empty: so is ours. */
  drain(): void | Promise<void>;
}

/**
 * Every Amazon call draws from these budgets. In memory for one process (SQLite), or in the
 * database so that every process of a PostgreSQL installation spends the same budget.
 */
export interface RateBudgets {
  bucket(account: SellerAccount, operation: string): RateBudget;
}

/** The stable name of one budget (also the database row's key). */
export function rateBudgetKey(account: SellerAccount, operation: string): string {
  return [account.region, account.sellerId, account.applicationId, operation].join('|');
}

/** The plan a budget starts with, until Amazon's header says otherwise. */
export function defaultPlanOf(operation: string): UsagePlan {
  return DEFAULT_USAGE_PLANS[operation] ?? FALLBACK_USAGE_PLAN;
}

/** The budgets of one process: right when one process makes every call (SQLite installations). */
export class MemoryRateBudgets implements RateBudgets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Clock) {}

  bucket(account: SellerAccount, operation: string): TokenBucket {
    const key = rateBudgetKey(account, operation);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const plan = defaultPlanOf(operation);
      bucket = new TokenBucket(plan.rate, plan.burst, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
