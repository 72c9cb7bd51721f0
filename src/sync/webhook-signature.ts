import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';

/**
 * Signatures of the webhooks OrderBridge sends to hub-api stores (docs/hub-api.md):
 * `X-OrderBridge-Signature: v1=<hex HMAC-SHA256(webhookSecret, "<timestamp>.<body>")>`, where the
 * timestamp is `X-OrderBridge-Timestamp` (unix seconds). Signing the timestamp with the body lets a
 * receiver reject replays: a captured request is refused once its timestamp is older than the window.
 */
export const WEBHOOK_HEADERS = {
  topic: 'x-orderbridge-topic',
  delivery: 'x-orderbridge-delivery',
  timestamp: 'x-orderbridge-timestamp',
  signature: 'x-orderbridge-signature',
} as const;

export const SIGNATURE_VERSION = 'v1';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `v1=<hex>`: the value of X-OrderBridge-Signature for this timestamp and raw body. */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `${SIGNATURE_VERSION}=${mac}`;
}

export interface VerifyWebhookInput {
  secret: string;
  /** The X-OrderBridge-Timestamp header (unix seconds). */
  timestamp: string | number | undefined;
  /** The raw request body, exactly as received (not re-serialized JSON). */
  body: string;
  /** The X-OrderBridge-Signature header; several comma-separated `v1=` values are accepted. */
  signature: string | undefined;
  /** The receiver's current time (default: now). */
  now?: Date;
  /** Accepted clock difference either way, in seconds (default 300). */
  toleranceSeconds?: number;
}

const invalid = (code: string, message: string): AppError => new AppError(code, message, { kind: 'auth' });

function equalHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a received webhook: the timestamp must be within the tolerance of `now` (stale and future
 * timestamps are rejected: replay protection) and one `v1=` signature must match (timing-safe).
 */
export function verifyWebhookSignature(input: VerifyWebhookInput): Result<void> {
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (input.signature === undefined || input.signature.trim() === '') {
    return err(invalid('webhook_signature_missing', 'The X-OrderBridge-Signature header is missing'));
  }
  const timestamp = String(input.timestamp ?? '').trim();
  if (!/^\d{1,12}$/.test(timestamp)) {
    return err(
      invalid('webhook_timestamp_invalid', 'The X-OrderBridge-Timestamp header is missing or not unix seconds'),
    );
  }
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const age = nowSeconds - Number(timestamp);
  if (Math.abs(age) > tolerance) {
    return err(
      invalid('webhook_timestamp_stale', `The webhook timestamp is ${age}s away from now (allowed ±${tolerance}s)`),
    );
  }
  const expected = signWebhook(input.secret, timestamp, input.body);
  const candidates = input.signature.split(',').map((s) => s.trim());
  let matched = false;
  for (const candidate of candidates) matched = equalHex(candidate, expected) || matched;
  return matched ? ok(undefined) : err(invalid('webhook_signature_invalid', 'The webhook signature does not match'));
}
