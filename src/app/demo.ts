import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
} from '../sandbox/amazon/index.js';
import type { NewConnectionInput } from '../sync/connection-input.js';
import type { App } from './app-context.js';

/** The input of a connection to a running sandbox, with its built-in credentials (demo, tests, benchmarks). */
export function sandboxConnectionInput(
  sandboxUrl: string,
  options: { name: string; marketplaceId: string; active?: boolean; config?: Record<string, unknown> },
): NewConnectionInput {
  return {
    name: options.name,
    marketplaceId: options.marketplaceId,
    sellerId: SANDBOX_SELLER_ID,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    refreshToken: SANDBOX_REFRESH_TOKEN,
    spApiBaseUrl: sandboxUrl,
    lwaUrl: `${sandboxUrl}/auth/o2/token`,
    active: options.active ?? true,
    config: {
      orderTypes: ['MFN', 'AFN'],
      syncFromDate: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      ...options.config,
    },
  };
}

export interface Demo {
  connectionId: string;
  connectionName: string;
  sandboxUrl: string;
  stop(): Promise<void>;
}

const DEMO_CONNECTION = 'sandbox-demo';
const DEMO_BACKLOG = 120;
const DEMO_ACTIVITY_MS = 20_000;
const DEMO_MARKETPLACE = 'A1PA6795UKMFR9'; // Amazon.de

/**
 * First start without configuration: the built-in Amazon sandbox with a seeded backlog, and an
 * active connection to it, so orders arrive within a minute. New orders keep coming while it runs.
 */
export async function startDemo(app: App): Promise<Demo> {
  const started = await startAmazonSandbox({ port: app.config.sandboxPort, seed: 1 });
  started.sandbox.generateOrders({ count: DEMO_BACKLOG, marketplaceId: DEMO_MARKETPLACE });
  const existing = await app.connections.get(app.accountId, DEMO_CONNECTION);
  const endpoints = { spApiBaseUrl: started.url, lwaUrl: `${started.url}/auth/o2/token` };
  const result = existing.ok
    ? await app.connections.update(app.accountId, DEMO_CONNECTION, { ...endpoints, active: true }, 'demo')
    : await app.connections.add(
        app.accountId,
        sandboxConnectionInput(started.url, {
          name: DEMO_CONNECTION,
          marketplaceId: DEMO_MARKETPLACE,
          config: { pollIntervalMinutes: 1, syncFromDate: new Date(Date.now() - 7 * 86_400_000).toISOString() },
        }),
        'demo',
      );
  if (!result.ok) {
    await started.close();
    throw result.error;
  }
  // A trickle of new orders, as a live seller would have (visible to searchOrders after Amazon's 2 minutes).
  const timer = setInterval(
    () =>
      started.sandbox.generateOrders({
        count: 1,
        marketplaceId: DEMO_MARKETPLACE,
        createdAfter: new Date().toISOString(),
      }),
    DEMO_ACTIVITY_MS,
  );
  timer.unref();
  return {
    connectionId: result.value.id,
    connectionName: DEMO_CONNECTION,
    sandboxUrl: started.url,
    stop: async () => {
      clearInterval(timer);
      await started.close();
    },
  };
}
