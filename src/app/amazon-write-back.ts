import { AmazonFeedsClient } from '../amazon/feeds-client.js';
import { buildListingsQuantityFeed, JSON_FEED_CONTENT_TYPE } from '../amazon/feeds/listings-quantity-feed.js';
import { AmazonListingsClient } from '../amazon/listings-client.js';
import { AmazonOrdersClient } from '../amazon/orders-client.js';
import type { SpApiTransport } from '../amazon/sp-api-transport.js';
import type { Connection } from '../domain/connection.js';
import { ok, type Result } from '../lib/result.js';
import type { AmazonWriteBackPort, ProcessingReportSummary } from '../sync/write-back-ports.js';

/** The write-back of one connection over SP-API: Orders v0 confirmShipment, Feeds, Listings Items. */
export function createAmazonWriteBack(connection: Connection, transport: SpApiTransport): AmazonWriteBackPort {
  const orders = new AmazonOrdersClient(transport);
  const feeds = new AmazonFeedsClient(transport);
  const listings = new AmazonListingsClient(transport, {
    marketplaceId: connection.marketplaceId,
    sellerId: connection.sellerId,
  });
  return {
    confirmShipment: (s) =>
      orders.confirmShipment(s.amazonOrderId, {
        marketplaceId: connection.marketplaceId,
        packageDetail: {
          packageReferenceId: s.packageReferenceId,
          carrierCode: s.carrierCode,
          ...(s.carrierName !== null && { carrierName: s.carrierName }),
          ...(s.shippingMethod !== null && { shippingMethod: s.shippingMethod }),
          trackingNumber: s.trackingNumber,
          shipDate: s.shipDate,
          orderItems: s.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        },
      }),
    async submitFeed(feedType, content, contentType) {
      const submitted = await feeds.submitFeed({
        feedType,
        marketplaceIds: [connection.marketplaceId],
        content,
        contentType,
      });
      return submitted.ok ? ok(submitted.value.feedId) : submitted;
    },
    async getFeed(feedId) {
      const feed = await feeds.getFeed(feedId);
      if (!feed.ok) return feed;
      return ok({
        processingStatus: feed.value.processingStatus,
        resultFeedDocumentId: feed.value.resultFeedDocumentId ?? null,
      });
    },
    async getFeedReport(feedId): Promise<Result<ProcessingReportSummary>> {
      const got = await feeds.getProcessingReport(feedId);
      if (!got.ok) return got;
      if (got.value.format === 'xml') {
        const r = got.value.report;
        return ok({
          processed: r.processed,
          successful: r.successful,
          withError: r.withError,
          results: r.results.map((x) => ({
            messageId: x.messageId,
            code: x.resultCode === 'Error' ? 'Error' : 'Warning',
            description: `${x.messageCode}: ${x.description}`,
          })),
        });
      }
      const r = got.value.report;
      return ok({
        processed: r.summary.messagesProcessed,
        successful: r.summary.messagesAccepted,
        withError: r.summary.messagesInvalid,
        results: r.issues
          .filter((i) => i.severity !== 'INFO' && i.messageId !== undefined)
          .map((i) => ({
            messageId: i.messageId ?? 0,
            code: i.severity === 'ERROR' ? 'Error' : 'Warning',
            description: `${i.code ?? ''}: ${i.message}`,
          })),
      });
    },
    async patchListingQuantity(sku, quantity) {
      const patched = await listings.patchListingQuantity(sku, quantity);
      return patched.ok ? ok(undefined) : patched;
    },
    buildListingsFeed(sellerId, quantities) {
      const built = buildListingsQuantityFeed({
        sellerId,
        items: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
      });
      if (!built.ok) return built;
      const messageIds = Object.fromEntries(Object.entries(built.value.messageIds).map(([k, v]) => [String(k), v]));
      return ok({ content: built.value.json, contentType: JSON_FEED_CONTENT_TYPE, messageIds });
    },
  };
}
