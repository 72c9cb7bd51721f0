import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandboxConnectionInput } from '../../src/app/demo.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { SANDBOX_SELLER_ID } from '../../src/sandbox/amazon/index.js';
import { SANDBOX_CONSUMER_KEY, SANDBOX_CONSUMER_SECRET } from '../../src/sandbox/woocommerce/index.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { operationsOf, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { openStoreTestEnv, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

/** How a user of account B must fare against an operation aimed at account A's data. */
type Expect =
  | { status: 404 | 403 | 401 } // refused exactly so, as if A's thing did not exist
  | { list: true } // B's own list: 200 and none of A's ids in it
  | { own: true }; // acts on B's own account (2xx) and leaves A alone

interface Case {
  expect: Expect;
  /** The request body; a function when it needs the running sandboxes. */
  body?: Record<string, unknown> | ((env: StoreTestEnv) => Record<string, unknown>);
  query?: string;
  /** Path parameters that differ from the defaults (A's ids). */
  params?: Record<string, string>;
}

/** Operations reachable without a user (own authentication), tested in their own files. */
const PUBLIC = new Set([
  'get /api/health',
  'get /health',
  'get /ready',
  'post /api/auth/login',
  'get /api/amazon/callback',
]);
const isHub = (op: string) => op.includes(' /api/hub/');

/**
 * One case per operation of the OpenAPI document: the request B sends with A's ids and what must
 * come back. A new endpoint without a case fails the test below, so isolation is decided for each.
 */
const CASES: Record<string, Case> = {
  'get /api/connections': { expect: { list: true } },
  'get /api/connections/:connection': { expect: { status: 404 } },
  // A's seller is connected (by A): B learns only that another account holds it, never A's ids.
  'get /api/connections/seller-availability': {
    expect: { own: true },
    query: `?sellerId=${SANDBOX_SELLER_ID}&marketplace=DE`,
  },
  'post /api/connections/:connection/sync': { expect: { status: 404 } },
  'post /api/connections': {
    expect: { own: true },
    body: {
      name: 'b-second',
      marketplaceId: 'DE',
      sellerId: 'A2BSELLER01',
      clientId: 'amzn1.application-oa2-client.b',
      clientSecret: 'b-client-secret',
      refreshToken: 'Atzr|b-refresh-token',
    },
  },
  'patch /api/connections/:connection': { expect: { status: 404 }, body: { active: false } },
  'delete /api/connections/:connection': { expect: { status: 404 } },
  'post /api/connections/:connection/test': { expect: { status: 404 } },
  'post /api/connections/:connection/sku-crop/preview': { expect: { status: 404 }, body: { skus: ['X'] } },
  'post /api/connections/:connection/amazon-authorization': { expect: { status: 404 } },
  'get /api/jobs/:id': { expect: { status: 404 }, params: { id: 'job' } },
  'get /api/reference/marketplaces': { expect: { own: true } },
  'get /api/reference/carriers': { expect: { own: true } },
  'get /api/reference/cancel-reasons': { expect: { own: true } },
  'get /api/reference/order-options': { expect: { own: true } },
  'get /api/reference/amazon-endpoints': { expect: { own: true } },
  'get /api/reports/orders-per-day': { expect: { list: true } },
  'get /api/orders': { expect: { list: true } },
  'get /api/orders/:order': { expect: { status: 404 } },
  'get /api/sync-runs': { expect: { list: true } },
  'get /api/sync-runs/:id': { expect: { status: 404 }, params: { id: 'syncRun' } },
  'get /api/stores': { expect: { list: true } },
  'post /api/stores': {
    expect: { own: true },
    body: {
      name: 'b-erp',
      platform: 'hub-api',
      baseUrl: 'https://erp.b.example',
      secrets: { apiKey: 'b'.repeat(32), webhookSecret: 'c'.repeat(32) },
    },
  },
  // B tests the very shop A added: B gets the shop's answer, never A's store row or its secrets.
  'post /api/stores/test': {
    expect: { own: true },
    body: (env) => ({
      platform: 'woocommerce',
      baseUrl: env.woo.url,
      secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET },
    }),
  },
  'get /api/stores/:store': { expect: { status: 404 } },
  'post /api/stores/:store/test': { expect: { status: 404 } },
  'post /api/stores/:store/poll': { expect: { status: 404 } },
  'post /api/stores/:storeId/webhook': { expect: { status: 401 }, body: { id: 1 } },
  'get /api/shipments': { expect: { list: true } },
  'get /api/cancellations': { expect: { list: true } },
  'post /api/connections/:connection/stock/push': { expect: { status: 404 } },
  'get /api/connections/:connection/stock': { expect: { status: 404 } },
  'get /api/needs-attention': { expect: { list: true } },
  'post /api/orders/:order/retry': { expect: { status: 404 } },
  'get /api/connections/:connection/sku-links': { expect: { status: 404 } },
  'put /api/connections/:connection/sku-links/:sku': { expect: { status: 404 }, body: { productRef: 'B-1' } },
  'delete /api/connections/:connection/sku-links/:sku': { expect: { status: 404 } },
  'get /api/connections/:connection/store-products': { expect: { status: 404 }, query: 'search=echo' },
  'post /api/auth/logout': { expect: { own: true } },
  'get /api/auth/me': { expect: { own: true } },
  'put /api/auth/password': {
    expect: { own: true },
    body: { currentPassword: 'bea-password-123', newPassword: 'bea-password-456' },
  },
  'post /api/auth/switch-account': { expect: { status: 403 }, body: { accountId: 'default' } },
  'get /api/account': { expect: { own: true } },
  'get /api/account/retention': { expect: { own: true } },
  'put /api/account/retention': { expect: { own: true }, body: { days: 7 } },
  'put /api/admin/retention': { expect: { status: 403 }, body: { maxDays: 90 } },
  'get /api/plans': { expect: { own: true } },
  'put /api/account/plan': { expect: { status: 403 }, body: { planId: 'self-hosted' } },
  'get /api/audit-log': { expect: { list: true } },
  'get /api/users': { expect: { list: true } },
  'post /api/users': {
    expect: { status: 403 },
    body: { email: 'x@b.test', name: 'X', password: 'x-password-1234' },
  },
  'delete /api/users/:userId': { expect: { status: 403 } },
  'get /api/tokens': { expect: { list: true } },
  'post /api/tokens': { expect: { own: true }, body: { name: 'b-token' } },
  'delete /api/tokens/:tokenId': { expect: { status: 404 } },
  'get /api/admin/accounts': { expect: { status: 403 } },
  'get /api/admin/settings': { expect: { status: 403 } },
  'put /api/admin/settings': { expect: { status: 403 }, body: { allowPrivateStoreAddresses: true } },
  'post /api/admin/accounts': { expect: { status: 403 }, body: { name: 'C' } },
  'put /api/admin/accounts/:accountId/plan': { expect: { status: 403 }, body: { planId: 'free' } },
  'put /api/admin/plans/:planId': {
    expect: { status: 403 },
    body: { name: 'Free', orderConnections: true, maxConnections: null, ordersPerMonth: null },
    params: { planId: 'freePlan' },
  },
};

type AIds = Record<
  | 'connection'
  | 'order'
  | 'amazonOrderId'
  | 'store'
  | 'storeId'
  | 'sku'
  | 'syncRun'
  | 'userId'
  | 'tokenId'
  | 'accountId'
  | 'job',
  string
>;

/** Filters that name A's connection: B gets 404, not A's rows. */
const FILTERS = [
  '/api/orders',
  '/api/sync-runs',
  '/api/shipments',
  '/api/cancellations',
  '/api/reports/orders-per-day',
];

describeEachDatabase(
  'Tenant isolation: a user of account B against account A, endpoint by endpoint',
  (ctx) => {
    let env: StoreTestEnv;
    let server: FastifyInstance;
    let a: AIds;
    let aSecrets: string[];
    let b: { cookie: string; csrf: string; accountId: string };

    beforeAll(async () => {
      env = await openStoreTestEnv(ctx.url(), {
        seed: 21,
        storeSecrets: { webhookSecret: 'a-webhook-secret-0123456789' },
      });
      const { app } = env;
      server = await buildHttpServer({
        app,
        requestSync: (id) => app.jobs.enqueue('sync', { connectionId: id }),
      });
      const aToken = await authorize(server, app);
      const amazonIds = env.amazon.sandbox.generateOrders({ count: 6, marketplaceId: DE, fulfillment: 'MFN' });
      await app.importOrders(env.connectionId, { trigger: 'manual' });
      await app.runStoreJobs();
      const order = await app.orders.find(app.accountId, amazonIds[0]!);
      if (!order.ok) throw order.error;
      const linked = await app.storeSideService.linkSku(app.accountId, env.connectionId, 'A-ONLY-SKU', 'KPW-COVER-BLK');
      if (!linked.ok) throw linked.error;
      const aUser = await app.accounts.users.create(
        app.accountId,
        { email: 'ann@a.test', name: 'Ann', password: 'ann-password-123', role: 'admin' },
        'test',
      );
      if (!aUser.ok) throw aUser.error;
      const aTokens = await app.accounts.tokens.list(app.accountId);
      const run = (await app.syncRuns.list([env.connectionId], 1))[0]!;
      const job = await app.jobs.enqueue('orders.pull', { connectionId: env.connectionId, trigger: 'api' });

      // Account B: a member with its own connection to the same Amazon sandbox.
      const created = await app.accounts.accounts.create(
        { name: 'B', planId: 'business', owner: { email: 'bea@b.test', name: 'Bea', password: 'bea-password-123' } },
        'test',
      );
      if (!created.ok) throw created.error;
      const bAccount = created.value.account.id;
      const bConn = await app.connections.add(
        bAccount,
        sandboxConnectionInput(env.amazon.url, { name: 'b-shop', marketplaceId: DE, sellerId: 'A2BSHOPSELLER1' }),
        'test',
      );
      if (!bConn.ok) throw bConn.error;
      const login = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'bea@b.test', password: 'bea-password-123' },
      });
      const cookie = login.cookies.find((c) => c.name === 'orderbridge_session')!;
      b = {
        cookie: `orderbridge_session=${cookie.value}`,
        csrf: login.json<{ csrfToken: string }>().csrfToken,
        accountId: bAccount,
      };

      a = {
        connection: env.connectionId,
        order: order.value.id,
        amazonOrderId: amazonIds[0]!,
        store: env.storeId,
        storeId: env.storeId,
        sku: 'A-ONLY-SKU',
        syncRun: run.id,
        userId: aUser.value.id,
        tokenId: aTokens[0]!.id,
        accountId: app.accountId,
        job,
      };
      aSecrets = [aToken, 'ann-password-123'];
    });
    afterAll(async () => {
      await server.close();
      await env.close();
    });

    const asB = (method: string, url: string, body?: Record<string, unknown>) =>
      server.inject({
        method: method.toUpperCase() as 'GET',
        url,
        headers: { cookie: b.cookie, 'x-csrf-token': b.csrf },
        ...(body && { payload: body }),
      });

    /** Everything of A that an endpoint could change, read straight from the database. */
    const snapshotOfA = async () => {
      const db = env.app.db;
      const byAccount = async (table: 'connections' | 'stores' | 'users' | 'api_tokens' | 'audit_log') =>
        (await db.selectFrom(table).selectAll().where('account_id', '=', a.accountId).execute()).map((r) =>
          JSON.stringify(r),
        );
      return {
        account: await db.selectFrom('accounts').selectAll().where('id', '=', a.accountId).execute(),
        plans: await db.selectFrom('plans').selectAll().orderBy('id').execute(),
        connections: await byAccount('connections'),
        stores: await byAccount('stores'),
        users: await byAccount('users'),
        tokens: (await byAccount('api_tokens')).map((t) => t.replace(/"last_used_at":"[^"]*"/, '')),
        audit: await byAccount('audit_log'),
        orders: await db.selectFrom('orders').selectAll().where('connection_id', '=', a.connection).execute(),
        skuLinks: await db.selectFrom('sku_links').selectAll().where('connection_id', '=', a.connection).execute(),
        jobs: (await db.selectFrom('jobs').selectAll().execute())
          .map((j) => JSON.stringify(j))
          .filter((j) => j.includes(a.connection) || j.includes(a.storeId)).length,
      };
    };

    it('has decided isolation for every operation of the OpenAPI document', async () => {
      const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
      const operations = operationsOf(doc).filter((op) => !PUBLIC.has(op) && !isHub(op));
      expect(operations.filter((op) => !(op in CASES))).toEqual([]);
      expect(Object.keys(CASES).filter((op) => !operations.includes(op))).toEqual([]);
    });

    it("answers every operation aimed at A's data without reading or changing it", async () => {
      const before = await snapshotOfA();
      const aIds = [
        a.connection,
        a.amazonOrderId,
        a.order,
        a.storeId,
        a.userId,
        a.tokenId,
        a.syncRun,
        'ann@a.test',
        'A-ONLY-SKU',
      ];
      const failures: string[] = [];
      for (const [op, c] of Object.entries(CASES)) {
        if (op === 'post /api/auth/logout') continue; // last, it ends B's session
        const [method, route] = op.split(' ') as [string, string];
        const url =
          route.replace(/:(\w+)/g, (_m, name: string) =>
            encodeURIComponent((a as Record<string, string>)[c.params?.[name] ?? name] ?? name),
          ) + (c.query ?? '');
        const res = await asB(method, url, typeof c.body === 'function' ? c.body(env) : c.body);
        // A 404 may name what B asked for; anything else of A's must not appear.
        const text = res.body;
        const leaked = aIds
          .filter((id) => !url.includes(encodeURIComponent(id)) && text.includes(id))
          .concat(aSecrets.filter((s) => text.includes(s)));
        if (leaked.length > 0) failures.push(`${op}: response contains A's ${leaked.join(', ')}`);
        if ('status' in c.expect && res.statusCode !== c.expect.status) {
          failures.push(`${op}: ${res.statusCode} instead of ${c.expect.status} (${text.slice(0, 160)})`);
        }
        if (('list' in c.expect || 'own' in c.expect) && (res.statusCode < 200 || res.statusCode > 299)) {
          failures.push(`${op}: ${res.statusCode} (${text.slice(0, 160)})`);
        }
      }
      for (const path of FILTERS) {
        const res = await asB('get', `${path}?connection=${a.connection}`);
        if (res.statusCode !== 404) failures.push(`get ${path}?connection=A: ${res.statusCode}`);
      }
      // Names resolve only inside the caller's account too.
      for (const url of ['/api/connections/sandbox', '/api/stores/shop']) {
        if ((await asB('get', url)).statusCode !== 404) failures.push(`get ${url} (A's name) was found`);
      }
      expect(failures).toEqual([]);
      expect(await snapshotOfA()).toEqual(before);
      // B's own actions landed in B.
      const bStores = await env.app.stores.list(b.accountId);
      expect(bStores.map((s) => s.name)).toEqual(['b-erp']);
      expect((await env.app.accounts.tokens.list(b.accountId)).map((t) => t.name)).toEqual(['b-token']);
      const me = await asB('get', '/api/auth/me');
      expect(me.json()).toMatchObject({ account: { id: b.accountId } });
      expect((await asB('post', '/api/auth/logout')).statusCode).toBe(204);
    });

    it("does not let B's API token reach A either", async () => {
      const token = await env.app.accounts.tokens.create(b.accountId, { name: 'b-api' }, 'test');
      if (!token.ok) throw token.error;
      const headers = { authorization: `Bearer ${token.value.secret}` };
      for (const url of [`/api/connections/${a.connection}`, `/api/orders/${a.order}`, `/api/stores/${a.storeId}`]) {
        expect((await server.inject({ method: 'GET', url, headers })).statusCode, url).toBe(404);
      }
      const orders = await server.inject({ method: 'GET', url: '/api/orders', headers });
      expect(orders.json()).toMatchObject({ total: 0 });
    });
  },
  { isolation: 'file' },
);
