import { AmazonOrdersClient } from '../amazon/orders-client.js';
import type { SpApiTransport } from '../amazon/sp-api-transport.js';
import type { Connection } from '../domain/connection.js';
import { AppError } from '../lib/errors.js';
import { err } from '../lib/result.js';
import type { AmazonWriteBackPort } from '../sync/write-back-ports.js';

/** The write-back of one connection over SP-API: Orders v0 confirmShipment, Feeds, Listings Items. */
export function createAmazonWriteBack(connection: Connection, transport: SpApiTransport): AmazonWriteBackPort {
  const orders = new AmazonOrdersClient(transport);
  const notYet = () =>
    Promise.resolve(
      err(new AppError('internal_error', 'feeds are not wired yet', { kind: 'internal', retryable: true })),
    );
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
    submitFeed: notYet,
    getFeed: notYet,
    getFeedReport: notYet,
    patchListingQuantity: notYet,
    buildListingsFeed: () => ({ content: '', contentType: 'application/json', messageIds: {} }),
  };
}
