import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { authorize } from '../helpers/api-auth.js';
import { SANDBOX_SELLER_ID, startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

import { operationsOf, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';

/** The REST API over a synced sandbox connection; every endpoint in the OpenAPI document is called. */
describeEachDatabase(
  'REST API',
  (ctx) => {
    let sandbox: StartedAmazonSandbox;
    let app: App;
    let worker: SyncWorker;
    let server: FastifyInstance;
    let connectionId: string;
    let orderIds: string[];
    const called = new Set<string>();

    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 3, rateScale: 1000 });
      orderIds = sandbox.sandbox.generateOrders({ count: 30, marketplaceId: DE });
      app = await openTestApp(ctx.url());
      connectionId = (await addSandboxConnection(app, sandbox, { name: 'shop-de' })).id;
      worker = new SyncWorker(app, app.jobs);
      server = await buildHttpServer({ app, requestSync: (id) => worker.requestSync(id) });
      await authorize(server, app);
      server.addHook('onResponse', (req, _reply, done) => {
        called.add(`${req.method.toLowerCase()} ${req.routeOptions.url ?? ''}`);
        done();
      });
    });
    afterAll(async () => {
      await server.close();
      await app.close();
      await sandbox.close();
    });

    const get = async (url: string) => {
      const res = await server.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
    };

    it('queues Synchronize Orders as a job and the runner imports the orders', async () => {
      const res = await server.inject({ method: 'POST', url: `/api/connections/shop-de/sync` });
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json<{ jobId: string }>();
      const again = await server.inject({ method: 'POST', url: `/api/connections/${connectionId}/sync` });
      expect(again.json<{ jobId: string }>().jobId).toBe(jobId); // de-duplicated while queued
      expect(await app.jobs.drain(worker.handlers)).toBeGreaterThanOrEqual(1);
      expect((await app.jobs.getJob(jobId))?.state).toBe('succeeded');
    });

    it('lists and shows connections without secrets', async () => {
      const list = await get('/api/connections');
      expect(list.status).toBe(200);
      const text = JSON.stringify(list.body);
      expect(text).not.toContain('sandbox-secret');
      expect(text).not.toContain('sandbox-refresh-token');
      const one = await get(`/api/connections/${connectionId}`);
      expect(one.body.name).toBe('shop-de');
      expect(one.body.clientSecretHint).toMatch(/^\*\*\*\*.{4}$/);
      const noRoute = await get('/api/nope');
      expect(noRoute).toEqual({
        status: 404,
        body: { error: { code: 'route_not_found', message: 'No route GET /api/nope', details: {} } },
      });
      const missing = await get('/api/connections/nope');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({
        error: { code: 'connection_not_found', message: 'No connection "nope"', details: {} },
      });
    });

    it("tells the wizard's Seller ID step whether a seller account + marketplace is free", async () => {
      const taken = await get(`/api/connections/seller-availability?sellerId=${SANDBOX_SELLER_ID}&marketplace=DE`);
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ available: false, existingConnectionId: connectionId });
      expect(taken.body.message).toContain('already connected by connection "shop-de"');
      const free = await get(`/api/connections/seller-availability?sellerId=${SANDBOX_SELLER_ID}&marketplace=FR`);
      expect(free.body).toEqual({ available: true });
    });

    it('lists orders with filters and paging, and shows one with lines and timeline', async () => {
      const page = await get('/api/orders?limit=10&offset=0');
      expect(page.body.total).toBe(30);
      expect((page.body.orders as unknown[]).length).toBe(10);
      const shipped = await get('/api/orders?amazonStatus=SHIPPED');
      const shippedOrders = shipped.body.orders as Array<{ amazonStatus: string }>;
      expect(shippedOrders.every((o) => o.amazonStatus === 'SHIPPED')).toBe(true);
      const id = orderIds[0] as string;
      const search = await get(`/api/orders?search=${encodeURIComponent(id.slice(0, 11))}`);
      expect((search.body.orders as Array<{ amazonOrderId: string }>).some((o) => o.amazonOrderId === id)).toBe(true);
      const details = await get(`/api/orders/${id}`);
      expect(details.status).toBe(200);
      const timeline = details.body.timeline as Array<{ kind: string; direction: string }>;
      expect(timeline[0]).toMatchObject({ kind: 'order.imported', direction: 'amazon_to_hub' });
      expect((details.body.order as { raw: { orderId: string } }).raw.orderId).toBe(id);
      const bad = await get('/api/orders?limit=0');
      expect(bad.status).toBe(400);
      expect((bad.body.error as { code: string }).code).toBe('request_invalid');
    });

    it('lists sync runs and shows one', async () => {
      const runs = await get(`/api/sync-runs?connection=${connectionId}`);
      const list = runs.body.syncRuns as Array<{ id: string; status: string; ordersCreated: number }>;
      expect(list[0]).toMatchObject({ status: 'succeeded', ordersCreated: 30 });
      const one = await get(`/api/sync-runs/${list[0]?.id}`);
      expect(one.body.apiCalls).toMatchObject({ searchOrders: 1 });
      expect((await get('/api/sync-runs/unknown')).status).toBe(404);
      expect((await get('/api/health')).body).toMatchObject({ status: 'ok' });
    });

    it('publishes a valid OpenAPI document; the tests above call every operation of their tags', async () => {
      const doc = (await get('/openapi.json')).body as unknown as OpenApiDoc;
      const result = await new Validator().validate(doc as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const docs = await server.inject({ method: 'GET', url: '/docs/' });
      expect(docs.statusCode).toBe(200);
      // Every operation belongs to a tag that one REST test file covers completely.
      const covered = Object.values(TAGS_BY_TEST).flat();
      expect(operationsOf(doc, covered).sort()).toEqual(operationsOf(doc).sort());
      const operations = operationsOf(doc, TAGS_BY_TEST['rest-api.e2e.test.ts']);
      expect(operations.length).toBeGreaterThanOrEqual(8);
      for (const op of operations) expect(called, op).toContain(op);
    });
  },
  { isolation: 'file' },
);
