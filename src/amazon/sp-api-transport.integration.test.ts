import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../lib/clock.js';
import {
  SANDBOX_CLIENT_SECRET,
  SANDBOX_REFRESH_TOKEN,
  SANDBOX_SELLER_ID,
  startAmazonSandbox,
  type StartedAmazonSandbox,
} from '../sandbox/amazon/index.js';
import type { AccessTokenSource } from './lwa-token-provider.js';
import { AmazonOrdersClient } from './orders-client.js';
import { MemoryRateBudgets } from './rate-limit-registry.js';
import { SpApiTransport } from './sp-api-transport.js';
import { DE, FAST_RETRY, SANDBOX_ACCOUNT, sandboxClient, type SandboxClient } from './sp-api.test-support.js';

/** Retries, error mapping and call records of the transport, against the sandbox's faults. */
describe('SpApiTransport', () => {
  let sandbox: StartedAmazonSandbox;
  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 9, rateScale: 200 });
    sandbox.sandbox.generateOrders({ count: 10, marketplaceId: DE });
  });
  afterEach(async () => {
    await sandbox.close();
  });
  const search = (c: SandboxClient) =>
    c.orders.searchOrders({
      lastUpdatedAfter: new Date(Date.now() - 86_400_000).toISOString(),
      marketplaceIds: [DE],
      includedData: ['FULFILLMENT'],
    });

  it('retries injected 500s and 503s until Amazon answers, and records every attempt', async () => {
    sandbox.sandbox.setFaults({ seed: 4, searchOrders: { errorRates: { '500': 0.3, '503': 0.3 } } });
    const c = sandboxClient(sandbox);
    for (let i = 0; i < 5; i++) expect((await search(c)).ok).toBe(true);
    const failed = c.calls.filter((call) => call.status === 500 || call.status === 503);
    expect(failed.length).toBeGreaterThan(0);
    expect(sandbox.sandbox.stats().faultsInjected).toBe(failed.length);
    expect(c.transport.stats().calls.searchOrders).toBe(5 + failed.length);
    expect(c.calls.filter((call) => call.attempt > 1).length).toBe(failed.length);
  });

  it('calls onCall with operation, method, path, status, duration and request id — never a token', async () => {
    const c = sandboxClient(sandbox);
    expect((await search(c)).ok).toBe(true);
    expect(c.calls).toEqual([
      {
        operation: 'searchOrders',
        method: 'GET',
        path: '/orders/2026-01-01/orders',
        status: 200,
        durationMs: expect.any(Number) as number,
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
        attempt: 1,
      },
    ]);
    const text = JSON.stringify(c.calls);
    for (const secret of ['Atza|', SANDBOX_REFRESH_TOKEN, SANDBOX_CLIENT_SECRET]) expect(text).not.toContain(secret);
  });

  it('retries timeouts, and gives up with amazon_unavailable when Amazon keeps failing or hangs', async () => {
    sandbox.sandbox.setFaults({ seed: 2, timeoutMs: 2000, searchOrders: { timeoutRate: 0.5 } });
    const flaky = sandboxClient(sandbox, { timeoutMs: 150 });
    for (let i = 0; i < 3; i++) expect((await search(flaky)).ok).toBe(true);
    expect(flaky.calls.some((call) => call.status === null)).toBe(true);

    sandbox.sandbox.setFaults({ searchOrders: { errorRates: { '503': 1 } } });
    const down = await search(sandboxClient(sandbox));
    expect(down.ok || down.error).toMatchObject({ code: 'amazon_unavailable', kind: 'upstream', retryable: true });

    sandbox.sandbox.setFaults({ timeoutMs: 2000, searchOrders: { timeoutRate: 1 } });
    const hung = sandboxClient(sandbox, { timeoutMs: 100 });
    const slow = await search(hung);
    expect(slow.ok || slow.error).toMatchObject({ code: 'amazon_unavailable', retryable: true });
    expect(slow.ok || slow.error.message).toContain('in time');
    expect(hung.calls).toHaveLength(6);
  });

  it('retries a malformed body once, then reports amazon_malformed_response', async () => {
    sandbox.sandbox.setFaults({ searchOrders: { malformedRate: 1 } });
    const c = sandboxClient(sandbox);
    const malformed = await search(c);
    expect(malformed.ok || malformed.error).toMatchObject({ code: 'amazon_malformed_response', retryable: true });
    expect(c.calls).toHaveLength(2);

    sandbox.sandbox.setFaults({ seed: 5, getOrder: { malformedRate: 0.5 } });
    const id = sandbox.sandbox.listOrders({})[0]?.orderId as string;
    const results = await Promise.all(Array.from({ length: 6 }, () => c.orders.getOrder(id)));
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);
  });

  it('turns a 429 storm into amazon_throttled (rate_limited) after the retries, draining the bucket', async () => {
    // The bucket's time moves only while it waits for a token, so what it holds after the storm is
    // what the 429s left in it, not what the machine's speed let it refill meanwhile.
    const budgets = new MemoryRateBudgets(new ManualClock());
    const c = sandboxClient(sandbox, { budgets });
    const id = sandbox.sandbox.listOrders({})[0]?.orderId as string;
    expect((await c.orders.getOrder(id)).ok).toBe(true); // learns the (scaled) rate from x-amzn-RateLimit-Limit
    sandbox.sandbox.setFaults({ getOrder: { errorRates: { '429': 1 } } });
    const throttled = await c.orders.getOrder(id);
    expect(throttled.ok || throttled.error).toMatchObject({ code: 'amazon_throttled', kind: 'rate_limited' });
    expect(c.transport.stats()).toEqual({ calls: { getOrder: 7 }, throttled: 6 });
    expect(budgets.bucket(SANDBOX_ACCOUNT, 'getOrder').available()).toBe(0);
  });

  it('retries an LWA outage like any network failure', async () => {
    sandbox.sandbox.setFaults({ seed: 1, lwaToken: { errorRates: { '503': 0.6 } } });
    const c = sandboxClient(sandbox);
    expect((await search(c)).ok).toBe(true);
    expect(sandbox.sandbox.stats().faultsByKind['error:503']).toBeGreaterThan(0);
  });

  it('names the authorisation problem: bad client secret, revoked refresh token, missing role', async () => {
    const badSecret = await search(sandboxClient(sandbox, { clientSecret: 'wrong' }));
    expect(badSecret.ok || badSecret.error).toMatchObject({ code: 'amazon_auth_invalid_client', retryable: false });
    expect(sandbox.sandbox.stats().calls.searchOrders).toBe(0);

    sandbox.sandbox.revokeRefreshToken(SANDBOX_REFRESH_TOKEN);
    const revoked = await search(sandboxClient(sandbox));
    expect(revoked.ok || revoked.error).toMatchObject({ code: 'amazon_auth_refresh_revoked', kind: 'auth' });

    const restored = await startAmazonSandbox();
    try {
      restored.sandbox.setRoles(SANDBOX_SELLER_ID, ['INVENTORY_AND_ORDER_TRACKING']);
      const c = sandboxClient(restored);
      const noRole = await c.orders.searchOrders({
        lastUpdatedAfter: new Date(Date.now() - 3_600_000).toISOString(),
        includedData: ['RECIPIENT'],
      });
      expect(noRole.ok || noRole.error).toMatchObject({ code: 'amazon_forbidden_role', kind: 'auth' });
      expect(noRole.ok || noRole.error.message).toContain('Direct-to-Consumer');
      expect(c.calls).toHaveLength(1); // no second try with a fresh token: the token was fine
    } finally {
      await restored.close();
    }
  });

  it('retries a refused token once with a fresh one, then explains it (wrong region?)', async () => {
    let handedOut = 0;
    const foreign: AccessTokenSource = {
      accessToken: () => Promise.resolve(`Atza|issued-elsewhere-${++handedOut}`),
      invalidate: () => undefined,
    };
    const transport = new SpApiTransport({
      account: SANDBOX_ACCOUNT,
      spApiBaseUrl: sandbox.url,
      lwa: foreign,
      budgets: new MemoryRateBudgets(systemClock),
      clock: systemClock,
      retry: FAST_RETRY,
    });
    const refused = await new AmazonOrdersClient(transport).getOrder('302-0000000-0000000');
    expect(refused.ok || refused.error).toMatchObject({ code: 'amazon_auth_token_invalid', kind: 'auth' });
    expect(refused.ok || refused.error.message).toMatch(/wrong region/i);
    expect(handedOut).toBe(2);
  });
});
