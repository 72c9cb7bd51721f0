import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../lib/errors.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { IncomingWebhook, StoreEvent } from '../store-connector.js';
import { orderEvents, stockEvent } from './woocommerce-event.mapper.js';
import type { WooOrder, WooProduct } from './woocommerce.types.js';

const headerOf = (w: IncomingWebhook, name: string): string | undefined => {
  const key = Object.keys(w.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : w.headers[key];
};

function signatureValid(rawBody: string, secret: string, given: string): boolean {
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64'));
  const actual = Buffer.from(given.trim());
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Verifies X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body with the webhook secret) and
 * maps `order.*` payloads like polled orders and `product.*` payloads to stock events. WooCommerce's
 * ping on webhook creation (form body `webhook_id=…`, unsigned) yields no events.
 */
export function parseWooWebhook(webhook: IncomingWebhook, secret: string | undefined): Result<StoreEvent[]> {
  const signature = headerOf(webhook, 'x-wc-webhook-signature');
  if (signature === undefined && /^webhook_id=\d+$/.test(webhook.rawBody.trim())) return ok([]);
  if (secret === undefined) {
    return err(
      new AppError(
        'woocommerce_webhook_not_configured',
        'No webhook secret is configured for this WooCommerce store.',
        { kind: 'invalid', retryable: false },
      ),
    );
  }
  if (signature === undefined || !signatureValid(webhook.rawBody, secret, signature)) {
    return err(
      new AppError('woocommerce_webhook_signature_invalid', 'The WooCommerce webhook signature does not match.', {
        kind: 'auth',
        retryable: false,
      }),
    );
  }
  return mapPayload(headerOf(webhook, 'x-wc-webhook-topic') ?? '', webhook.rawBody);
}

function mapPayload(topic: string, rawBody: string): Result<StoreEvent[]> {
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    const message = 'The WooCommerce webhook body is not JSON.';
    return err(new AppError('woocommerce_webhook_invalid_body', message, { kind: 'invalid', retryable: false }));
  }
  if (typeof payload !== 'object' || payload === null) return ok([]);
  if (topic === 'order.created' || topic === 'order.updated' || topic === 'order.restored') {
    const order = payload as WooOrder;
    return ok(
      Array.isArray(order.meta_data) ? orderEvents({ ...order, shipping_lines: order.shipping_lines ?? [] }) : [],
    );
  }
  if (topic === 'product.updated' || topic === 'product.created') {
    const product = payload as WooProduct;
    const event = Array.isArray(product.meta_data) ? stockEvent(product) : null;
    return ok(event ? [event] : []);
  }
  return ok([]);
}
