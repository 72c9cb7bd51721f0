import type { Clock } from '../lib/clock.js';
import { DEFAULT_USAGE_PLANS, FALLBACK_USAGE_PLAN } from './rate-limits.js';
import { TokenBucket } from './token-bucket.js';

/**
 * One bucket per (seller, operation) for the whole process: Amazon's limits are per selling
 * partner and application, so every connection of a seller shares them.
 */
export class RateLimitRegistry {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Clock) {}

  bucket(sellerId: string, operation: string): TokenBucket {
    const key = `${sellerId}\u0000${operation}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const plan = DEFAULT_USAGE_PLANS[operation] ?? FALLBACK_USAGE_PLAN;
      bucket = new TokenBucket(plan.rate, plan.burst, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
