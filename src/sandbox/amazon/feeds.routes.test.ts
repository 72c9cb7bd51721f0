import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedsModelValidator, listingsFeedSchemaValidator } from './feeds-model-schemas.js';
import { feedXsdProblem } from './feeds-xsd.js';
import {
  ackXml,
  cancelMessage,
  expectValid,
  JSON_TYPE,
  submitFeed,
  uploadDocument,
  XML,
} from './feeds.test-support.js';
import { SANDBOX_SELLER_ID } from './sandbox-constants.js';
import { startTestSandbox, type TestSandbox } from './sandbox.test-support.js';

const DE = 'A1PA6795UKMFR9';
const FEEDS = 'models/feeds_2021-06-30.json';
const feedSchema = feedsModelValidator(FEEDS, 'Feed');
const docSchema = feedsModelValidator(FEEDS, 'FeedDocument');
const createDocSchema = feedsModelValidator(FEEDS, 'CreateFeedDocumentResponse');
const feedsSchema = feedsModelValidator(FEEDS, 'GetFeedsResponse');
const errorSchema = feedsModelValidator(FEEDS, 'ErrorList');

interface Feed {
  feedId: string;
  processingStatus: string;
  resultFeedDocumentId?: string;
}

describe('Feeds API 2021-06-30 in the sandbox', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox({ seed: 5, feedTiming: { queueMs: 50, processingMs: 150 } });
  });
  afterAll(() => s.close());

  async function waitDone(feedId: string): Promise<Feed> {
    for (let i = 0; i < 100; i++) {
      const res = await s.sp<Feed>(`/feeds/2021-06-30/feeds/${feedId}`);
      expect(res.status).toBe(200);
      expectValid(feedSchema, res.json);
      if (['DONE', 'FATAL', 'CANCELLED'].includes(res.json.processingStatus)) return res.json;
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error('feed never finished');
  }

  async function report(feed: Feed): Promise<string> {
    const doc = await s.sp<{ url: string; compressionAlgorithm?: string }>(
      `/feeds/2021-06-30/documents/${feed.resultFeedDocumentId ?? ''}`,
    );
    expectValid(docSchema, doc.json);
    const raw = Buffer.from(await (await fetch(doc.json.url)).arrayBuffer());
    return (doc.json.compressionAlgorithm === 'GZIP' ? gunzipSync(raw) : raw).toString('utf8');
  }

  it('cancels whole and partial orders from an acknowledgement feed; reports unknown and shipped orders', async () => {
    const [whole, partial, shipped] = s.sandbox.generateOrders({
      count: 3,
      marketplaceId: DE,
      fulfillment: 'MFN',
      lines: 2,
      statuses: { UNSHIPPED: 1 },
    });
    s.sandbox.advanceOrder(shipped ?? '', 'ship');
    const items = (id: string | undefined) => s.sandbox.getOrder(id ?? '').orderItems.map((i) => i.orderItemId);
    const xml = ackXml(SANDBOX_SELLER_ID, [
      cancelMessage(
        whole ?? '',
        items(whole).map((i) => [i, 'NoInventory']),
      ),
      cancelMessage(partial ?? '', [[items(partial)[0] ?? '', 'BuyerCanceled']]),
      cancelMessage('028-0000000-0000000', [['11111111111111', 'NoInventory']]),
      cancelMessage(shipped ?? '', [[items(shipped)[0] ?? '', 'NoInventory']]),
      `<AmazonOrderID>${partial ?? ''}</AmazonOrderID><StatusCode>Success</StatusCode>`,
    ]);
    const created = await uploadDocument(s, XML, xml);
    expectValid(createDocSchema, created.created.json);
    const feedId = await submitFeed(s, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, xml, DE);
    expect((await s.sp<Feed>(`/feeds/2021-06-30/feeds/${feedId}`)).json.processingStatus).toMatch(
      /IN_QUEUE|IN_PROGRESS/,
    );
    const done = await waitDone(feedId);
    expect(done.processingStatus).toBe('DONE');
    const text = await report(done);
    expect(feedXsdProblem(text)).toBeNull();
    expect(text).toContain('<MessagesProcessed>5</MessagesProcessed>');
    expect(text).toContain('<MessagesSuccessful>3</MessagesSuccessful>');
    expect(text).toContain('<MessagesWithError>2</MessagesWithError>');
    expect(text).toContain('<AmazonOrderID>028-0000000-0000000</AmazonOrderID>');
    const wholeOrder = s.sandbox.getOrder(whole ?? '');
    expect(wholeOrder.fulfillment?.fulfillmentStatus).toBe('CANCELLED');
    expect(wholeOrder.orderItems.map((i) => i.cancellation?.cancellationExecution?.cancelReason)).toEqual([
      'NoInventory',
      'NoInventory',
    ]);
    const partialOrder = s.sandbox.getOrder(partial ?? '');
    expect(partialOrder.fulfillment?.fulfillmentStatus).toBe('UNSHIPPED');
    expect(partialOrder.orderItems[0]?.cancellation?.cancellationExecution?.cancelReason).toBe('BuyerCanceled');
    expect(s.sandbox.getOrder(shipped ?? '').fulfillment?.fulfillmentStatus).toBe('SHIPPED');
    const view = await s.request<{ feedActions: { action: string }[] }>(`/_sandbox/orders/${partial ?? ''}`);
    expect(view.json.feedActions.map((a) => a.action)).toEqual(['cancel', 'acknowledge']);
    const listed = await s.request<{ feeds: { feedId: string; report: string }[] }>('/_sandbox/feeds');
    expect(listed.json.feeds.find((f) => f.feedId === feedId)?.report).toContain('ProcessingReport');
    expect(s.sandbox.stats().feedCancellations).toBe(2);
  });

  it('invalid XML ends DONE with a one-error report; nothing changes', async () => {
    const feedId = await submitFeed(s, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, '<AmazonEnvelope><Oops>', DE);
    const done = await waitDone(feedId);
    expect(done.processingStatus).toBe('DONE');
    const text = await report(done);
    expect(text).toContain('<MessagesProcessed>0</MessagesProcessed>');
    expect(text).toContain('<ResultMessageCode>5000</ResultMessageCode>');
  });

  it('rejects an upload with another Content-Type like S3 (403 SignatureDoesNotMatch)', async () => {
    const { put, putText } = await uploadDocument(s, XML, '<x/>', 'application/xml');
    expect(put.status).toBe(403);
    expect(putText).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('applies a JSON_LISTINGS_FEED and reports unknown SKUs (GZIP JSON report)', async () => {
    const feed = {
      header: { sellerId: SANDBOX_SELLER_ID, version: '2.0' },
      messages: ['TEA_GREEN_100', 'LEGO-10698', 'NO-SUCH-SKU'].map((sku, i) => ({
        messageId: i + 1,
        sku,
        operationType: 'PATCH',
        productType: 'PRODUCT',
        patches: [
          {
            op: 'merge',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: i + 3 }],
          },
        ],
      })),
    };
    const done = await waitDone(await submitFeed(s, 'JSON_LISTINGS_FEED', JSON_TYPE, JSON.stringify(feed), DE));
    const json = JSON.parse(await report(done)) as { summary: { messagesAccepted: number }; issues: unknown[] };
    expectValid(listingsFeedSchemaValidator('models/listings-feed-processing-report-schema-v2.json'), json);
    expect(json.summary.messagesAccepted).toBe(2);
    expect(json.issues).toHaveLength(1);
    expect(s.sandbox.listListings({ sku: 'LEGO-10698', marketplaceId: DE })[0]?.quantity).toBe(4);
  });

  it('getFeeds, cancelFeed (IN_QUEUE only), unknown ids, FATAL for retired feed types', async () => {
    s.sandbox.setFeedTiming({ queueMs: 10_000, processingMs: 20_000 });
    const queued = await submitFeed(s, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', XML, '<x/>', DE);
    const cancel = await s.sp(`/feeds/2021-06-30/feeds/${queued}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    const again = await s.sp(`/feeds/2021-06-30/feeds/${queued}`, { method: 'DELETE' });
    expect(again.status).toBe(400);
    expectValid(errorSchema, again.json);
    s.sandbox.setFeedTiming({ queueMs: 0, processingMs: 0 });
    const retired = await submitFeed(s, 'POST_INVENTORY_AVAILABILITY_DATA', XML, '<x/>', DE);
    expect((await s.sp<Feed>(`/feeds/2021-06-30/feeds/${retired}`)).json.processingStatus).toBe('FATAL');
    const list = await s.sp<{ feeds: Feed[]; nextToken?: string }>('/feeds/2021-06-30/feeds', {
      query: { feedTypes: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', pageSize: '2' },
    });
    expectValid(feedsSchema, list.json);
    expect(list.json.feeds).toHaveLength(2);
    const next = await s.sp<{ feeds: Feed[] }>('/feeds/2021-06-30/feeds', {
      query: { nextToken: list.json.nextToken ?? '' },
    });
    expect(next.json.feeds.length).toBeGreaterThan(0);
    const missing = await s.sp('/feeds/2021-06-30/feeds/1');
    expect(missing.status).toBe(404);
    expectValid(errorSchema, missing.json);
    expect((await s.sp('/feeds/2021-06-30/feeds')).status).toBe(400);
  });
});
