import { describe, expect, it } from 'vitest';
import { parseVendureWebhook, signVendureWebhook } from './vendure.webhook.js';

const SECRET = 's3cret';
const NOW = '2026-11-29T10:00:00.000Z';

function signed(body: unknown, timestamp = '2026-11-29T09:59:00.000Z', secret = SECRET) {
  const rawBody = JSON.stringify(body);
  return {
    rawBody,
    receivedAt: NOW,
    headers: {
      'X-OrderBridge-Topic': (body as { topic: string }).topic,
      'X-OrderBridge-Timestamp': timestamp,
      'X-OrderBridge-Signature': signVendureWebhook(secret, timestamp, rawBody),
    },
  };
}

const order = { id: '7', code: 'ABC', orderBridgeOrderId: 'ob-1', amazonOrderId: '302-1', state: 'Shipped' };
const shipped = {
  topic: 'fulfillment.shipped',
  occurredAt: '2026-11-29T09:58:00.000Z',
  order,
  fulfillment: {
    id: '12',
    state: 'Shipped',
    method: 'DHL',
    trackingCode: '0034',
    createdAt: '2026-11-29T09:57:00.000Z',
    lines: [{ orderLineId: '3', amazonOrderItemId: 'ITEM-1', sku: 'SKU-1', quantity: 2 }],
  },
};

const code = (r: ReturnType<typeof parseVendureWebhook>) => (r.ok ? 'ok' : r.error.code);

describe('parseVendureWebhook', () => {
  it('maps a signed fulfillment.shipped to a shipment event', () => {
    const r = parseVendureWebhook(signed(shipped), SECRET, NOW);
    expect(r.ok && r.value).toEqual([
      {
        kind: 'shipment',
        storeRef: '12',
        orderId: 'ob-1',
        carrier: 'DHL',
        carrierName: 'DHL',
        shippingMethod: null,
        trackingNumber: '0034',
        shipDate: '2026-11-29T09:57:00.000Z',
        items: [{ orderItemId: 'ITEM-1', sku: 'SKU-1', quantity: 2 }],
      },
    ]);
  });

  it('rejects a wrong secret, a changed body, a missing or stale timestamp', () => {
    expect(code(parseVendureWebhook(signed(shipped, undefined, 'other'), SECRET, NOW))).toBe(
      'vendure_webhook_signature_invalid',
    );
    const changed = signed(shipped);
    expect(code(parseVendureWebhook({ ...changed, rawBody: changed.rawBody.replace('DHL', 'UPS') }, SECRET, NOW))).toBe(
      'vendure_webhook_signature_invalid',
    );
    expect(code(parseVendureWebhook(signed(shipped, '2026-11-29T09:54:59.000Z'), SECRET, NOW))).toBe(
      'vendure_webhook_expired',
    );
    expect(code(parseVendureWebhook(signed(shipped, 'yesterday'), SECRET, NOW))).toBe('vendure_webhook_expired');
    expect(code(parseVendureWebhook(signed(shipped), undefined, NOW))).toBe('vendure_webhook_not_configured');
  });

  it('maps whole and partial cancellations; ignores orders without an OrderBridge id', () => {
    const whole = parseVendureWebhook(
      signed({ topic: 'order.cancelled', occurredAt: NOW, order, lines: null }),
      SECRET,
      NOW,
    );
    expect(whole.ok && whole.value).toEqual([
      { kind: 'cancellation', storeRef: 'cancel:7', orderId: 'ob-1', items: null, occurredAt: NOW },
    ]);
    const lines = [{ orderLineId: '3', amazonOrderItemId: 'ITEM-1', sku: 'SKU-1', quantity: 1, remainingQuantity: 1 }];
    const partial = parseVendureWebhook(
      signed({ topic: 'order.lines_cancelled', occurredAt: NOW, order, lines }),
      SECRET,
      NOW,
    );
    expect(partial.ok && partial.value).toEqual([
      {
        kind: 'cancellation',
        storeRef: 'cancel:7:3-1',
        orderId: 'ob-1',
        items: [{ orderItemId: 'ITEM-1', sku: 'SKU-1', quantity: 1 }],
        occurredAt: NOW,
      },
    ]);
    const foreign = parseVendureWebhook(
      signed({ ...shipped, order: { ...order, orderBridgeOrderId: null } }),
      SECRET,
      NOW,
    );
    expect(foreign.ok && foreign.value).toEqual([]);
  });
});
