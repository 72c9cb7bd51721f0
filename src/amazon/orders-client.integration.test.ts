import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../lib/clock.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
  type StartedAmazonSandbox,
} from '../sandbox/amazon/index.js';
import { LwaTokenProvider } from './lwa-token-provider.js';
import { AmazonOrdersClient } from './orders-client.js';
import { RateLimitRegistry } from './rate-limit-registry.js';
import { JitteredBackoff } from './retry-policy.js';
import { SpApiTransport } from './sp-api-transport.js';

const DE = 'A1PA6795UKMFR9';
const FAST_RETRY = new JitteredBackoff({ maxAttempts: 6, baseMs: 5, capMs: 20 });

/** The SP-API client against the shipped sandbox, over real HTTP. */
describe('Amazon orders client', () => {
  let sandbox: StartedAmazonSandbox;
  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 9, rateScale: 200 });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  function client(
    overrides: { clientSecret?: string; refreshToken?: string; timeoutMs?: number; limits?: RateLimitRegistry } = {},
  ) {
    const lwa = new LwaTokenProvider(
      {
        lwaUrl: `${sandbox.url}/auth/o2/token`,
        clientId: SANDBOX_CLIENT_ID,
        clientSecret: overrides.clientSecret ?? SANDBOX_CLIENT_SECRET,
        refreshToken: overrides.refreshToken ?? SANDBOX_REFRESH_TOKEN,
      },
      systemClock,
    );
    const transport = new SpApiTransport({
      sellerId: SANDBOX_SELLER_ID,
      spApiBaseUrl: sandbox.url,
      lwa,
      limits: overrides.limits ?? new RateLimitRegistry(systemClock),
      clock: systemClock,
      retry: FAST_RETRY,
      ...(overrides.timeoutMs !== undefined && { timeoutMs: overrides.timeoutMs }),
    });
    return { lwa, transport, orders: new AmazonOrdersClient(transport) };
  }

  const after = new Date(Date.now() - 86_400_000).toISOString();
  const search = (c: ReturnType<typeof client>, token: string | null = null) =>
    c.orders.searchOrders({
      lastUpdatedAfter: after,
      marketplaceIds: [DE],
      includedData: ['PROCEEDS', 'FULFILLMENT'],
      maxResultsPerPage: 100,
      paginationToken: token,
    });

  it('pages through every order with one LWA exchange and follows the rate Amazon reports', async () => {
    sandbox.sandbox.generateOrders({ count: 230, marketplaceId: DE });
    const c = client();
    const ids = new Set<string>();
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await search(c, token);
      if (!page.ok) throw page.error;
      page.value.orders.forEach((o) => ids.add((o as { orderId: string }).orderId));
      expect(page.value.lastUpdatedBefore).not.toBeNull();
      token = page.value.nextToken;
      pages++;
    } while (token);
    expect(ids.size).toBe(230);
    expect(pages).toBe(3);
    expect(c.lwa.exchanges).toBe(1);
    const fetched = await c.orders.getOrder([...ids][0] as string, ['PROCEEDS']);
    expect(fetched.ok).toBe(true);
    expect(c.transport.stats()).toEqual({ calls: { searchOrders: 3, getOrder: 1 }, throttled: 0 });
  });

  it("never gets throttled at Amazon's limits: the buckets wait instead", async () => {
    sandbox.sandbox.generateOrders({ count: 5, marketplaceId: DE });
    const limits = new RateLimitRegistry(systemClock);
    const c = client({ limits });
    const ids = (sandbox.sandbox.listOrders({}) as Array<{ orderId: string }>).map((o) => o.orderId);
    // getOrder: burst 30 at 0.5/s × 200 = 100/s; 60 calls must wait for tokens, not hit 429s.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => c.orders.getOrder(ids[i % ids.length] as string, [])),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(Object.values(sandbox.sandbox.stats().throttled).reduce((a, b) => a + b, 0)).toBe(0);
    expect(limits.bucket(SANDBOX_SELLER_ID, 'getOrder').currentRate).toBeCloseTo(100, 5);
  });

  it('retries 500s, 503s and timeouts, and gives up with a specific error when Amazon keeps failing', async () => {
    sandbox.sandbox.generateOrders({ count: 10, marketplaceId: DE });
    sandbox.sandbox.setFaults({ seed: 4, searchOrders: { errorRates: { '500': 0.3, '503': 0.3 } } });
    const c = client();
    for (let i = 0; i < 5; i++) expect((await search(c)).ok).toBe(true);
    expect(sandbox.sandbox.stats().faultsInjected).toBeGreaterThan(0);
  });

  it('gives up with a specific error when Amazon keeps failing or hangs', async () => {
    const c = client();
    sandbox.sandbox.setFaults({ searchOrders: { errorRates: { '503': 1 } } });
    const down = await search(c);
    expect(!down.ok && down.error.code).toBe('amazon_unavailable');
    expect(!down.ok && down.error.retryable).toBe(true);

    sandbox.sandbox.setFaults({ timeoutMs: 300, searchOrders: { timeoutRate: 1 } });
    const slow = await search(client({ timeoutMs: 100 }));
    expect(!slow.ok && slow.error.code).toBe('amazon_unavailable');
  });

  it('reports malformed bodies and 429 storms as specific errors', async () => {
    const c = client();
    expect((await search(c)).ok).toBe(true); // learns the (scaled) rate from x-amzn-RateLimit-Limit
    sandbox.sandbox.setFaults({ searchOrders: { malformedRate: 1 } });
    const malformed = await search(c);
    expect(!malformed.ok && malformed.error.code).toBe('amazon_malformed_response');
    sandbox.sandbox.setFaults({ searchOrders: { errorRates: { '429': 1 } } });
    const throttled = await search(c);
    expect(!throttled.ok && throttled.error.code).toBe('amazon_throttled');
    expect(!throttled.ok && throttled.error.kind).toBe('rate_limited');
  });

  it('names the authorisation problem: bad client secret, revoked refresh token, missing role, refused token', async () => {
    const badSecret = await search(client({ clientSecret: 'wrong' }));
    expect(!badSecret.ok && badSecret.error.code).toBe('amazon_auth_invalid_client');
    expect(!badSecret.ok && badSecret.error.message).not.toContain('wrong');

    sandbox.sandbox.revokeRefreshToken(SANDBOX_REFRESH_TOKEN);
    const revoked = await search(client());
    expect(!revoked.ok && revoked.error.code).toBe('amazon_auth_refresh_revoked');
    expect(!revoked.ok && revoked.error.message).toContain('authorise the connection again');
  });

  it('reports a missing role and a refused access token (wrong region) specifically', async () => {
    sandbox.sandbox.setRoles(SANDBOX_SELLER_ID, ['INVENTORY_AND_ORDER_TRACKING']);
    const c = client();
    const noRole = await c.orders.searchOrders({
      lastUpdatedAfter: new Date(Date.now() - 3_600_000).toISOString(),
      includedData: ['RECIPIENT'],
    });
    expect(!noRole.ok && noRole.error.code).toBe('amazon_forbidden_role');

    // A token the SP-API host does not accept (as when LWA and SP-API region disagree).
    const foreign = new SpApiTransport({
      sellerId: SANDBOX_SELLER_ID,
      spApiBaseUrl: sandbox.url,
      lwa: {
        accessToken: () => Promise.resolve('Atza|issued-elsewhere'),
        invalidate: () => undefined,
      } as unknown as LwaTokenProvider,
      limits: new RateLimitRegistry(systemClock),
      clock: systemClock,
      retry: FAST_RETRY,
    });
    const refused = await new AmazonOrdersClient(foreign).getOrder('302-0000000-0000000', []);
    expect(!refused.ok && refused.error.code).toBe('amazon_auth_token_invalid');
    expect(!refused.ok && refused.error.message).toContain('wrong region');
  });
});
