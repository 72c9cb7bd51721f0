import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  SANDBOX_SHOPIFY_ACCESS_TOKEN,
  SANDBOX_SHOPIFY_CLIENT_SECRET,
  type StartedShopifySandbox,
} from '../../sandbox/shopify/index.js';
import type { ShopifyConnector } from './shopify.connector.js';
import { connectorFor, startShop, startWebhookCatcher } from './shopify.test-support.js';

/**
 * Shopify wants a webhook answered within 5 s. A stock webhook needs one read (the level now, not
 * the body's: retries carry old bodies), and that read must never wait for a drained cost bucket —
 * it fails at once as retryable (Shopify delivers again) instead of holding the request.
 */
let started: StartedShopifySandbox;
let connector: ShopifyConnector;
let catcher: Awaited<ReturnType<typeof startWebhookCatcher>>;

beforeAll(async () => {
  // A bucket of 60 points refilled at 1 point/s: a few reads drain it for the rest of the test.
  ({ started } = await startShop({ bucketSize: 60, restoreRate: 1 }));
  catcher = await startWebhookCatcher();
  started.sandbox.addWebhook('inventory_levels/update', catcher.url);
  connector = connectorFor(started, {
    secrets: { accessToken: SANDBOX_SHOPIFY_ACCESS_TOKEN, webhookSecret: SANDBOX_SHOPIFY_CLIENT_SECRET },
  });
});
afterAll(async () => {
  await started.close();
  await catcher.close();
});

it('answers a stock webhook from the level read now, and fails it as retryable instead of waiting for the bucket', async () => {
  const ref = started.sandbox.variantBySku('CHAIR-ERGO-01')?.variantId ?? '';
  started.sandbox.setStock('CHAIR-ERGO-01', 11);
  for (let i = 0; i < 100 && catcher.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const hook = catcher.received[0];
  expect(hook?.headers['x-shopify-topic']).toBe('inventory_levels/update');
  if (!hook) return;

  // The merchant changes stock again before the (retried) first delivery is handled: the event
  // carries today's level, not the delivery's old one.
  started.sandbox.setStock('CHAIR-ERGO-01', 4);
  const first = await connector.parseWebhook(hook);
  expect(first.ok && first.value).toEqual([expect.objectContaining({ kind: 'stock', productRef: ref, available: 4 })]);

  // Drain the bucket with a second client that gives up at once (this connector would wait 60 s).
  const drainer = connectorFor(started, { maxThrottleWaitMs: 0 });
  for (let i = 0; i < 20; i++) {
    const r = await drainer.readStock([ref]);
    if (!r.ok) break;
  }
  const drained = await connector.parseWebhook(hook);
  expect(drained.ok).toBe(false);
  if (!drained.ok) {
    expect(drained.error).toMatchObject({ code: 'shopify_unavailable', retryable: true });
    expect((drained.error as { details?: Record<string, unknown> }).details).toMatchObject({ throttled: true });
  }
});
