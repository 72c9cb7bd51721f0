import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../lib/clock.js';
import { SANDBOX_SELLER_ID, startAmazonSandbox, type StartedAmazonSandbox } from '../sandbox/amazon/index.js';
import { AmazonFeedsClient } from './feeds-client.js';
import {
  buildOrderAcknowledgementFeed,
  ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
  ORDER_FEED_CONTENT_TYPE,
} from './feeds/order-acknowledgement-feed.js';
import { DE, sandboxClient } from './sp-api.test-support.js';

/** The Feeds client against the shipped sandbox, over real HTTP (feeds finish after ~0.3 s). */
describe('Amazon feeds client', () => {
  let sandbox: StartedAmazonSandbox;
  let feeds: AmazonFeedsClient;
  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 4, rateScale: 100, feedTiming: { queueMs: 100, processingMs: 300 } });
    feeds = new AmazonFeedsClient(sandboxClient(sandbox).transport);
  });
  afterEach(async () => {
    await sandbox.close();
  });

  const wait = async (feedId: string) => {
    const done = await feeds.waitForFeed(feedId, systemClock, { pollMs: 50, timeoutMs: 10_000 });
    if (!done.ok) throw done.error;
    return done.value;
  };

  it('cancels an order through POST_ORDER_ACKNOWLEDGEMENT_DATA: DONE, report applied, order CANCELLED with the reason', async () => {
    const [orderId] = sandbox.sandbox.generateOrders({
      count: 1,
      marketplaceId: DE,
      fulfillment: 'MFN',
      lines: 2,
      statuses: { UNSHIPPED: 1 },
    });
    const order = sandbox.sandbox.getOrder(orderId ?? '');
    const feed = buildOrderAcknowledgementFeed({
      sellerId: SANDBOX_SELLER_ID,
      cancellations: [
        {
          amazonOrderId: order.orderId,
          items: order.orderItems.map((i) => ({ orderItemId: i.orderItemId, reason: 'ShippingAddressUndeliverable' })),
        },
      ],
    });
    if (!feed.ok) throw feed.error;
    const submitted = await feeds.submitFeed({
      feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
      marketplaceIds: [DE],
      content: feed.value.xml,
      contentType: ORDER_FEED_CONTENT_TYPE,
    });
    if (!submitted.ok) throw submitted.error;
    const early = await feeds.getProcessingReport(submitted.value.feedId);
    expect(!early.ok && early.error.code).toBe('feed_still_processing');
    expect((await wait(submitted.value.feedId)).processingStatus).toBe('DONE');
    const report = await feeds.getProcessingReport(submitted.value.feedId);
    if (!report.ok) throw report.error;
    expect(report.value.format).toBe('xml');
    expect(report.value.report).toMatchObject({ statusCode: 'Complete', processed: 1, successful: 1, withError: 0 });
    const cancelled = sandbox.sandbox.getOrder(order.orderId);
    expect(cancelled.fulfillment?.fulfillmentStatus).toBe('CANCELLED');
    expect(new Set(cancelled.orderItems.map((i) => i.cancellation?.cancellationExecution?.cancelReason))).toEqual(
      new Set(['ShippingAddressUndeliverable']),
    );
  });

  it('reports invalid XML and unknown orders as errors in the processing report', async () => {
    const bad = await feeds.submitFeed({
      feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
      marketplaceIds: [DE],
      content: '<AmazonEnvelope><Message>',
      contentType: ORDER_FEED_CONTENT_TYPE,
    });
    if (!bad.ok) throw bad.error;
    await wait(bad.value.feedId);
    const report = await feeds.getProcessingReport(bad.value.feedId);
    if (!report.ok || report.value.format !== 'xml') throw new Error('expected an XML report');
    expect(report.value.report.withError).toBe(1);
    expect(report.value.report.results[0]).toMatchObject({ resultCode: 'Error', messageCode: '5000' });
    const unknown = buildOrderAcknowledgementFeed({
      sellerId: SANDBOX_SELLER_ID,
      cancellations: [
        { amazonOrderId: '302-0000000-0000000', items: [{ orderItemId: '11111111111111', reason: 'NoInventory' }] },
      ],
    });
    if (!unknown.ok) throw unknown.error;
    const sent = await feeds.submitFeed({
      feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
      marketplaceIds: [DE],
      content: unknown.value.xml,
      contentType: ORDER_FEED_CONTENT_TYPE,
    });
    if (!sent.ok) throw sent.error;
    await wait(sent.value.feedId);
    const second = await feeds.getProcessingReport(sent.value.feedId);
    if (!second.ok || second.value.format !== 'xml') throw new Error('expected an XML report');
    expect(second.value.report.results[0]?.amazonOrderId).toBe('302-0000000-0000000');
  });

  it('turns a Content-Type mismatch on the upload into a clear AppError', async () => {
    const doc = await feeds.createFeedDocument(ORDER_FEED_CONTENT_TYPE);
    if (!doc.ok) throw doc.error;
    const put = await feeds.uploadFeedDocument(doc.value.url, '<x/>', 'application/xml');
    expect(put.ok).toBe(false);
    if (put.ok) return;
    expect(put.error.code).toBe('feed_upload_rejected');
    expect(put.error.message).toContain('SignatureDoesNotMatch');
    expect(put.error.message).toContain('createFeedDocument');
    expect(JSON.stringify(put.error.details)).not.toContain('X-Amz-Signature');
  });

  it('getFeed of an unknown feed is amazon_not_found; a FATAL feed without report says so', async () => {
    const missing = await feeds.getFeed('1');
    expect(!missing.ok && missing.error.code).toBe('amazon_not_found');
    const doc = await feeds.createFeedDocument(ORDER_FEED_CONTENT_TYPE);
    if (!doc.ok) throw doc.error;
    const feedId = await feeds.createFeed({
      feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
      marketplaceIds: [DE],
      inputFeedDocumentId: doc.value.feedDocumentId,
    });
    if (!feedId.ok) throw feedId.error;
    expect((await wait(feedId.value)).processingStatus).toBe('FATAL');
    const report = await feeds.getProcessingReport(feedId.value);
    expect(!report.ok && report.error.code).toBe('feed_report_missing');
  });
});
