import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../lib/clock.js';
import { SANDBOX_SHOPIFY_CLIENT_ID, SANDBOX_SHOPIFY_CLIENT_SECRET } from '../../sandbox/shopify/index.js';
import { connectorFor, startShop } from './shopify.test-support.js';

const clientSecrets = { clientId: SANDBOX_SHOPIFY_CLIENT_ID, clientSecret: SANDBOX_SHOPIFY_CLIENT_SECRET };

describe('authentication', () => {
  it('gets a token by the client-credentials grant and a new one when Shopify says it expired', async () => {
    const clock = new ManualClock('2026-12-01T00:00:00.000Z');
    const { started } = await startShop({ clock });
    try {
      const byGrant = connectorFor(started, { secrets: clientSecrets, now: () => clock.nowIso() });
      expect(await byGrant.test()).toMatchObject({ ok: true });
      // 25 h later: the connector renews on its own …
      clock.advance(25 * 3_600_000);
      expect(await byGrant.test()).toMatchObject({ ok: true });
      // … and one that still believes its cached token valid gets a 401 and fetches a new one once.
      const stale = connectorFor(started, { secrets: clientSecrets, now: () => '2026-12-01T00:00:00.000Z' });
      clock.advance(25 * 3_600_000);
      expect(await stale.test()).toMatchObject({ ok: true });
    } finally {
      await started.close();
    }
  });

  it('reports wrong credentials clearly and as not retryable', async () => {
    const { started } = await startShop();
    try {
      const badToken = await connectorFor(started, { secrets: { accessToken: 'shpat_wrong' } }).test();
      expect(badToken.ok ? null : [badToken.error.code, badToken.error.retryable]).toEqual([
        'shopify_auth_failed',
        false,
      ]);
      const badSecret = await connectorFor(started, { secrets: { ...clientSecrets, clientSecret: 'wrong' } }).test();
      expect(badSecret.ok ? null : badSecret.error.code).toBe('shopify_auth_failed');
    } finally {
      await started.close();
    }
  });

  it('reports an unreachable shop as retryable', async () => {
    const { started } = await startShop();
    const connector = connectorFor(started);
    await started.close();
    const res = await connector.test();
    expect(res.ok ? null : [res.error.code, res.error.retryable]).toEqual(['shopify_unavailable', true]);
  });
});

describe('cost-based throttling', () => {
  it('waits for the cost bucket instead of failing (tiny bucket, many concurrent requests)', async () => {
    const { started } = await startShop({ bucketSize: 40, restoreRate: 400 });
    try {
      const connector = connectorFor(started);
      const refs = ['BOTTLE-750-SS', 'TEA_GREEN_100', 'LEGO-10698'].map(
        (s) => started.sandbox.variantBySku(s)?.variantId ?? '',
      );
      const results = await Promise.all(Array.from({ length: 30 }, () => connector.readStock(refs)));
      expect(results.every((r) => r.ok && r.value.size === 3)).toBe(true);
      const stats = started.sandbox.statsSnapshot();
      expect(stats.requests).toBeGreaterThanOrEqual(30);
    } finally {
      await started.close();
    }
  });

  it('gives up with a retryable error when the bucket does not refill within the wait budget', async () => {
    const { started } = await startShop({ bucketSize: 40, restoreRate: 1 });
    try {
      const connector = connectorFor(started, { maxThrottleWaitMs: 300 });
      const refs = [started.sandbox.variantBySku('BOTTLE-750-SS')?.variantId ?? ''];
      const results = await Promise.all(Array.from({ length: 20 }, () => connector.readStock(refs)));
      const failed = results.find((r) => !r.ok);
      expect(failed && !failed.ok ? [failed.error.code, failed.error.retryable] : null).toEqual([
        'shopify_unavailable',
        true,
      ]);
    } finally {
      await started.close();
    }
  });
});
