/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- assertions on raw GraphQL JSON */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_SHOPIFY_CLIENT_SECRET } from './constants.js';
import { DEFINITION_CREATE, ORDER_CREATE, amazonOrderInput, harnessPerTest } from './shopify-sandbox.test-support.js';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A webhook endpoint answering with the given statuses in turn (then 200). */
async function receiver(statuses: number[] = []): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, server };
}

const { start, shop } = harnessPerTest();
let servers: Server[] = [];
afterEach(() => {
  for (const s of servers) s.close();
  servers = [];
});

const sign = (body: string) => createHmac('sha256', SANDBOX_SHOPIFY_CLIENT_SECRET).update(body).digest('base64');

describe('Shopify sandbox: webhooks and faults', () => {
  it('signs deliveries, retries with the same body and webhook id, and duplicates with the same event id', async () => {
    const h = await start({ webhookRetryDelaysMs: [20, 20] });
    const hook = await receiver([500]);
    servers.push(hook.server);
    const sub = await h.gql(
      `mutation($uri: String!) { webhookSubscriptionCreate(topic: INVENTORY_LEVELS_UPDATE, webhookSubscription: { uri: $uri }) { webhookSubscription { id topic uri } userErrors { message } } }`,
      { uri: hook.url },
    );
    expect(sub.data?.webhookSubscriptionCreate.webhookSubscription).toMatchObject({
      topic: 'INVENTORY_LEVELS_UPDATE',
      uri: hook.url,
    });
    h.sandbox.setStock('LEGO-10698', 7);
    await h.sandbox.webhooks.settled();
    expect(hook.got).toHaveLength(2);
    const [failed, retried] = hook.got as [Received, Received];
    expect(retried.body).toBe(failed.body);
    expect(retried.headers['x-shopify-webhook-id']).toBe(failed.headers['x-shopify-webhook-id']);
    expect(retried.headers['x-shopify-hmac-sha256']).toBe(sign(retried.body));
    expect(retried.headers).toMatchObject({
      'x-shopify-topic': 'inventory_levels/update',
      'x-shopify-shop-domain': 'orderbridge-sandbox.myshopify.com',
      'x-shopify-api-version': '2026-10',
    });
    expect(JSON.parse(retried.body)).toMatchObject({
      available: 7,
      inventory_item_id: expect.any(Number),
      location_id: expect.any(Number),
    });
    h.sandbox.setFaults({ duplicateWebhookRate: 1 });
    h.sandbox.setStock('LEGO-10698', 8);
    await h.sandbox.webhooks.settled();
    const [one, two] = hook.got.slice(2) as [Received, Received];
    expect(two.headers['x-shopify-event-id']).toBe(one.headers['x-shopify-event-id']);
    expect(two.headers['x-shopify-webhook-id']).not.toBe(one.headers['x-shopify-webhook-id']);
    expect(h.sandbox.statsSnapshot()).toMatchObject({ webhooksSent: 3, webhookRetries: 1, webhookDuplicates: 1 });
  });

  it('gives up after the configured retries when every attempt fails; subscriptions can be listed and deleted', async () => {
    const h = await start({ webhookRetryDelaysMs: [5, 5], faults: { failWebhookRate: 1 } });
    const hook = await receiver();
    servers.push(hook.server);
    const create = `mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_UPDATED, webhookSubscription: { uri: $uri, format: JSON }) { webhookSubscription { id } userErrors { field message } } }`;
    const id = (await h.gql(create, { uri: hook.url })).data?.webhookSubscriptionCreate.webhookSubscription
      .id as string;
    const twice = await h.gql(create, { uri: hook.url });
    expect(twice.data?.webhookSubscriptionCreate.userErrors[0].message).toBe(
      'Address for this topic has already been taken',
    );
    h.sandbox.addWebhook('inventory_levels/update', hook.url);
    h.sandbox.setStock('LEGO-10698', 1);
    await h.sandbox.webhooks.settled();
    expect(hook.got).toHaveLength(0);
    expect(h.sandbox.statsSnapshot()).toMatchObject({ webhooksSent: 0, webhookFailures: 3, webhookRetries: 2 });
    const listed = await h.gql('{ webhookSubscriptions(first: 10) { nodes { id topic uri } } }');
    expect(listed.data?.webhookSubscriptions.nodes.map((n: { topic: string }) => n.topic)).toEqual([
      'ORDERS_UPDATED',
      'INVENTORY_LEVELS_UPDATE',
    ]);
    const deleted = await h.gql(
      'mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }',
      { id },
    );
    expect(deleted.data?.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: id, userErrors: [] });
  });

  it('sends order topics with REST-style bodies on fulfilment and cancellation', async () => {
    const { h, variantId } = await shop();
    const hook = await receiver();
    servers.push(hook.server);
    for (const t of ['orders/updated', 'orders/fulfilled', 'fulfillments/create', 'orders/cancelled'])
      h.sandbox.addWebhook(t, hook.url);
    const a = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'W-1') });
    const b = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'W-2') });
    h.sandbox.fulfillOrder({
      orderId: a.data?.orderCreate.order.id as string,
      trackingCompany: 'UPS',
      trackingNumber: '1Z',
      trackingUrl: 'https://ups.example/1Z',
    });
    h.sandbox.cancelOrder(b.data?.orderCreate.order.id as string);
    await h.sandbox.webhooks.settled();
    const topics = hook.got.map((g) => g.headers['x-shopify-topic']);
    expect(topics).toEqual([
      'fulfillments/create',
      'orders/fulfilled',
      'orders/updated',
      'orders/cancelled',
      'orders/updated',
    ]);
    const fulfilment = JSON.parse(hook.got[0]?.body ?? '{}') as Record<string, unknown>;
    expect(fulfilment).toMatchObject({
      status: 'success',
      tracking_company: 'UPS',
      tracking_numbers: ['1Z'],
      tracking_urls: ['https://ups.example/1Z'],
      line_items: [{ sku: 'LEGO-10698', quantity: 2 }],
    });
    const cancelled = JSON.parse(hook.got[3]?.body ?? '{}') as Record<string, unknown>;
    expect(cancelled).toMatchObject({
      name: '#1002',
      cancelled_at: expect.any(String),
      note_attributes: [{ name: 'amazon_order_id', value: 'W-2' }],
      line_items: [{ properties: [{ name: '_amazon_order_item_id', value: 'W-2-1' }] }],
    });
  });

  it('saves the order when the answer is lost, and executes nothing on a server error', async () => {
    const h = await start({ faults: { lostResponseRate: 1 } });
    await h.post(DEFINITION_CREATE).catch(() => null);
    const variantId = h.sandbox.variantBySku('LEGO-10698')?.variantId ?? '';
    await expect(h.post(ORDER_CREATE, { order: amazonOrderInput(variantId, 'L-1') })).rejects.toThrow();
    expect(h.sandbox.ordersByAmazonOrderId('L-1')).toHaveLength(1);
    expect((await h.gql('{ shop { name } }')).data?.shop.name).toBe('OrderBridge Sandbox');
    h.sandbox.setFaults({ serverErrorRate: 1 });
    const res = await h.post(ORDER_CREATE, { order: amazonOrderInput(variantId, 'L-2') });
    expect([500, 502, 503]).toContain(res.status);
    expect(h.sandbox.ordersByAmazonOrderId('L-2')).toHaveLength(0);
    h.sandbox.setFaults({ timeoutRate: 1, timeoutHoldMs: 50 });
    await expect(h.post(ORDER_CREATE, { order: amazonOrderInput(variantId, 'L-3') })).rejects.toThrow();
    expect(h.sandbox.ordersByAmazonOrderId('L-3')).toHaveLength(1);
    expect(h.sandbox.statsSnapshot()).toMatchObject({ lostResponses: 2, serverErrors: 1, timeouts: 1 });
  });

  it('serves the merchant control API over HTTP', async () => {
    const { h, variantId } = await shop();
    const call = async (method: string, path: string, body?: unknown) => {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
      if (body !== undefined) init.body = JSON.stringify(body);
      const res = await fetch(`${h.url}/_sandbox${path}`, init);
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await call('PUT', '/stock/LEGO-10698', { available: 3 })).body).toEqual({
      sku: 'LEGO-10698',
      available: 3,
    });
    expect((await call('GET', '/stock/LEGO-10698')).body.available).toBe(3);
    expect((await call('GET', '/stock/NOPE')).status).toBe(404);
    const created = await h.gql(ORDER_CREATE, { order: amazonOrderInput(variantId, 'H-1') });
    const id = encodeURIComponent(created.data?.orderCreate.order.id as string);
    expect((await call('GET', '/orders')).body).toHaveLength(1);
    expect((await call('GET', `/orders/${id}`)).body.amazonOrderId).toBe('H-1');
    const fulfilled = await call('POST', `/orders/${id}/fulfill`, {
      lines: [{ sku: 'LEGO-10698', quantity: 1 }],
      trackingCompany: 'DPD',
    });
    expect(fulfilled).toMatchObject({ status: 201, body: { status: 'SUCCESS', trackingCompany: 'DPD' } });
    expect((await call('POST', `/orders/${id}/cancel`, {})).status).toBe(422);
    expect((await call('PUT', '/faults', { serverErrorRate: 2 })).status).toBe(400);
    expect((await call('GET', '/stats')).body).toMatchObject({ ordersCreated: 1 });
  });
});
