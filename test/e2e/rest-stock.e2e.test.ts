import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { StockRepository } from '../../src/db/stock.repository.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { operationsOf, recordCalls, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { openStoreTestEnv, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

interface SkuStock {
  amazonSku: string;
  productRef: string;
  storeAvailable: number | null;
  quantity: number | null;
  reason: string;
  pushedQuantity: number | null;
  pushedAt: string | null;
  status: string;
  amazonMessage: string | null;
  changed: boolean;
}
interface StockBody {
  skus: SkuStock[];
  sharedProducts: Array<{ product: string; amazonSkus: string[] }>;
}

/** The Stock page's API (what was sent to Amazon per SKU, why, and how Amazon took it) and tax rates shown. */
describeEachDatabase(
  'REST API: stock and displayed tax rates',
  (ctx) => {
    let env: StoreTestEnv;
    let server: FastifyInstance;
    let called: Set<string>;

    beforeAll(async () => {
      env = await openStoreTestEnv(ctx.url(), { seed: 21, config: { stockBuffer: 1 } });
      server = await buildHttpServer({ app: env.app, requestSync: () => Promise.resolve('job') });
      await authorize(server, env.app);
      called = recordCalls(server);
      env.amazon.sandbox.generateOrders({
        count: 6,
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

    const call = async (method: 'GET' | 'POST', url: string) => {
      const res = await server.inject({ method, url });
      return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
    };
    const stock = async (): Promise<StockBody> => {
      const res = await call('GET', `/api/connections/${env.connectionId}/stock`);
      expect(res.status).toBe(200);
      return res.body as unknown as StockBody;
    };

    it('shows each SKU before and after a push: quantity, why, when and accepted by Amazon', async () => {
      const before = await stock();
      expect(before.skus.length).toBeGreaterThan(0);
      expect(before.skus.every((s) => s.status === 'not_sent' && s.pushedAt === null)).toBe(true);
      expect((await call('POST', `/api/connections/${env.connectionId}/stock/push`)).status).toBe(200);
      const read = (await stock()).skus.filter((s) => s.storeAvailable !== null);
      expect(read.length).toBeGreaterThan(0);
      for (const s of read) {
        expect(s).toMatchObject({ status: 'accepted', changed: false, amazonMessage: null });
        expect(s.pushedQuantity).toBe(s.quantity);
        expect(s.pushedAt).toMatch(/Z$/);
        expect(s.reason).toMatch(/^store stock \d+ .*− buffer 1 = \d+/);
      }
    });

    it("shows Amazon's message when it rejects a SKU's quantity", async () => {
      const now = new Date().toISOString();
      const product = (await stock()).skus.find((s) => s.storeAvailable !== null)!.productRef;
      // A SKU OrderBridge learned from an order line but that has no listing on Amazon.
      await new StockRepository(env.app.storeSide.db).track(
        env.app.storeSide.db,
        env.connectionId,
        'NOT-LISTED-1',
        product,
        true,
        now,
      );
      await call('POST', `/api/connections/${env.connectionId}/stock/push`);
      const rejected = (await stock()).skus.find((s) => s.amazonSku === 'NOT-LISTED-1');
      expect(rejected?.status).toBe('rejected');
      expect(rejected?.amazonMessage).toBeTruthy();
    });

    it('warns when several Amazon SKUs sell as one store product (each gets its full stock)', async () => {
      const [first] = (await stock()).skus;
      const linked = await env.app.storeSideService.linkSku(
        env.app.accountId,
        env.connectionId,
        'SECOND-SPELLING',
        first!.productRef,
      );
      expect(linked.ok).toBe(true);
      const shared = (await stock()).sharedProducts;
      const group = shared.find((g) => g.product === first!.productRef);
      expect(group?.amazonSkus).toEqual(expect.arrayContaining([first!.amazonSku, 'SECOND-SPELLING']));
    });

    it("answers 404 for another account's or an unknown connection", async () => {
      expect((await call('GET', '/api/connections/nope/stock')).status).toBe(404);
    });

    it("shows the marketplace's VAT rate on order lines when Amazon's amounts match it to the cent", async () => {
      const orders = await env.app.orders.list(env.app.accountId, { limit: 10, offset: 0 });
      if (!orders.ok) throw orders.error;
      const details = await call('GET', `/api/orders/${orders.value.orders[0]!.id}`);
      const lines = details.body.lines as Array<{ kind: string; lineTax: string; displayTaxRate: unknown }>;
      const taxed = lines.filter((l) => l.kind === 'item' && Number(l.lineTax) !== 0);
      expect(taxed.length).toBeGreaterThan(0);
      for (const l of taxed) expect(l.displayTaxRate).toEqual({ percent: '19', source: 'marketplace' });
    });

    it('calls every operation of its tags', async () => {
      const doc = (await call('GET', '/openapi.json')).body as unknown as OpenApiDoc;
      const operations = operationsOf(doc, TAGS_BY_TEST['rest-stock.e2e.test.ts']);
      expect(operations.length).toBeGreaterThanOrEqual(1);
      for (const op of operations) expect(called, op).toContain(op);
    });
  },
  { isolation: 'file' },
);
