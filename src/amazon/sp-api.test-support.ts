import { systemClock, type Clock } from '../lib/clock.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  type StartedAmazonSandbox,
} from '../sandbox/amazon/index.js';
import { LwaTokenCache } from './lwa-token-cache.js';
import { AmazonOrdersClient } from './orders-client.js';
import { MemoryRateBudgets, type RateBudgets, type SellerAccount } from './rate-limit-registry.js';
import { JitteredBackoff, type RetryPolicy } from './retry-policy.js';
import { createSpApiTransport } from './sp-api-connection.js';
import type { SpApiCall } from './sp-api-transport.js';

export const DE = 'A1PA6795UKMFR9';
/** The sandbox seller's account and application: the key of its rate budgets. */
export const SANDBOX_ACCOUNT: SellerAccount = {
  sellerId: SANDBOX_SELLER_ID,
  region: 'EU',
  applicationId: SANDBOX_CLIENT_ID,
};
/** Real backoff shape, millisecond delays: retries stay fast in tests. */
export const FAST_RETRY = new JitteredBackoff({ maxAttempts: 6, baseMs: 5, capMs: 20 });

export interface ClientOverrides {
  clientSecret?: string;
  refreshToken?: string;
  spApiBaseUrl?: string;
  timeoutMs?: number;
  budgets?: RateBudgets;
  lwaCache?: LwaTokenCache;
  retry?: RetryPolicy;
  clock?: Clock;
}

/** An Orders client of the sandbox seller, with its own LWA cache and buckets unless given. */
export function sandboxClient(sandbox: StartedAmazonSandbox, o: ClientOverrides = {}) {
  const calls: SpApiCall[] = [];
  const clock = o.clock ?? systemClock;
  const { transport, lwa } = createSpApiTransport(
    {
      sellerId: SANDBOX_SELLER_ID,
      region: SANDBOX_ACCOUNT.region,
      spApiBaseUrl: o.spApiBaseUrl ?? sandbox.url,
      lwaUrl: `${sandbox.url}/auth/o2/token`,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: o.clientSecret ?? SANDBOX_CLIENT_SECRET,
      refreshToken: o.refreshToken ?? SANDBOX_REFRESH_TOKEN,
    },
    {
      clock,
      budgets: o.budgets ?? new MemoryRateBudgets(clock),
      lwaCache: o.lwaCache ?? new LwaTokenCache(),
      retry: o.retry ?? FAST_RETRY,
      onCall: (call) => calls.push(call),
      ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    },
  );
  return { lwa, transport, calls, orders: new AmazonOrdersClient(transport) };
}

export type SandboxClient = ReturnType<typeof sandboxClient>;

/** The system clock moved forward by hand, in step with `sandbox.advanceClock`. */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  nowIso(): string {
    return this.now().toISOString();
  }
  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Total 429s the sandbox sent. */
export function sandboxThrottled(sandbox: StartedAmazonSandbox): number {
  return Object.values(sandbox.sandbox.stats().throttled).reduce((a, b) => a + b, 0);
}
