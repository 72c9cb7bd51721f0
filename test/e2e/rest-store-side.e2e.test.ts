import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/http-server.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { operationsOf, recordCalls, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { openStoreTestEnv, runJobsUntil, wooOrdersByAmazonId, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';
import { SANDBOX_CONSUMER_KEY, SANDBOX_CONSUMER_SECRET } from '../../src/sandbox/woocommerce/index.js';

const WEBHOOK_SECRET = 'woo-webhook-secret-0123456789';

/** The store-side REST API (stores, shipments, cancellations, stock, needs-attention, SKU links). */
describeEachDatabase(
  'REST API: store side',
  (ctx) => {
    let env: StoreTestEnv;
    let server: FastifyInstance;
    let called: Set<string>;
    let baseUrl: string;
    let ids: string[];

    beforeAll(async () => {
      env = await openStoreTestEnv(ctx.url(), {
        storeSecrets: { webhookSecret: WEBHOOK_SECRET },
        seed: 11,
        config: { defaultOrderShippingMethod: 'DHL Paket' },
      });
      server = await buildHttpServer({ app: env.app, requestSync: () => Promise.resolve('job') });
      await authorize(server, env.app);
      called = recordCalls(server);
      baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
      ids = env.amazon.sandbox.generateOrders({
        count: 8,
        marketplaceId: DE,
        fulfillment: 'MFN',
        statuses: { UNSHIPPED: 1 },
      });
      await env.app.importOrders(env.connectionId, { trigger: 'manual' });
      await env.app.runStoreJobs();
    });
    afterAll(async () => {
      await server.close();
      await env.close();
    });

    const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
      const res = await server.inject({ method, url, ...(payload !== undefined && { payload: payload as object }) });
      return { status: res.statusCode, body: res.body ? res.json<Record<string, unknown>>() : {} };
    };

    it('adds, lists, shows and tests stores; credentials are never returned', async () => {
      const added = await call('POST', '/api/stores', {
        name: 'erp',
        platform: 'hub-api',
        baseUrl: 'https://erp.example',
        secrets: { apiKey: 'k'.repeat(32), webhookSecret: 's'.repeat(32) },
      });
      expect(added.status).toBe(201);
      expect(JSON.stringify(added.body)).not.toContain('k'.repeat(32));
      const bad = await call('POST', '/api/stores', { name: 'x', platform: 'magento9', baseUrl: 'https://x.example' });
      expect(bad.status).toBe(400);
      expect((bad.body.error as { code: string }).code).toBe('store_platform_unknown');
      const list = await call('GET', '/api/stores');
      expect((list.body.stores as Array<{ name: string }>).map((s) => s.name).sort()).toEqual(['erp', 'shop']);
      const shop = await call('GET', '/api/stores/shop');
      expect(shop.body.platform).toBe('woocommerce');
      expect((shop.body.secretHints as { consumerKey: string }).consumerKey).toMatch(/^\*\*\*\*/);
      expect(JSON.stringify(shop.body)).not.toContain(WEBHOOK_SECRET);
      const tested = await call('POST', '/api/stores/shop/test');
      expect(tested).toMatchObject({ status: 200, body: { platform: 'woocommerce' } });
      expect((await call('GET', '/api/stores/nope')).status).toBe(404);
    });

    it('tests a store before it is added: its name, or what failed; nothing is stored', async () => {
      const draft = { platform: 'woocommerce', baseUrl: env.woo.url };
      const secrets = { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET };
      const works = await call('POST', '/api/stores/test', { ...draft, secrets });
      expect(works).toMatchObject({ status: 200, body: { platform: 'woocommerce' } });
      expect(works.body.storeName).toEqual(expect.stringMatching(/\S/));
      const wrong = await call('POST', '/api/stores/test', {
        ...draft,
        secrets: { ...secrets, consumerSecret: 'cs_x' },
      });
      expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'woocommerce_auth_failed' } } });
      const missing = await call('POST', '/api/stores/test', { ...draft, secrets: {} });
      expect(missing.status).toBe(400);
      expect((missing.body.error as { code: string }).code).toBe('store_invalid');
      expect(((await call('GET', '/api/stores')).body.stores as unknown[]).length).toBe(2);
    });

    it('takes signed WooCommerce webhooks and rejects a bad signature', async () => {
      env.woo.sandbox.addWebhook({
        topic: 'order.updated',
        delivery_url: `${baseUrl}/api/stores/${env.storeId}/webhook`,
        secret: WEBHOOK_SECRET,
      });
      const order = wooOrdersByAmazonId(env.woo).values().next().value?.[0];
      expect(order).toBeDefined();
      env.woo.sandbox.shipOrder({ orderId: order?.id ?? 0, provider: 'dhl-de', trackingNumber: 'JJD000390007' });
      await runJobsUntil(env.app, async () => {
        const s = await call('GET', '/api/shipments?state=confirmed');
        return (s.body.shipments as unknown[]).length === 1;
      });
      const forged = await server.inject({
        method: 'POST',
        url: `/api/stores/${env.storeId}/webhook`,
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-topic': 'order.updated',
          'x-wc-webhook-signature': 'AAAA',
        },
        payload: JSON.stringify({ id: 1, meta_data: [] }),
      });
      expect(forged.statusCode).toBe(401);
      const polled = await call('POST', '/api/stores/shop/poll');
      expect(polled.status).toBe(200);
      expect(polled.body.shipments).toBe(0); // already recorded from the webhook
    });

    it('lists shipments and cancellations and pushes stock', async () => {
      const shipments = await call('GET', `/api/shipments?connection=${env.connectionId}`);
      // "dhl-de" is not in the mapping table, but it is the store's name for DHL: sent as Amazon's code.
      expect((shipments.body.shipments as Array<{ carrierCode: string }>)[0]).toMatchObject({
        carrierCode: 'DHL',
        carrierName: null,
      });
      const inStore = await env.app.orders.list(env.app.accountId, { status: 'in_store', limit: 50, offset: 0 });
      if (!inStore.ok) throw inStore.error;
      const shippedIds = new Set((shipments.body.shipments as Array<{ orderId: string }>).map((x) => x.orderId));
      const target = inStore.value.orders.find((o) => !shippedIds.has(o.id));
      const cancelled = wooOrdersByAmazonId(env.woo).get(target?.amazonOrderId ?? '')?.[0];
      env.woo.sandbox.cancelOrder(cancelled?.id ?? 0);
      await call('POST', '/api/stores/shop/poll');
      const cancellations = await call('GET', '/api/cancellations');
      expect((cancellations.body.cancellations as Array<{ reason: string }>)[0]?.reason).toBe('NoInventory');
      // Order details carry what goes back to Amazon for that order.
      const shippedOrder = [...shippedIds][0]!;
      const shippedDetails = await call('GET', `/api/orders/${shippedOrder}`);
      expect(shippedDetails.body.shipments).toMatchObject([{ orderId: shippedOrder, carrierCode: 'DHL' }]);
      expect(shippedDetails.body.cancellations).toEqual([]);
      const cancelledDetails = await call('GET', `/api/orders/${target?.id ?? ''}`);
      expect(cancelledDetails.body.cancellations).toMatchObject([{ orderId: target?.id, reason: 'NoInventory' }]);
      const pushed = await call('POST', `/api/connections/${env.connectionId}/stock/push`);
      expect(pushed.status).toBe(200);
      expect(pushed.body.changed).toBeGreaterThan(0);
      const again = await call('POST', `/api/connections/${env.connectionId}/stock/push`);
      expect(again.body.changed).toBe(0); // pushed only when changed
    });

    it('shows needs-attention, links a SKU to release a held order, retries and unlinks', async () => {
      const attention = await call('GET', '/api/needs-attention');
      const held = (attention.body.orders as Array<{ id: string; holdReason: string | null }>).filter((o) =>
        o.holdReason?.startsWith('unknown_sku'),
      );
      const sku = 'ECHO-DOT-4-CHARCOAL-RELINK';
      const linked = await call('PUT', `/api/connections/${env.connectionId}/sku-links/${encodeURIComponent(sku)}`, {
        productRef: String(env.woo.sandbox.getStock('ECHO-DOT-4-CHARCOAL').productId),
      });
      expect(linked).toMatchObject({ status: 200, body: { link: { amazonSku: sku } } });
      const found = await call('GET', `/api/connections/${env.connectionId}/store-products?search=echo`);
      expect(found).toMatchObject({ status: 200, body: { hasCatalog: true } });
      const links = await call('GET', `/api/connections/${env.connectionId}/sku-links`);
      expect((links.body.links as unknown[]).length).toBe(1);
      const someOrder = held[0]?.id ?? ids[0];
      const retried = await call('POST', `/api/orders/${someOrder}/retry`);
      expect(retried.status).toBe(202);
      expect((await call('POST', '/api/orders/nope/retry')).status).toBe(404);
      const removed = await call('DELETE', `/api/connections/${env.connectionId}/sku-links/${encodeURIComponent(sku)}`);
      expect(removed.status).toBe(204);
      expect(
        (await call('DELETE', `/api/connections/${env.connectionId}/sku-links/${encodeURIComponent(sku)}`)).status,
      ).toBe(404);
    });

    it('calls every operation of its tags', async () => {
      const doc = (await call('GET', '/openapi.json')).body as unknown as OpenApiDoc;
      const operations = operationsOf(doc, TAGS_BY_TEST['rest-store-side.e2e.test.ts']);
      expect(operations.length).toBeGreaterThanOrEqual(14);
      for (const op of operations) expect(called, op).toContain(op);
    });
  },
  { isolation: 'file' },
);
