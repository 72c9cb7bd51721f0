/**
 * Builds the POST_ORDER_ACKNOWLEDGEMENT_DATA XML that cancels order lines on Amazon (PRODUCT.md §7,
 * amazon/README §9.3–9.4): StatusCode Failure + one Item with CancelReason per cancelled line; a
 * partial cancel lists only those lines. Every item is listed explicitly, because whether Failure
 * without Items cancels the whole order is unverified. The XML is XSD-validated before it is returned.
 */
import { create } from 'xmlbuilder2';
import { CANCELLATION_REASONS } from '../../domain/orders-config.js';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import { xsdErrors } from './feed-xsd-validator.js';

export const ORDER_ACKNOWLEDGEMENT_FEED_TYPE = 'POST_ORDER_ACKNOWLEDGEMENT_DATA';
export const ORDER_FEED_CONTENT_TYPE = 'text/xml; charset=UTF-8';

export type CancelReason = (typeof CANCELLATION_REASONS)[number];

export interface CancelledItem {
  orderItemId: string; // Amazon OrderItemId (14 digits)
  reason: string; // one of CANCELLATION_REASONS; checked here, typed loosely because it comes from config/UI
}

export interface OrderCancellation {
  amazonOrderId: string;
  items: readonly CancelledItem[];
}

export interface OrderAcknowledgementFeedInput {
  sellerId: string; // MerchantIdentifier
  cancellations: readonly OrderCancellation[];
}

export interface OrderAcknowledgementFeed {
  xml: string;
  /** MessageID → AmazonOrderID, to read the processing report's results back onto orders. */
  messageIds: Record<number, string>;
}

const REASONS: ReadonlySet<string> = new Set(CANCELLATION_REASONS);

export const isCancelReason = (value: string): value is CancelReason => REASONS.has(value);

const invalid = (code: string, message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError(code, message, { kind: 'invalid', retryable: false, details });

function checkInput(input: OrderAcknowledgementFeedInput): AppError | null {
  if (input.sellerId.trim() === '') return invalid('feed_seller_id_missing', 'sellerId (MerchantIdentifier) is empty');
  if (input.cancellations.length === 0) return invalid('feed_no_cancellations', 'nothing to cancel');
  const orders = new Set<string>();
  for (const order of input.cancellations) {
    const amazonOrderId = order.amazonOrderId;
    if (orders.has(amazonOrderId)) {
      return invalid('feed_duplicate_order', `order ${amazonOrderId} appears twice; merge its lines into one message`, {
        amazonOrderId,
      });
    }
    orders.add(amazonOrderId);
    if (order.items.length === 0) {
      return invalid('feed_cancel_items_missing', `order ${amazonOrderId}: list every item to cancel`, {
        amazonOrderId,
      });
    }
    const seen = new Set<string>();
    for (const item of order.items) {
      if (!isCancelReason(item.reason)) {
        return invalid(
          'cancel_reason_invalid',
          `"${item.reason}" is not an Amazon cancel reason (allowed: ${CANCELLATION_REASONS.join(', ')})`,
          {
            amazonOrderId,
            orderItemId: item.orderItemId,
            reason: item.reason,
          },
        );
      }
      if (seen.has(item.orderItemId)) {
        return invalid('feed_duplicate_item', `order ${amazonOrderId}: item ${item.orderItemId} listed twice`, {
          amazonOrderId,
        });
      }
      seen.add(item.orderItemId);
    }
  }
  return null;
}

function render(input: OrderAcknowledgementFeedInput): OrderAcknowledgementFeed {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('AmazonEnvelope', {
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:noNamespaceSchemaLocation': 'amzn-envelope.xsd',
  });
  const header = root.ele('Header');
  header.ele('DocumentVersion').txt('1.01');
  header.ele('MerchantIdentifier').txt(input.sellerId.trim());
  root.ele('MessageType').txt('OrderAcknowledgement');
  const messageIds: Record<number, string> = {};
  input.cancellations.forEach((order, index) => {
    const messageId = index + 1;
    messageIds[messageId] = order.amazonOrderId;
    const message = root.ele('Message');
    message.ele('MessageID').txt(String(messageId));
    const ack = message.ele('OrderAcknowledgement');
    ack.ele('AmazonOrderID').txt(order.amazonOrderId);
    ack.ele('StatusCode').txt('Failure');
    for (const item of order.items) {
      const el = ack.ele('Item');
      el.ele('AmazonOrderItemCode').txt(item.orderItemId);
      el.ele('CancelReason').txt(item.reason);
    }
  });
  return { xml: root.end({ prettyPrint: true }), messageIds };
}

/** Checks the input, renders the feed, validates it against the XSDs; never returns invalid XML. */
export function buildOrderAcknowledgementFeed(input: OrderAcknowledgementFeedInput): Result<OrderAcknowledgementFeed> {
  const problem = checkInput(input);
  if (problem !== null) return err(problem);
  const feed = render(input);
  const errors = xsdErrors(feed.xml);
  if (errors.length > 0) {
    return err(
      invalid('feed_xml_invalid', `order acknowledgement feed fails the Amazon XSD: ${errors[0]}`, { errors }),
    );
  }
  return ok(feed);
}
