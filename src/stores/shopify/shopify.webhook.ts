import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../lib/errors.js';
import { availableOf } from './shopify-catalog.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { IncomingWebhook, StoreEvent } from '../store-connector.js';
import type { ShopifyContext } from './shopify.context.js';
import { orderEvents } from './shopify-event.mapper.js';
import { restOrder, type RestOrder } from './shopify-rest.mapper.js';
import type { ShopifyVariant } from './shopify.types.js';

/**
 * Topics OrderBridge subscribes to (REST spelling, as in X-Shopify-Topic). Not fulfillments/*:
 * Shopify sends orders/updated (and orders/fulfilled) for the same fulfilment, with the order's
 * attributes that name OrderBridge's order, so no lookup is needed.
 */
export const WEBHOOK_TOPICS = [
  'orders/updated',
  'orders/cancelled',
  'orders/fulfilled',
  'orders/partially_fulfilled',
  'inventory_levels/update',
] as const;

const fail = (code: string, message: string): Result<never> =>
  err(new AppError(code, message, { kind: 'auth', retryable: false }));

const headerOf = (w: IncomingWebhook, name: string): string | undefined => {
  const key = Object.keys(w.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : w.headers[key];
};

/** base64 HMAC-SHA256 of the raw body: Shopify's X-Shopify-Hmac-SHA256. */
export function signShopifyWebhook(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}

/** Constant-time comparison against every accepted secret (webhook secret, client secret). */
export function verifyShopifyWebhook(webhook: IncomingWebhook, secrets: readonly string[]): boolean {
  const given = Buffer.from((headerOf(webhook, 'x-shopify-hmac-sha256') ?? '').trim());
  let valid = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signShopifyWebhook(secret, webhook.rawBody));
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  return valid;
}

/**
 * Verifies the signature, then maps the topic to the events the poll would find (same storeRefs,
 * so Shopify's retries and duplicate deliveries de-duplicate). Shopify wants an answer within 5 s,
 * so no delivery waits for the cost bucket: orders/* carry the whole order; inventory_levels/update
 * is answered with the item's level read now, only if the cost bucket allows it at once (otherwise
 * a retryable error: Shopify delivers it again, and the stock reconciliation poll catches up). fulfillments/*
 * (subscribed by hand) and unknown topics: no events — orders/updated and the poll bring them.
 */
export async function parseShopifyWebhook(
  ctx: ShopifyContext,
  webhook: IncomingWebhook,
  secrets: readonly string[],
): Promise<Result<StoreEvent[]>> {
  if (secrets.length === 0) {
    return fail(
      'shopify_webhook_not_configured',
      'No webhook secret (or client secret) is configured for this Shopify store.',
    );
  }
  if (!verifyShopifyWebhook(webhook, secrets)) {
    return fail(
      'shopify_webhook_signature_invalid',
      'The Shopify webhook signature (X-Shopify-Hmac-SHA256) does not match.',
    );
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(webhook.rawBody) as Record<string, unknown>;
  } catch {
    return err(
      new AppError('shopify_webhook_invalid_body', 'The Shopify webhook body is not JSON.', {
        kind: 'invalid',
        retryable: false,
      }),
    );
  }
  const topic = (headerOf(webhook, 'x-shopify-topic') ?? '').toLowerCase();
  if (topic.startsWith('orders/')) return ok(orderEvents(restOrder(body as unknown as RestOrder)));
  if (topic === 'inventory_levels/update') return stockEvent(ctx, body);
  return ok([]);
}

async function stockEvent(ctx: ShopifyContext, body: Record<string, unknown>): Promise<Result<StoreEvent[]>> {
  const location = await ctx.locationId();
  if (!location.ok) return location;
  if (`gid://shopify/Location/${String(body.location_id)}` !== location.value) return ok([]);
  // The level is read now rather than taken from the body: Shopify retries a delivery with its
  // original body for hours, and a late retry must not put an old quantity back.
  const res = await ctx.client.request<{ inventoryItem: { variant: ShopifyVariant | null } | null }>(
    'inventoryItemVariant',
    { id: `gid://shopify/InventoryItem/${String(body.inventory_item_id)}`, locationId: location.value },
    { maxWaitMs: 0 },
  );
  if (!res.ok) return res;
  const variant = res.value.inventoryItem?.variant;
  const available = variant ? availableOf(variant) : null;
  if (!variant || available === null) return ok([]);
  return ok([{ kind: 'stock', productRef: variant.id, sku: variant.sku || null, available, occurredAt: ctx.nowIso() }]);
}
