import { systemClock, type Clock } from '../lib/clock.js';
import type { LwaTokenCache } from './lwa-token-cache.js';
import { LwaTokenProvider } from './lwa-token-provider.js';
import { AmazonOrdersClient } from './orders-client.js';
import { RateLimitRegistry } from './rate-limit-registry.js';
import type { RetryPolicy } from './retry-policy.js';
import { SpApiTransport, type SpApiCall } from './sp-api-transport.js';

/** What one connection needs to talk to Amazon (secrets included: keep it out of logs). */
export interface SpApiConnection {
  sellerId: string;
  spApiBaseUrl: string;
  lwaUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface SpApiConnectionOptions {
  clock?: Clock;
  /** Share one registry per process: Amazon's limits are per seller, whatever the connection. */
  limits?: RateLimitRegistry;
  lwaCache?: LwaTokenCache;
  retry?: RetryPolicy;
  timeoutMs?: number;
  onCall?: (call: SpApiCall) => void;
}

let sharedLimits: RateLimitRegistry | null = null;

/** The process-wide registry on the system clock (the default of `createSpApiTransport`). */
export function sharedRateLimitRegistry(): RateLimitRegistry {
  sharedLimits ??= new RateLimitRegistry(systemClock);
  return sharedLimits;
}

/** The transport of one connection: its LWA token provider, the seller's buckets, retries. */
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
    sellerId: connection.sellerId,
    spApiBaseUrl: connection.spApiBaseUrl,
    lwa,
    // Buckets on another clock (tests) cannot share the process-wide registry.
    limits: options.limits ?? (clock === systemClock ? sharedRateLimitRegistry() : new RateLimitRegistry(clock)),
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
