import { systemClock, type Clock } from '../lib/clock.js';
import type { LwaTokenCache } from './lwa-token-cache.js';
import { LwaTokenProvider } from './lwa-token-provider.js';
import { AmazonOrdersClient } from './orders-client.js';
import { MemoryRateBudgets, type RateBudgets } from './rate-limit-registry.js';
import type { RetryPolicy } from './retry-policy.js';
import { SpApiTransport, type SpApiCall } from './sp-api-transport.js';

/** What one connection needs to talk to Amazon (secrets included: keep it out of logs). */
export interface SpApiConnection {
  sellerId: string;
  /** NA, EU or FE: with the seller id and client id, whose rate budgets the calls spend. */
  region: string;
  spApiBaseUrl: string;
  lwaUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface SpApiConnectionOptions {
  clock?: Clock;
  /** Amazon's limits are per seller account and application, whatever the connection: share them. */
  budgets?: RateBudgets;
  lwaCache?: LwaTokenCache;
  retry?: RetryPolicy;
  timeoutMs?: number;
  onCall?: (call: SpApiCall) => void;
}

let processBudgets: MemoryRateBudgets | null = null;

/** The process-wide budgets on the system clock (the default of `createSpApiTransport`). */
export function processRateBudgets(): MemoryRateBudgets {
  processBudgets ??= new MemoryRateBudgets(systemClock);
  return processBudgets;
}

/** The transport of one connection: its LWA token provider, the seller account's budgets, retries. */
export function createSpApiTransport(
  connection: SpApiConnection,
  options: SpApiConnectionOptions = {},
): { transport: SpApiTransport; lwa: LwaTokenProvider } {
  const clock = options.clock ?? systemClock;
  const { lwaUrl, clientId, clientSecret, refreshToken } = connection;
  const lwa = new LwaTokenProvider(
    { lwaUrl, clientId, clientSecret, refreshToken },
    clock,
    options.lwaCache ? { cache: options.lwaCache } : {},
  );
  const transport = new SpApiTransport({
    account: { sellerId: connection.sellerId, region: connection.region, applicationId: clientId },
    spApiBaseUrl: connection.spApiBaseUrl,
    lwa,
    // Buckets on another clock (tests) cannot share the process-wide ones.
    budgets: options.budgets ?? (clock === systemClock ? processRateBudgets() : new MemoryRateBudgets(clock)),
    clock,
    ...(options.retry && { retry: options.retry }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.onCall && { onCall: options.onCall }),
  });
  return { transport, lwa };
}

/** Shortcut: the Orders client of one connection. */
export function createAmazonOrdersClient(
  connection: SpApiConnection,
  options: SpApiConnectionOptions = {},
): AmazonOrdersClient {
  return new AmazonOrdersClient(createSpApiTransport(connection, options).transport);
}
