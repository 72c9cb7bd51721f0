import { performance } from 'node:perf_hooks';
import Big from 'big.js';
import type { UsagePlan } from './sandbox-constants.js';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** The rate applied (scaled), as the decimal string for x-amzn-RateLimit-Limit. */
  limitHeader: string;
}

/**
 * Token buckets per key (application × seller × operation), as Amazon's usage plans: `rate` tokens per
 * second up to `burst`; buckets start full. Uses real monotonic time, not the sandbox clock, so moving
 * the clock never refills a bucket. `rateScale` speeds refills up (tests, benchmarks); burst stays.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rateScale: number,
    private readonly enforce: boolean,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    if (!(rateScale > 0)) throw new Error('rateScale must be a positive number');
  }

  limitHeader(plan: UsagePlan): string {
    return new Big(plan.rate).times(this.rateScale).toString();
  }

  take(key: string, plan: UsagePlan): RateDecision {
    const limitHeader = this.limitHeader(plan);
    if (!this.enforce) return { allowed: true, limitHeader };
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: plan.burst, updatedMs: now };
    const refillPerMs = (Number(plan.rate) * this.rateScale) / 1000;
    bucket.tokens = Math.min(plan.burst, bucket.tokens + (now - bucket.updatedMs) * refillPerMs);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return { allowed: false, limitHeader };
    bucket.tokens -= 1;
    return { allowed: true, limitHeader };
  }

  reset(): void {
    this.buckets.clear();
  }
}
