/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- assertions on raw REST JSON */
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWooSandbox, type StartedWooSandbox } from './index.js';
import { germanOrderBody, wooFetcher } from './woo-sandbox.test-support.js';

let started: StartedWooSandbox;
let call: ReturnType<typeof wooFetcher>;
let bottleId: number;

beforeAll(async () => {
  started = await startWooSandbox({ seed: 5 });
  call = wooFetcher(`${started.url}/wp-json`);
});
afterAll(() => started.close());
beforeEach(() => {
  started.sandbox.reset();
  bottleId = started.sandbox.getStock('BOTTLE-750-SS').productId;
});

describe('Shipment Tracking extension', () => {
  it('adds, lists and deletes items stored in _wc_shipment_tracking_items', async () => {
    const order = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId, { set_paid: true }));
    const base = `/wc-shipment-tracking/v3/orders/${order.body.id}/shipment-trackings`;
    const added = await call('POST', base, {
      tracking_provider: 'DPD.de',
      tracking_number: '0123',
      date_shipped: '2026-11-20',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      tracking_provider: 'dpd-de',
      tracking_number: '0123',
      date_shipped: '2026-11-20',
    });
    const missing = await call('POST', base, { tracking_provider: 'DHL' });
    expect(missing.body.code).toBe('rest_missing_callback_param');
    const read = await call('GET', `/wc/v3/orders/${order.body.id}`);
    const meta = read.body.meta_data.find((m: { key: string }) => m.key === '_wc_shipment_tracking_items');
    expect(meta.value[0]).toMatchObject({
      tracking_provider: 'dpd-de',
      custom_tracking_provider: '',
      tracking_number: '0123',
      date_shipped: String(Date.parse('2026-11-20T00:00:00Z') / 1000),
    });
    await call('DELETE', `${base}/${added.body.tracking_id}`);
    expect((await call('GET', base)).body).toEqual([]);
  });

  it('control API ship = tracking item + completed; cancel restores stock', async () => {
    const order = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId, { set_paid: true }));
    const before = started.sandbox.getStock('BOTTLE-750-SS').stockQuantity ?? 0;
    const shipped = await fetch(`${started.url}/_sandbox/orders/${order.body.id}/ship`, {
      method: 'POST',
      body: JSON.stringify({ customProvider: 'Kurier Nord', trackingNumber: 'KN1' }),
    });
    expect(shipped.status).toBe(201);
    const view = started.sandbox.getOrder(order.body.id);
    expect(view).toMatchObject({
      status: 'completed',
      tracking: [{ custom_tracking_provider: 'Kurier Nord', tracking_number: 'KN1' }],
    });
    await fetch(`${started.url}/_sandbox/orders/${order.body.id}/cancel`, { method: 'POST' });
    expect(started.sandbox.getStock('BOTTLE-750-SS').stockQuantity).toBe(before + 2);
  });
});

describe('faults', () => {
  it('response lost: the order is committed but the client sees a dropped connection', async () => {
    started.sandbox.setFaults({ loseOrderCreateResponses: 1 });
    await expect(call('POST', '/wc/v3/orders', germanOrderBody(bottleId))).rejects.toThrow();
    expect(started.sandbox.listOrders()).toHaveLength(1);
    expect(started.sandbox.statsSnapshot()).toMatchObject({ ordersCreated: 1, responsesLost: 1 });
    const next = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId));
    expect(next.status).toBe(201);
  });

  it('injects 5xx/429 at the configured rate, deterministic per seed; control routes never fault', async () => {
    started.sandbox.setFaults({ rate: 1, kinds: ['500', '429'], seed: 9 });
    const statuses = new Set<number>();
    for (let i = 0; i < 10; i++) statuses.add((await call('GET', '/wc/v3/orders')).status);
    expect([...statuses].sort()).toEqual([429, 500]);
    expect((await fetch(`${started.url}/_sandbox/stats`)).status).toBe(200);
    started.sandbox.setFaults({ rate: 1, kinds: ['timeout'], timeoutMs: 50 });
    await expect(call('GET', '/wc/v3/orders')).rejects.toThrow();
  });
});

describe('webhooks', () => {
  it('delivers order.updated with a base64 HMAC-SHA256 signature', async () => {
    const received: { headers: Record<string, unknown>; body: string }[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    started.sandbox.addWebhook({ topic: 'order.updated', delivery_url: url, secret: 's3cret' });
    const order = await call('POST', '/wc/v3/orders', germanOrderBody(bottleId));
    await call('PUT', `/wc/v3/orders/${order.body.id}`, { status: 'processing' });
    await started.sandbox.webhooks.settled();
    hook.close();
    expect(received).toHaveLength(1);
    const [first] = received;
    expect(first?.headers['x-wc-webhook-topic']).toBe('order.updated');
    expect(first?.headers['x-wc-webhook-signature']).toBe(
      createHmac('sha256', 's3cret')
        .update(first?.body ?? '')
        .digest('base64'),
    );
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({ id: order.body.id, status: 'processing' });
  });
});
