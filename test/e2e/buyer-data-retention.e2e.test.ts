import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { REMOVED } from '../../src/domain/personal-data.js';
import { amazonOrder, everyTable, markers, runPurgeJob, tablesHolding } from './support/personal-data-scan.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { operationsOf, recordCalls, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { openStoreTestEnv, runJobsUntil, wooOrdersByAmazonId, type StoreTestEnv } from '../helpers/store-test-env.js';

/**
 * PRODUCT.md §12: buyer personal data is purged after the account's retention once an order was
 * shipped or cancelled — from every table — while the order keeps its money, lines, statuses and
 * timeline; orders still within retention or not ended keep theirs.
 */
describeEachDatabase('buyer data retention', (ctx) => {
  let env: StoreTestEnv;
  let server: FastifyInstance;
  let called: Set<string>;
  let later: App | null = null;

  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url());
    server = await buildHttpServer({ app: env.app, requestSync: () => Promise.resolve('job') });
    called = recordCalls(server);
    await authorize(server, env.app);
  });
  afterEach(async () => {
    await later?.close();
    later = null;
    await server.close();
    await env.close();
  });

  async function runPurgeJobAfter(days: number): Promise<void> {
    await later?.close();
    later = await runPurgeJob(ctx.url(), days);
  }

  const details = async (amazonOrderId: string) => {
    const res = await server.inject({ method: 'GET', url: `/api/orders/${amazonOrderId}` });
    expect(res.statusCode).toBe(200);
    return res.json<{
      order: Record<string, unknown> & { totals: unknown; buyer: unknown; personalDataPurgedAt?: string | null };
      lines: Array<Record<string, unknown>>;
      timeline: Array<{ kind: string; summary: string }>;
    }>();
  };

  it('purges shipped and cancelled orders past retention from every table, keeping the order', async () => {
    const { amazon, woo, app } = env;
    const [shipped, cancelled, open] = [markers('qx1'), markers('qx2'), markers('qx3')];
    const ids = [shipped, cancelled, open].map((m) => amazon.sandbox.createOrder(amazonOrder(m)).orderId);
    const [shippedId, cancelledId, openId] = ids as [string, string, string];
    amazon.sandbox.advanceClock(180); // searchOrders sees orders after Amazon's two minutes
    const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!imported.ok) throw imported.error;
    await runJobsUntil(app, () => wooOrdersByAmazonId(woo).size === 3);

    // The store ships one order (confirmed to Amazon); Amazon cancels another; the third stays open.
    const wooId = wooOrdersByAmazonId(woo).get(shippedId)?.[0]?.id ?? 0;
    woo.sandbox.shipOrder({ orderId: wooId, customProvider: 'Speedy Parcel', trackingNumber: 'SP-1' });
    await app.storeSideService.pollStore(app.accountId, env.storeId);
    await runJobsUntil(app, () => amazon.sandbox.getOrder(shippedId).fulfillment?.fulfillmentStatus === 'SHIPPED');
    amazon.sandbox.advanceOrder(cancelledId, 'cancel');
    amazon.sandbox.advanceClock(180);
    await app.importOrders(env.connectionId, { trigger: 'manual' });
    await app.runStoreJobs();

    // Every personal value really is stored (the test would prove nothing otherwise).
    const all = (m: ReturnType<typeof markers>) => Object.values(m);
    const before = await everyTable(app.db, ctx.dialect);
    expect(tablesHolding(before, all(shipped)).length).toBeGreaterThanOrEqual(all(shipped).length);
    const kept = { shipped: await details(shippedId), cancelled: await details(cancelledId) };
    expect(kept.shipped.order.status).toBe('shipped');
    expect(kept.cancelled.order.status).toBe('cancelled');

    // A member shortens retention to 10 days; longer than the administrators' limit is refused.
    const tooLong = await server.inject({ method: 'PUT', url: '/api/account/retention', payload: { days: 45 } });
    expect(tooLong.json()).toMatchObject({ error: { code: 'retention_days_out_of_range' } });
    const set = await server.inject({ method: 'PUT', url: '/api/account/retention', payload: { days: 10 } });
    expect(set.json()).toEqual({ days: 10, defaultDays: 30, maxDays: 30 });
    expect((await server.inject({ method: 'GET', url: '/api/account/retention' })).json()).toMatchObject({ days: 10 });

    // Within retention: nothing goes.
    await runPurgeJobAfter(5);
    expect(tablesHolding(await everyTable(app.db, ctx.dialect), all(shipped))).toHaveLength(
      tablesHolding(before, all(shipped)).length,
    );

    // Past retention: no personal value of the ended orders is left in any table.
    await runPurgeJobAfter(11);
    const after = await everyTable(app.db, ctx.dialect);
    // The scan read the tables this flow writes, those added with store delivery and write-back too.
    const written = [
      'order_events',
      'sync_runs',
      'audit_log',
      'jobs',
      'shipments',
      'stock_levels',
      'store_order_claims',
    ];
    expect(written.filter((table) => !after.get(table))).toEqual([]);
    expect(tablesHolding(after, [...all(shipped), ...all(cancelled)])).toEqual([]);
    // The open order keeps all of its data.
    expect(tablesHolding(after, all(open))).toEqual(tablesHolding(before, all(open)));
    expect((await details(openId)).order.personalDataPurgedAt).toBeNull();

    // The purged orders keep ids, money, lines, statuses and timeline, and say when data went.
    for (const [id, was] of [
      [shippedId, kept.shipped],
      [cancelledId, kept.cancelled],
    ] as const) {
      const now = await details(id);
      expect(now.order.amazonOrderId).toBe(id);
      expect(now.order.totals).toEqual(was.order.totals);
      expect(now.order.status).toBe(was.order.status);
      expect(now.order.amazonStatus).toBe(was.order.amazonStatus);
      expect(now.order.buyer).toBeNull();
      expect(now.order.personalDataPurgedAt).toMatch(/Z$/);
      expect(now.lines.map((l) => [l.sellerSku, l.lineGross, l.quantityOrdered])).toEqual(
        was.lines.map((l) => [l.sellerSku, l.lineGross, l.quantityOrdered]),
      );
      expect(now.timeline.map((e) => e.kind)).toEqual([
        ...was.timeline.map((e) => e.kind),
        'order.personal_data_purged',
      ]);
    }
    // A second run finds nothing more to do.
    await runPurgeJobAfter(12);
    expect((await details(shippedId)).timeline.filter((e) => e.kind === 'order.personal_data_purged')).toHaveLength(1);
  });

  it('lets only administrators raise the limit, and calls every data retention operation', async () => {
    const { app } = env;
    const outOfRange = await server.inject({ method: 'PUT', url: '/api/account/retention', payload: { days: 0 } });
    expect(outOfRange.statusCode).toBe(400);
    // An API token acts as a member.
    const member = await server.inject({ method: 'PUT', url: '/api/admin/retention', payload: { maxDays: 90 } });
    expect(member.json()).toMatchObject({ error: { code: 'forbidden' } });
    const admin = { email: 'ada@example.com', name: 'Ada', password: 'ada-password-123', role: 'admin' as const };
    const created = await app.accounts.users.create(app.accountId, admin, 'test');
    if (!created.ok) throw created.error;
    const login = await server.inject({ method: 'POST', url: '/api/auth/login', payload: admin });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const cap = await server.inject({ method: 'PUT', url: '/api/admin/retention', headers, payload: { maxDays: 90 } });
    expect(cap.json()).toEqual({ maxDays: 90 });
    const longer = await server.inject({ method: 'PUT', url: '/api/account/retention', payload: { days: 60 } });
    expect(longer.json()).toEqual({ days: 60, defaultDays: 30, maxDays: 90 });
    // Lowering the limit lowers every account above it at once.
    await server.inject({ method: 'PUT', url: '/api/admin/retention', headers, payload: { maxDays: 20 } });
    expect((await server.inject({ method: 'GET', url: '/api/account/retention' })).json()).toMatchObject({ days: 20 });
    const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
    const operations = operationsOf(doc, TAGS_BY_TEST['buyer-data-retention.e2e.test.ts']);
    expect(operations).toHaveLength(3);
    expect(operations.filter((op) => !called.has(op))).toEqual([]);
  });
});

/** Copies of the buyer's data outside the order: the order.created webhook body of a hub-api store. */
describeEachDatabase('buyer data retention: webhook bodies of a hub-api store', (ctx) => {
  it('blanks the buyer in stored webhook bodies once the order is past retention', async () => {
    const receiver = await startWebhookReceiver({ failFirst: 0 });
    const env = await openStoreTestEnv(ctx.url(), {
      store: {
        platform: 'hub-api',
        baseUrl: 'https://shop.example',
        settings: { webhookUrl: receiver.url },
        secrets: { apiKey: 'hub-api-key-0123456789abcdef', webhookSecret: 'hub-webhook-secret-0123456789' },
      },
    });
    let later: App | null = null;
    try {
      const { amazon, app } = env;
      const m = markers('hb7');
      const id = amazon.sandbox.createOrder(amazonOrder(m)).orderId;
      amazon.sandbox.advanceClock(180);
      await app.importOrders(env.connectionId, { trigger: 'manual' });
      const bodies = () => app.db.selectFrom('webhook_deliveries').select('body').execute();
      await runJobsUntil(app, async () => (await bodies()).some((b) => b.body.includes(m.name)));
      amazon.sandbox.advanceOrder(id, 'ship');
      amazon.sandbox.advanceClock(180);
      await app.importOrders(env.connectionId, { trigger: 'manual' });
      await app.runStoreJobs();
      const before = tablesHolding(await everyTable(app.db, ctx.dialect), Object.values(m));
      expect(before).toContain(`webhook_deliveries: ${m.name}`);

      later = await runPurgeJob(ctx.url(), 31);
      expect(tablesHolding(await everyTable(app.db, ctx.dialect), Object.values(m))).toEqual([]);
      // The body is still the JSON the store received, with the personal values blanked.
      const body = JSON.parse((await bodies()).find((b) => b.body.includes(id))?.body ?? 'null') as unknown;
      expect(JSON.stringify(body)).toContain(REMOVED);
    } finally {
      await later?.close();
      await env.close();
      await receiver.close();
    }
  });
});
