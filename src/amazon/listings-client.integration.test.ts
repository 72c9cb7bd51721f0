import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../lib/clock.js';
import { SANDBOX_SELLER_ID, startAmazonSandbox, type StartedAmazonSandbox } from '../sandbox/amazon/index.js';
import { AmazonFeedsClient } from './feeds-client.js';
import {
  AmazonListingsClient,
  buildListingsQuantityFeed,
  JSON_FEED_CONTENT_TYPE,
  JSON_LISTINGS_FEED_TYPE,
} from './listings-client.js';
import { DE, sandboxClient } from './sp-api.test-support.js';

/** The Listings client and JSON_LISTINGS_FEED against the shipped sandbox, over real HTTP. */
describe('Amazon listings client', () => {
  let sandbox: StartedAmazonSandbox;
  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 6, rateScale: 100, feedTiming: { queueMs: 50, processingMs: 200 } });
  });
  afterEach(async () => {
    await sandbox.close();
  });
  const quantity = (sku: string) => sandbox.sandbox.listListings({ sku, marketplaceId: DE })[0]?.quantity;

  it('patches one quantity (product type looked up once) and the sandbox listing follows', async () => {
    const c = sandboxClient(sandbox);
    const listings = new AmazonListingsClient(c.transport, { marketplaceId: DE });
    const first = await listings.patchListingQuantity('SKILLET 26CM', 3);
    if (!first.ok) throw first.error;
    expect(first.value.status).toBe('ACCEPTED');
    expect(quantity('SKILLET 26CM')).toBe(3);
    const second = await listings.patchListingQuantity('SKILLET 26CM', 0);
    expect(second.ok).toBe(true);
    expect(quantity('SKILLET 26CM')).toBe(0);
    expect(c.transport.stats().calls).toEqual({ getListingsItem: 1, patchListingsItem: 2 });
    const unknown = await listings.patchListingQuantity('NOPE-1', 1, { productType: 'PRODUCT' });
    expect(!unknown.ok && unknown.error.code).toBe('amazon_listing_rejected');
  });

  it('sends 300 quantities in one JSON_LISTINGS_FEED and every one is applied', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      sku: `BULK-${String(i).padStart(4, '0')}`,
      quantity: i % 17,
    }));
    for (const { sku } of items) sandbox.sandbox.setListingQuantity({ sku, quantity: 99, marketplaceId: DE });
    const feed = buildListingsQuantityFeed({ sellerId: SANDBOX_SELLER_ID, items });
    if (!feed.ok) throw feed.error;
    const feeds = new AmazonFeedsClient(sandboxClient(sandbox).transport);
    const sent = await feeds.submitFeed({
      feedType: JSON_LISTINGS_FEED_TYPE,
      marketplaceIds: [DE],
      content: feed.value.json,
      contentType: JSON_FEED_CONTENT_TYPE,
    });
    if (!sent.ok) throw sent.error;
    const done = await feeds.waitForFeed(sent.value.feedId, systemClock, { pollMs: 50, timeoutMs: 10_000 });
    expect(done.ok && done.value.processingStatus).toBe('DONE');
    const report = await feeds.getProcessingReport(sent.value.feedId);
    if (!report.ok) throw report.error;
    expect(report.value.format).toBe('json');
    if (report.value.format !== 'json') return;
    expect(report.value.report.summary).toMatchObject({ messagesProcessed: 300, messagesAccepted: 300, errors: 0 });
    for (const { sku, quantity: q } of items) expect(quantity(sku)).toBe(q);
  });

  it('retries 429s from Amazon until the patch goes through', async () => {
    sandbox.sandbox.setFaults({ seed: 3, patchListingsItem: { errorRates: { '429': 0.5 } } });
    const c = sandboxClient(sandbox);
    const listings = new AmazonListingsClient(c.transport, { marketplaceId: DE, lookUpProductType: false });
    for (let q = 1; q <= 8; q++) {
      const r = await listings.patchListingQuantity('TEA_GREEN_100', q);
      if (!r.ok) throw r.error;
    }
    expect(quantity('TEA_GREEN_100')).toBe(8);
    expect(c.transport.stats().throttled).toBeGreaterThan(0);
    expect(sandbox.sandbox.stats().faultsByKind['error:429']).toBe(c.transport.stats().throttled);
  });

  it('buildListingsQuantityFeed refuses bad input', () => {
    expect(buildListingsQuantityFeed({ sellerId: 'S', items: [] }).ok).toBe(false);
    const dup = buildListingsQuantityFeed({
      sellerId: 'S',
      items: [
        { sku: 'A', quantity: 1 },
        { sku: 'A', quantity: 2 },
      ],
    });
    expect(!dup.ok && dup.error.code).toBe('feed_duplicate_sku');
    const neg = buildListingsQuantityFeed({ sellerId: 'S', items: [{ sku: 'A', quantity: -1 }] });
    expect(!neg.ok && neg.error.code).toBe('feed_quantity_invalid');
  });
});
