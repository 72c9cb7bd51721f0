import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec-0123456789abcdef0123456789';
const body = '{"id":"d1","topic":"ping","createdAt":"2026-11-29T12:00:00.000Z","data":{}}';
const now = new Date('2026-11-29T12:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 as v1=<hex>', () => {
    const hex = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`v1=${hex}`);
  });

  it('accepts a fresh signature, also among several (secret rotation)', () => {
    const signature = `v1=${'0'.repeat(64)}, ${signWebhook(secret, ts, body)}`;
    expect(verifyWebhookSignature({ secret, timestamp: String(ts), body, signature, now }).ok).toBe(true);
  });

  it.each([
    ['stale', ts - 301, body, 'webhook_timestamp_stale'],
    ['future', ts + 301, body, 'webhook_timestamp_stale'],
    ['tampered', ts, `${body} `, 'webhook_signature_invalid'],
  ])('rejects a %s webhook', (_name, timestamp, received, code) => {
    const signature = signWebhook(secret, timestamp, body);
    const r = verifyWebhookSignature({ secret, timestamp, body: received, signature, now });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('rejects missing or malformed headers', () => {
    const signature = signWebhook(secret, ts, body);
    const code = (r: ReturnType<typeof verifyWebhookSignature>) => (r.ok ? 'ok' : r.error.code);
    expect(code(verifyWebhookSignature({ secret, timestamp: ts, body, signature: undefined, now }))).toBe(
      'webhook_signature_missing',
    );
    expect(code(verifyWebhookSignature({ secret, timestamp: '12abc', body, signature, now }))).toBe(
      'webhook_timestamp_invalid',
    );
    expect(code(verifyWebhookSignature({ secret, timestamp: undefined, body, signature, now }))).toBe(
      'webhook_timestamp_invalid',
    );
  });
});
