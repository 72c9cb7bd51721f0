import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/http-server.js';
import { newId } from '../../src/lib/ids.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { openStoreTestEnv, wooOrdersByAmazonId, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

type WooLine = { product_id: number; variation_id: number; sku: string; quantity: number };
type WooFee = { name: string };

/** Amazon lists an order only a few minutes after it was placed (or changed). */
const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();
const AMAZON_LISTING_DELAY_S = 5 * 60;

/**
 * A SKU link is checked against the store when it is made (by id, then by the Product
 * Identification Attribute) and again when an order is delivered: a linked line reaches the
 * WooCommerce store as a real product line that moves stock, never as a fee line.
 */
describeEachDatabase(
  'SKU links are checked against the store',
  (ctx) => {
    let env: StoreTestEnv;
    let server: FastifyInstance;
    const heldSku = 'kpw cover blk';
    const held: string[] = [];

    beforeAll(async () => {
      env = await openStoreTestEnv(ctx.url(), { seed: 5 });
      server = await buildHttpServer({ app: env.app, requestSync: () => Promise.resolve('job') });
      await authorize(server, env.app);
      for (const quantity of [1, 2]) {
        const order = env.amazon.sandbox.createOrder({
          createdTime: minutesAgo(30),
          salesChannel: { marketplaceId: DE },
          orderItems: [{ product: { sellerSku: heldSku }, quantityOrdered: quantity }],
        });
        held.push(order.orderId);
      }
      env.amazon.sandbox.advanceClock(AMAZON_LISTING_DELAY_S);
      await env.app.importOrders(env.connectionId, { trigger: 'manual' });
      await env.app.runStoreJobs();
    });
    afterAll(async () => {
      await server.close();
      await env.close();
    });

    const call = async (method: 'GET' | 'PUT', url: string, payload?: unknown) => {
      const res = await server.inject({ method, url, ...(payload !== undefined && { payload: payload as object }) });
      return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
    };
    const linkUrl = (sku: string) => `/api/connections/${env.connectionId}/sku-links/${encodeURIComponent(sku)}`;
    const statusOf = async (amazonOrderId: string) => {
      const d = await env.app.orders.details(env.app.accountId, amazonOrderId);
      if (!d.ok) throw d.error;
      return d.value;
    };

    it('refuses a link to something that is no store product and releases nothing', async () => {
      for (const id of held) expect((await statusOf(id)).order.status).toBe('held');
      const refused = await call('PUT', linkUrl(heldSku), { productRef: 'KPW-COVER-RED' });
      expect(refused.status).toBe(404);
      expect(refused.body.error).toMatchObject({
        code: 'sku_link_product_not_found',
        message: 'No product "KPW-COVER-RED" in store "shop" (looked up by id and by SKU)',
      });
      expect((await call('GET', `/api/connections/${env.connectionId}/sku-links`)).body.links).toEqual([]);
      await env.app.runStoreJobs();
      for (const id of held) expect((await statusOf(id)).order.status).toBe('held');
      expect(held.some((id) => wooOrdersByAmazonId(env.woo).has(id))).toBe(false);
    });

    it('offers store products by name or SKU to link', async () => {
      const url = `/api/connections/${env.connectionId}/store-products?search=`;
      const byName = await call('GET', `${url}paperwhite`);
      expect(byName.status).toBe(200);
      const product = env.woo.sandbox.getStock('KPW-COVER-BLK');
      expect(byName.body).toMatchObject({
        hasCatalog: true,
        products: [expect.objectContaining({ ref: String(product.productId), sku: 'KPW-COVER-BLK' })],
      });
      const bySku = await call('GET', `${url}kpw-cover`);
      expect((bySku.body.products as Array<{ sku: string }>).map((p) => p.sku)).toContain('KPW-COVER-BLK');
    });

    it('resolves a link by SKU to the product id; the store order gets a real product line and stock moves', async () => {
      const product = env.woo.sandbox.getStock('KPW-COVER-BLK');
      const stockBefore = product.stockQuantity ?? 0;
      const linked = await call('PUT', linkUrl(heldSku), { productRef: 'KPW-COVER-BLK' });
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({
        link: { amazonSku: heldSku, productRef: String(product.productId) },
        product: { ref: String(product.productId), sku: 'KPW-COVER-BLK' },
        note: null,
      });
      expect([...(linked.body.released as string[])].length).toBe(2);
      await env.app.runStoreJobs();
      const woo = wooOrdersByAmazonId(env.woo);
      let quantity = 0;
      for (const id of held) {
        const [order, ...more] = woo.get(id) ?? [];
        expect(more).toEqual([]);
        const lines = order?.line_items as WooLine[];
        expect(lines).toMatchObject([{ product_id: product.productId, sku: 'KPW-COVER-BLK' }]);
        expect((order?.fee_lines as WooFee[]).some((f) => f.name.includes(heldSku))).toBe(false);
        quantity += lines[0]?.quantity ?? 0;
        const ours = await statusOf(id);
        expect(ours.order.status).toBe('in_store');
        expect(ours.lines.find((l) => l.kind === 'item')?.productRef).toBe(String(product.productId));
      }
      expect(quantity).toBe(3);
      expect(env.woo.sandbox.getStock('KPW-COVER-BLK').stockQuantity).toBe(stockBefore - 3);
    });

    it('fails the delivery of a line whose link is no store product instead of sending a fee line', async () => {
      // A link saved before links were checked: it names a SKU where the store expects an id.
      const sku = 'echo dot charcoal old link';
      await env.app.db
        .insertInto('sku_links')
        .values({
          id: newId(),
          connection_id: env.connectionId,
          amazon_sku: sku,
          product_ref: 'ECHO-DOT-4-CHARCOAL',
          created_at: new Date().toISOString(),
        })
        .execute();
      const { orderId } = env.amazon.sandbox.createOrder({
        createdTime: minutesAgo(20),
        salesChannel: { marketplaceId: DE },
        orderItems: [{ product: { sellerSku: sku }, quantityOrdered: 1 }],
      });
      env.amazon.sandbox.advanceClock(AMAZON_LISTING_DELAY_S);
      await env.app.importOrders(env.connectionId, { trigger: 'manual' });
      await env.app.runStoreJobs();
      expect(wooOrdersByAmazonId(env.woo).has(orderId)).toBe(false);
      const attention = await env.app.storeSideService.needsAttention(env.app.accountId, 50);
      const failed = attention.find((o) => o.amazonOrderId === orderId);
      expect(failed?.errorMessage).toContain(`SKU "${sku}" is linked to "ECHO-DOT-4-CHARCOAL"`);
      expect(failed?.errorMessage).toContain('not a product in the store');
      expect(failed?.errorCode).toBe('sku_link_product_not_in_store');
      const line = (await statusOf(orderId)).lines.find((l) => l.kind === 'item');
      expect(line?.sellerSku).toBe(sku);
    });
  },
  { isolation: 'file' },
);

/** A hub-api store has no catalogue OrderBridge can read: a link is taken as the store's own ref, saying so. */
describeEachDatabase(
  'SKU links to a hub-api store',
  (ctx) => {
    let env: StoreTestEnv;

    beforeAll(async () => {
      env = await openStoreTestEnv(ctx.url(), {
        seed: 6,
        store: {
          platform: 'hub-api',
          baseUrl: 'https://erp.example',
          secrets: { apiKey: 'k'.repeat(32), webhookSecret: 's'.repeat(32) },
        },
      });
    });
    afterAll(() => env.close());

    it('accepts the ERP reference unchecked, with a note, and offers no product search', async () => {
      const svc = env.app.storeSideService;
      const linked = await svc.linkSku(env.app.accountId, env.connectionId, 'kpw cover blk', 'ERP-4711');
      if (!linked.ok) throw linked.error;
      expect(linked.value).toMatchObject({ link: { productRef: 'ERP-4711' }, product: null });
      expect(linked.value.note).toContain('Not checked');
      const search = await svc.searchStoreProducts(env.app.accountId, env.connectionId, 'kpw');
      expect(search.ok && search.value).toEqual({ products: [], hasCatalog: false });
    });
  },
  { isolation: 'file' },
);
