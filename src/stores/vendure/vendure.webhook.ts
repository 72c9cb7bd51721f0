import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { IncomingWebhook, StoreEvent } from '../store-connector.js';
import { cancellationRef, shipmentEvent } from './vendure-event.mapper.js';

/** Requests signed longer ago (or further ahead) than this are refused: replay protection. */
export const MAX_WEBHOOK_AGE_MS = 5 * 60 * 1000;

interface WebhookLine {
  orderLineId: string;
  amazonOrderItemId: string | null;
  sku: string | null;
  quantity: number;
  remainingQuantity?: number;
}

interface WebhookPayload {
  topic?: string;
  occurredAt?: string;
  order?: { id: string; orderBridgeOrderId: string | null };
  fulfillment?: { id: string; method: string; trackingCode: string | null; createdAt: string; lines: WebhookLine[] };
  lines?: WebhookLine[] | null;
}

const fail = (code: string, message: string, kind: 'auth' | 'invalid' = 'auth'): Result<never> =>
  err(new AppError(code, message, { kind, retryable: false }));

const headerOf = (w: IncomingWebhook, name: string): string | undefined => {
  const key = Object.keys(w.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : w.headers[key];
};

/** hex HMAC-SHA256 of `${timestamp}.${rawBody}` — the OrderBridge Vendure plugin's signature. */
export function signVendureWebhook(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/**
 * Verifies X-OrderBridge-Signature (timing-safe) and X-OrderBridge-Timestamp (at most 5 minutes
 * from `nowIso`), then maps the plugin's payload: fulfillment.shipped/delivered → 'shipment',
 * order.cancelled → 'cancellation' of every open line, order.lines_cancelled → 'cancellation' of
 * those quantities. Unknown topics yield no events.
 */
export function parseVendureWebhook(
  webhook: IncomingWebhook,
  secret: string | undefined,
  nowIso: string,
): Result<StoreEvent[]> {
  if (secret === undefined) {
    return fail('vendure_webhook_not_configured', 'No webhook secret is configured for this Vendure store.', 'invalid');
  }
  const timestamp = headerOf(webhook, 'x-orderbridge-timestamp') ?? '';
  const given = headerOf(webhook, 'x-orderbridge-signature') ?? '';
  const expected = Buffer.from(signVendureWebhook(secret, timestamp, webhook.rawBody));
  const actual = Buffer.from(given.trim().toLowerCase());
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return fail('vendure_webhook_signature_invalid', 'The Vendure webhook signature does not match.');
  }
  const sentAt = Date.parse(timestamp);
  if (!Number.isFinite(sentAt) || Math.abs(Date.parse(nowIso) - sentAt) > MAX_WEBHOOK_AGE_MS) {
    return fail('vendure_webhook_expired', 'The Vendure webhook timestamp is missing or older than 5 minutes.');
  }
  let payload: WebhookPayload;
  try {
    payload = JSON.parse(webhook.rawBody) as WebhookPayload;
  } catch {
    return fail('vendure_webhook_invalid_body', 'The Vendure webhook body is not JSON.', 'invalid');
  }
  return ok(mapPayload(payload, timestamp));
}

function mapPayload(p: WebhookPayload, timestamp: string): StoreEvent[] {
  const orderId = p.order?.orderBridgeOrderId ?? null;
  if (orderId === null || p.order === undefined) return [];
  const items = (lines: WebhookLine[]) =>
    lines.map((l) => ({ orderItemId: l.amazonOrderItemId, sku: l.sku, quantity: l.quantity }));
  const occurredAt = new Date(p.occurredAt ?? timestamp).toISOString();
  if ((p.topic === 'fulfillment.shipped' || p.topic === 'fulfillment.delivered') && p.fulfillment) {
    return [shipmentEvent(p.fulfillment, orderId, items(p.fulfillment.lines))];
  }
  if (p.topic === 'order.cancelled') {
    return [{ kind: 'cancellation', storeRef: cancellationRef(p.order.id), orderId, items: null, occurredAt }];
  }
  if (p.topic === 'order.lines_cancelled' && p.lines) {
    const ref = p.lines.map((l) => `${l.orderLineId}-${l.remainingQuantity ?? 'x'}`).join(',');
    return [
      {
        kind: 'cancellation',
        storeRef: `${cancellationRef(p.order.id)}:${ref}`,
        orderId,
        items: items(p.lines),
        occurredAt,
      },
    ];
  }
  return [];
}
