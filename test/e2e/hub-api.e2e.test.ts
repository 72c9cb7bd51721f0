import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { storeSideHandlers } from '../../src/app/store-side-jobs.js';
import { WebhookDeliveryRepository } from '../../src/db/webhook-delivery.repository.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { operationsOf, recordCalls, TAGS_BY_TEST } from '../helpers/openapi-coverage.js';
import { EmbeddedJobQueue } from '../../src/jobs/embedded-job-queue.js';
import type { JobHandlers } from '../../src/jobs/job-queue.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { deliverWebhook } from '../../src/sync/deliver-webhook.js';
import { JOBS } from '../../src/sync/store-side-deps.js';
import { signWebhook, verifyWebhookSignature } from '../../src/sync/webhook-signature.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp, US } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const KEY_A = 'store-a-api-key-0123456789abcdef';
const KEY_B = 'store-b-api-key-0123456789abcdef';
const SECRET_A = 'store-a-webhook-secret-0123456789';

interface HubOrder {
  orderId: string;
  amazonOrderId: string;
  state: string;
  status: string;
  storeOrderNumber: string | null;
  items: Array<{ orderItemId: string; productRef: string | null; quantity: number }>;
}

/** The hub-api platform over REST: a store pulls, acknowledges, ships, cancels, posts stock; signed webhooks. */
describeEachDatabase(
  'hub-api',
  (ctx) => {
    let sandbox: StartedAmazonSandbox;
    let receiver: WebhookReceiver;
    let app: App;
    let server: FastifyInstance;
    let called = new Set<string>();
    let queue: EmbeddedJobQueue;
    let handlers: JobHandlers;
    let storeA: string;
    let storeB: string;
    let ordersA: HubOrder[] = [];

    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 11, rateScale: 1000 });
      sandbox.sandbox.generateOrders({ count: 4, marketplaceId: DE, statuses: { UNSHIPPED: 1 }, fulfillment: 'MFN' });
      sandbox.sandbox.generateOrders({ count: 2, marketplaceId: US, statuses: { UNSHIPPED: 1 }, fulfillment: 'MFN' });
      receiver = await startWebhookReceiver({ failFirst: 2 });
      app = await openTestApp(ctx.url());
      const add = async (name: string, apiKey: string, webhookUrl?: string) => {
        const secrets = { apiKey, webhookSecret: name === 'store-a' ? SECRET_A : `${name}-webhook-secret-0123456789` };
        const added = await app.stores.add(
          app.accountId,
          {
            name,
            platform: 'hub-api',
            baseUrl: `https://${name}.example`,
            settings: webhookUrl ? { webhookUrl } : {},
            secrets,
          },
          'test',
        );
        if (!added.ok) throw added.error;
        return added.value.id;
      };
      storeA = await add('store-a', KEY_A, receiver.url);
      storeB = await add('store-b', KEY_B);
      for (const [name, marketplaceId, store] of [
        ['shop-de', DE, 'store-a'],
        ['shop-us', US, 'store-b'],
      ] as const) {
        const connection = await addSandboxConnection(app, sandbox, { name, marketplaceId });
        const linked = await app.connections.update(app.accountId, connection.id, { store }, 'test');
        if (!linked.ok) throw linked.error;
        const imported = await app.importOrders(connection.id, { trigger: 'manual' });
        if (!imported.ok) throw imported.error;
      }
      // A runner whose retries are due at once, so the receiver's failures are retried within the test.
      queue = new EmbeddedJobQueue(app.db, { retryPolicy: { nextDelayMs: () => 0 } });
      const deliver = storeSideHandlers(app.storeSide)[JOBS.deliver];
      if (!deliver) throw new Error('no delivery handler');
      const webhookDeps = { ...app.storeSide, openSecrets: (id: string) => app.stores.openSecrets(id) };
      handlers = {
        [JOBS.deliver]: deliver,
        [JOBS.deliverWebhook]: async ({ job }) => {
          const r = await deliverWebhook(webhookDeps, String(job.payload.deliveryId));
          if (!r.ok && r.error.retryable) throw r.error;
        },
      };
      await queue.drain(handlers);
      server = await buildHttpServer({ app, requestSync: () => Promise.resolve('job') });
      called = recordCalls(server);
    });
    afterAll(async () => {
      await server.close();
      await app.close();
      await receiver.close();
      await sandbox.close();
    });

    const call = async (method: 'GET' | 'POST', url: string, key: string | null, payload?: unknown) => {
      const res = await server.inject({
        method,
        url,
        ...(key !== null && { headers: { authorization: `Bearer ${key}` } }),
        ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
      });
      return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
    };
    const hubA = `/api/hub/stores/${'{A}'}`;
    const a = (path: string) => hubA.replace('{A}', storeA) + path;
    const b = (path: string) => `/api/hub/stores/${storeB}${path}`;

    it('offers delivered orders to the store as new, with the full order', async () => {
      const res = await call('GET', a('/orders'), KEY_A);
      expect(res.status).toBe(200);
      ordersA = res.body.orders as HubOrder[];
      expect(res.body.total).toBe(4);
      for (const o of ordersA) {
        expect(o).toMatchObject({ state: 'new', storeOrderNumber: null, fulfilledByAmazon: false });
        expect(['in_store', 'cancel_requested']).toContain(o.status);
        expect(o.amazonOrderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
        expect(o.items.length).toBeGreaterThan(0);
        expect(o.items.every((i) => i.productRef !== null)).toBe(true);
      }
      const paged = await call('GET', a('/orders?state=all&limit=2&offset=2'), KEY_A);
      expect((paged.body.orders as unknown[]).length).toBe(2);
      expect(paged.body.total).toBe(4);
    });

    it('sends each offered order as a signed order.created webhook, retried until accepted', async () => {
      const deliveries = await new WebhookDeliveryRepository(app.db).forStore(storeA);
      expect(deliveries.map((d) => d.topic)).toEqual(Array(4).fill('order.created'));
      for (const d of deliveries) expect(d).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200 });
      expect(receiver.received.length).toBe(12);
      for (const r of receiver.received) {
        const verified = verifyWebhookSignature({
          secret: SECRET_A,
          timestamp: r.headers['x-orderbridge-timestamp'] as string,
          body: r.body,
          signature: r.headers['x-orderbridge-signature'] as string,
        });
        expect(verified.ok).toBe(true);
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.headers['x-orderbridge-topic']).toBe('order.created');
        const body = JSON.parse(r.body) as { id: string; topic: string; createdAt: string; data: { orderId: string } };
        expect(body.id).toBe(r.headers['x-orderbridge-delivery']);
        expect(body.createdAt).toMatch(/Z$/);
        expect(ordersA.map((o) => o.orderId)).toContain(body.data.orderId);
      }
      expect(receiver.received.filter((r) => r.status === 200).length).toBe(4);
    });

    it('answers 401 hub_unauthorized to a missing or wrong key and to another store’s key', async () => {
      for (const key of [null, 'x'.repeat(32), KEY_B]) {
        const res = await call('GET', a('/orders'), key);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          error: {
            code: 'hub_unauthorized',
            message: 'Missing or wrong API key: send Authorization: Bearer <apiKey>',
            details: {},
          },
        });
      }
      expect((await call('GET', '/api/hub/stores/nope/orders', KEY_A)).status).toBe(401);
      const noBody = await call('POST', a('/stock'), 'wrong-key', { items: 'not validated before auth' });
      expect(noBody.status).toBe(401);
    });

    it('keeps stores apart: B sees only its orders and cannot act on A’s', async () => {
      const listB = await call('GET', b('/orders?state=all'), KEY_B);
      const idsB = (listB.body.orders as HubOrder[]).map((o) => o.orderId);
      expect(idsB.length).toBe(2);
      expect(idsB.some((id) => ordersA.some((o) => o.orderId === id))).toBe(false);
      const victim = ordersA[0]?.orderId ?? '';
      const ack = await call('POST', b(`/orders/${victim}/acknowledge`), KEY_B, { storeOrderNumber: 'B-1' });
      expect(ack.status).toBe(404);
      expect((ack.body.error as { code: string }).code).toBe('hub_order_not_found');
      const ship = await call('POST', b(`/orders/${victim}/shipments`), KEY_B, {
        storeRef: 'B-SHIP',
        trackingNumber: '1',
        shipDate: '2026-11-29T10:00:00Z',
      });
      expect(ship.status).toBe(404);
    });

    it('acknowledges an order once; the same number again is fine, another number is a conflict', async () => {
      const order = ordersA[0] as HubOrder;
      const url = a(`/orders/${order.orderId}/acknowledge`);
      const first = await call('POST', url, KEY_A, { storeOrderNumber: 'A-1001', storeOrderRef: 'a-internal-1' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        state: 'acknowledged',
        storeOrderNumber: 'A-1001',
        storeOrderRef: 'a-internal-1',
      });
      expect((await call('POST', url, KEY_A, { storeOrderNumber: 'A-1001' })).status).toBe(200);
      const other = await call('POST', url, KEY_A, { storeOrderNumber: 'A-2002' });
      expect(other.status).toBe(409);
      expect((other.body.error as { code: string }).code).toBe('hub_order_already_acknowledged');
      expect((await call('GET', a('/orders'), KEY_A)).body.total).toBe(3);
      const acked = await call('GET', a('/orders?state=acknowledged'), KEY_A);
      expect((acked.body.orders as HubOrder[]).map((o) => o.orderId)).toEqual([order.orderId]);
      const events = await app.storeSide.orders.events(order.orderId);
      const ackEvents = events.filter((e) => e.kind === 'store.order_acknowledged');
      expect(ackEvents).toHaveLength(1);
      expect(ackEvents[0]?.direction).toBe('store_to_hub');
    });

    it('records a posted shipment for Amazon (202), and the same storeRef again as a duplicate (200)', async () => {
      const order = ordersA[0] as HubOrder;
      const payload = {
        storeRef: 'A-SHIP-1',
        carrier: 'DHL',
        trackingNumber: '00340434161234567890',
        shipDate: '2026-11-29T09:30:00+01:00',
        items: order.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
      };
      const first = await call('POST', a(`/orders/${order.orderId}/shipments`), KEY_A, payload);
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ duplicate: false, shipment: { state: 'pending', storeRef: 'A-SHIP-1' } });
      const again = await call('POST', a(`/orders/${order.orderId}/shipments`), KEY_A, payload);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, duplicate: true });
      const rows = await app.storeSide.shipments.forOrder(order.orderId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        state: 'pending',
        trackingNumber: '00340434161234567890',
        shipDate: '2026-11-29T08:30:00.000Z',
      });
      // Shipped by the store: still the store's acknowledged order, and acknowledging again is still fine.
      const acked = await call('GET', a('/orders?state=acknowledged'), KEY_A);
      expect((acked.body.orders as HubOrder[]).map((o) => [o.orderId, o.state])).toEqual([
        [order.orderId, 'acknowledged'],
      ]);
      expect((await app.storeSide.orders.findById(order.orderId))?.storeState).toBe('shipped');
      const ackAgain = await call('POST', a(`/orders/${order.orderId}/acknowledge`), KEY_A, {
        storeOrderNumber: 'A-1001',
      });
      expect(ackAgain.status).toBe(200);
      const bad = await call('POST', a(`/orders/${order.orderId}/shipments`), KEY_A, {
        storeRef: 'x',
        shipDate: 'soon',
      });
      expect(bad.status).toBe(400);
    });

    it('records a posted cancellation (202, duplicate 200)', async () => {
      const order = ordersA[1] as HubOrder;
      const url = a(`/orders/${order.orderId}/cancellations`);
      const first = await call('POST', url, KEY_A, { storeRef: 'A-CANCEL-1' });
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({
        duplicate: false,
        cancellation: { storeRef: 'A-CANCEL-1', state: 'pending' },
      });
      const again = await call('POST', url, KEY_A, { storeRef: 'A-CANCEL-1' });
      expect(again.status).toBe(200);
      expect(await app.storeSide.cancellations.forOrder(order.orderId)).toHaveLength(1);
    });

    it('records posted stock, which the connector then reads back', async () => {
      const ref = ordersA[2]?.items[0]?.productRef ?? '';
      const res = await call('POST', a('/stock'), KEY_A, { items: [{ productRef: ref, available: 7 }] });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ stock: 1, ignored: [] });
      const connector = await app.stores.connectorFor(storeA);
      if (!connector.ok) throw connector.error;
      const stock = await connector.value.readStock([ref]);
      expect(stock.ok && stock.value.get(ref)).toBe(7);
      const tooMany = Array.from({ length: 1001 }, (_, i) => ({ productRef: `p${i}`, available: 1 }));
      expect((await call('POST', a('/stock'), KEY_A, { items: tooMany })).status).toBe(400);
    });

    it('skips webhooks of a store without webhookUrl', async () => {
      const connector = await app.stores.connectorFor(storeB);
      if (!connector.ok) throw connector.error;
      const adjusted = await connector.value.adjustStock('p-1', -2, 'adjust-key-1');
      expect(adjusted).toEqual({ ok: true, value: -2 });
      await queue.drain(handlers);
      const deliveries = await new WebhookDeliveryRepository(app.db).forStore(storeB);
      expect(deliveries.filter((d) => d.topic === 'order.created').map((d) => d.state)).toEqual(['skipped', 'skipped']);
      const delivery = deliveries.find((d) => d.topic === 'stock.adjust');
      expect(delivery).toMatchObject({ state: 'skipped', attempts: 0 });
      expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
        data: { productRef: 'p-1', delta: -2, key: 'adjust-key-1' },
      });
    });

    it('marks a webhook failed (not retried) when its last attempt fails', async () => {
      const connector = await app.stores.connectorFor(storeA);
      if (!connector.ok) throw connector.error;
      expect((await connector.value.addOrderNote({ ref: 'r-1', number: 'A-1' }, 'buyer asked to cancel')).ok).toBe(
        true,
      );
      const repo = new WebhookDeliveryRepository(app.db);
      const note = (await repo.forStore(storeA)).find((d) => d.topic === 'order.note');
      if (!note) throw new Error('no order.note delivery');
      await app.db.updateTable('webhook_deliveries').set({ attempts: 14 }).where('id', '=', note.id).execute();
      const webhookDeps = { ...app.storeSide, openSecrets: (id: string) => app.stores.openSecrets(id) };
      const result = await deliverWebhook(webhookDeps, note.id); // the receiver fails a delivery's first attempts
      expect(result.ok ? 'ok' : [result.error.code, result.error.retryable]).toEqual([
        'hub_webhook_delivery_failed',
        false,
      ]);
      expect(await repo.findById(note.id)).toMatchObject({ state: 'failed', attempts: 15, lastStatus: 503 });
    });

    it('rejects stale, future and tampered webhooks (replay protection)', () => {
      const now = new Date('2026-11-29T12:00:00Z');
      const ts = Math.floor(now.getTime() / 1000);
      const body = '{"id":"1","topic":"ping","createdAt":"2026-11-29T12:00:00Z","data":{}}';
      const check = (timestamp: number, signed: string, sent = body) =>
        verifyWebhookSignature({
          secret: SECRET_A,
          timestamp,
          body: sent,
          signature: signWebhook(SECRET_A, timestamp, signed),
          now,
        });
      expect(check(ts - 60, body).ok).toBe(true);
      const code = (r: ReturnType<typeof check>) => (r.ok ? 'ok' : r.error.code);
      expect(code(check(ts - 301, body))).toBe('webhook_timestamp_stale');
      expect(code(check(ts + 301, body))).toBe('webhook_timestamp_stale');
      expect(code(check(ts, body, body.replace('ping', 'pong')))).toBe('webhook_signature_invalid');
      const wrongSecret = verifyWebhookSignature({
        secret: 'other',
        timestamp: ts,
        body,
        signature: signWebhook(SECRET_A, ts, body),
        now,
      });
      expect(code(wrongSecret)).toBe('webhook_signature_invalid');
      expect(code(verifyWebhookSignature({ secret: SECRET_A, timestamp: ts, body, signature: undefined, now }))).toBe(
        'webhook_signature_missing',
      );
    });

    it('documents the hub routes and the webhooks in the OpenAPI document', async () => {
      const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<{
        paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
        tags: Array<{ name: string; description?: string }>;
      }>();
      const result = await new Validator().validate(doc);
      expect(result.errors ?? []).toEqual([]);
      const hubPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/hub/'));
      expect(hubPaths).toHaveLength(5);
      for (const p of hubPaths) for (const op of Object.values(doc.paths[p] ?? {})) expect(op.tags).toEqual(['hub']);
      for (const op of operationsOf(doc, TAGS_BY_TEST['hub-api.e2e.test.ts'])) expect(called, op).toContain(op);
      const tag = doc.tags.find((t) => t.name === 'hub');
      expect(tag?.description).toContain('X-OrderBridge-Signature');
      expect(tag?.description).toContain('order.created');
    });
  },
  { isolation: 'file' },
);
