import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  linkCatalogueSpellingsTo,
  openStoreTestEnv,
  shopifyOrdersByAmazonId,
  shopifyRefOf,
  type ShopifyStoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';
import {
  seeded,
  sleep,
  startDelayProxy,
  type DelayProxy,
  type ProxiedAnswer,
  type ProxiedRequest,
} from './support/delay-proxy.js';
import { bundleStoreWorker } from './support/store-worker-process.js';
import type { NodeBundle } from '../helpers/node-bundle.js';
import { workerKillLoop, type WorkerKillLoop } from './support/worker-kill-loop.js';

/**
 * store-crash.e2e.test.ts for Shopify: a child process delivers to the Shopify sandbox and confirms
 * Shopify fulfilments on Amazon, SIGKILLed at seeded random moments and, on purpose, right after
 * Shopify saved an order (or Amazon a shipment) and before the answer reached the process — the
 * "Shopify saved it, OrderBridge not yet" window; the sandbox also drops some orderCreate answers
 * itself (lost responses) and answers some requests with 5xx. Through all of it: one Shopify order
 * per Amazon order (by its custom attributes and by its unique metafield) and one shipment
 * confirmation per fulfilment, counted in the sandboxes' own state.
 */

const ORDERS = 16;
const SHIPPED = 8;
/** Random kills, then kills placed right after a saved answer (orderCreate / confirmShipment). */
const KILLS = { delivery: 4, deliveryWindow: 3, writeBack: 2, writeBackWindow: 2 };
const AMAZON_ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/;

let bundle: NodeBundle;
beforeAll(async () => {
  bundle = await bundleStoreWorker('store-crash-shopify');
});
afterAll(() => bundle.remove());

/** A kill placed right after the store or Amazon saved something for `amazonOrderId`. */
interface WindowKill {
  amazonOrderId: string;
  /** What OrderBridge had recorded for that order when the process was dead. */
  recorded: boolean;
  /** The store / Amazon had it saved at that moment. */
  saved: boolean;
}

describeEachDatabase(
  'Shopify store side survives kill -9',
  (ctx) => {
    let env: ShopifyStoreTestEnv;
    let amazonProxy: DelayProxy;
    let shopifyProxy: DelayProxy;
    let loop: WorkerKillLoop;
    const random = seeded(ctx.dialect === 'sqlite' ? 5151 : 1515);

    beforeEach(async () => {
      loop = workerKillLoop({ bundle, databaseUrl: ctx.url(), db: ctx.getDb(), random });
      env = await openStoreTestEnv(ctx.url(), {
        platform: 'shopify',
        seed: 21,
        shopify: { seed: 21, searchIndexLagMs: 50, restoreRate: 1000 },
        shopifyBaseUrl: async (url) => (shopifyProxy = await startDelayProxy(url, random)).url,
        amazonBaseUrl: async (url) => (amazonProxy = await startDelayProxy(url, random)).url,
        config: { defaultShippingService: 'Other' },
      });
      // Lower-case SKU spellings have no Shopify variant of that SKU: link them up front.
      await linkCatalogueSpellingsTo(env.app, env.connectionId, (sku) => shopifyRefOf(env.shopify, sku));
    });
    afterEach(async () => {
      await loop.stop();
      await env.close();
      await amazonProxy.close();
      await shopifyProxy.close();
    });

    const count = async (query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
      Number((await query)?.n ?? 0);

    /** OrderBridge's record of the order: created in the store, and its confirmed shipments. */
    async function recordOf(amazonOrderId: string): Promise<{ created: boolean; confirmed: number }> {
      const db = ctx.getDb();
      const row = await db
        .selectFrom('orders')
        .select(['id', 'store_state'])
        .where('amazon_order_id', '=', amazonOrderId)
        .executeTakeFirst();
      const confirmed = await count(
        db
          .selectFrom('shipments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('order_id', '=', row?.id ?? '')
          .where('state', '=', 'confirmed')
          .executeTakeFirst(),
      );
      return { created: row?.store_state === 'created', confirmed };
    }

    /**
     * Kills the running worker when `proxy` passes on an answer `saved` recognises (the target has
     * committed, the worker has not heard), at most `max` times, and records what was saved and
     * what OrderBridge had recorded while the worker was dead.
     */
    function killOnSavedAnswer(
      proxy: DelayProxy,
      max: number,
      saved: (request: ProxiedRequest, answer: ProxiedAnswer) => string | null,
      check: (amazonOrderId: string) => Promise<{ saved: boolean; recorded: boolean }>,
    ): WindowKill[] {
      const kills: WindowKill[] = [];
      let seen = 0;
      proxy.onAnswer = async (request, answer) => {
        const amazonOrderId = saved(request, answer);
        const victim = loop.current;
        if (amazonOrderId === null || !victim?.alive || kills.length >= max) return;
        // Every third saved answer, so the kills fall at different points of the run.
        if ((seen += 1) % 3 !== 1) return;
        victim.kill('SIGKILL');
        await victim.exited;
        kills.push({ amazonOrderId, ...(await check(amazonOrderId)) });
        await sleep(20); // the proxy sees the closed connection: the answer is lost
      };
      return kills;
    }

    it(
      `delivers ${ORDERS} orders and confirms ${SHIPPED} fulfilments exactly once through repeated kills`,
      { timeout: 90_000 },
      async () => {
        const { amazon, shopify, app } = env;
        const db = ctx.getDb();
        const ids = amazon.sandbox.generateOrders({
          count: ORDERS,
          marketplaceId: DE,
          fulfillment: 'MFN',
          statuses: { UNSHIPPED: 1 },
        });
        const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
        if (!imported.ok) throw imported.error;

        // ── Part 1: delivery. Shopify also drops some orderCreate answers itself and fails some calls.
        const deliveryStarted = Date.now();
        shopifyProxy.delays = { before: [1, 8], after: [5, 40] };
        amazonProxy.delays = { before: [1, 8], after: [5, 30] };
        shopify.sandbox.setFaults({ lostResponseRate: 0.15, serverErrorRate: 0.05 });
        const created = (): Promise<number> =>
          count(
            db
              .selectFrom('orders')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('store_state', '=', 'created')
              .executeTakeFirst(),
          );
        const orderWindow = killOnSavedAnswer(
          shopifyProxy,
          KILLS.deliveryWindow,
          (request, answer) => {
            const text = request.body.toString();
            if (!/\borderCreate\s*\(/.test(text)) return null;
            const saved = parsed(answer)?.data?.orderCreate?.order?.id;
            return typeof saved === 'string' ? (AMAZON_ORDER_ID.exec(text)?.[0] ?? null) : null;
          },
          async (id) => ({
            saved: shopify.sandbox.ordersByAmazonOrderId(id).length === 1,
            recorded: (await recordOf(id)).created,
          }),
        );
        const delivery = await loop.run({
          randomKills: KILLS.delivery,
          killAfter: [300, 1200],
          windowKills: () => KILLS.deliveryWindow - orderWindow.length,
          done: async () => (await created()) === ORDERS,
        });
        shopifyProxy.onAnswer = null;
        const deliveryMs = Date.now() - deliveryStarted;

        // The window was hit: Shopify had saved orders whose creating process died before recording them.
        expect(orderWindow).toHaveLength(KILLS.deliveryWindow);
        expect(orderWindow.every((k) => k.saved && !k.recorded)).toBe(true);
        const stats = shopify.sandbox.statsSnapshot();
        expect(stats.ordersCreated).toBe(ORDERS);
        expect(stats.lostResponses).toBeGreaterThan(0);
        const byAmazonId = shopifyOrdersByAmazonId(shopify);
        expect(byAmazonId.size).toBe(ORDERS);
        const rows = await db
          .selectFrom('orders')
          .select(['amazon_order_id', 'store_state', 'store_order_ref'])
          .execute();
        expect(rows).toHaveLength(ORDERS);
        for (const id of ids) {
          // By the unique metafield AND by the custom attributes (a second order would show here).
          const orders = shopify.sandbox.ordersByAmazonOrderId(id);
          expect(
            orders.map((o) => o.id),
            `Shopify orders of ${id}`,
          ).toHaveLength(1);
          expect(byAmazonId.get(id)?.map((o) => o.id)).toEqual(orders.map((o) => o.id));
          expect(orders[0]?.amazonOrderId).toBe(id);
          expect(orders[0]?.lineItems.length, id).toBeGreaterThan(0);
          const row = rows.find((r) => r.amazon_order_id === id);
          expect(row?.store_state, id).toBe('created');
          expect([orders[0]?.id, orders[0]?.legacyId]).toContain(row?.store_order_ref);
        }

        // ── Part 2: the merchant fulfils half of them; the reconciliation poll records the fulfilments.
        shopify.sandbox.setFaults({});
        shopifyProxy.delays = null;
        amazonProxy.delays = null;
        const shipped = ids.slice(0, SHIPPED);
        const tracking = new Map<string, string>();
        shipped.forEach((id, i) => {
          const trackingNumber = `KX-${String(1000 + i)}`;
          tracking.set(id, trackingNumber);
          shopify.sandbox.fulfillOrder({
            orderId: byAmazonId.get(id)?.[0]?.id ?? '',
            trackingCompany: i % 2 ? 'Kangaroo Express' : 'DHL Express',
            trackingNumber,
          });
        });
        const recordedShipments = (): Promise<number> =>
          count(
            db
              .selectFrom('shipments')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirst(),
          );
        const pollUntil = Date.now() + 10_000;
        while ((await recordedShipments()) < SHIPPED && Date.now() < pollUntil) {
          const polled = await app.storeSideService.pollStore(app.accountId, env.storeId);
          if (!polled.ok) throw polled.error;
          await sleep(60);
        }
        expect(await recordedShipments()).toBe(SHIPPED);

        // confirmShipment answers slowly; kills also land right after Amazon saved a package.
        const writeBackStarted = Date.now();
        shopifyProxy.delays = { before: [1, 8], after: [5, 40] };
        amazonProxy.delays = { before: [5, 30], after: [100, 300] };
        const confirmed = (): Promise<number> =>
          count(
            db
              .selectFrom('shipments')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('state', '=', 'confirmed')
              .executeTakeFirst(),
          );
        const shipmentWindow = killOnSavedAnswer(
          amazonProxy,
          KILLS.writeBackWindow,
          (request, answer) =>
            request.url.includes('/shipmentConfirmation') && answer.status === 204
              ? (AMAZON_ORDER_ID.exec(request.url)?.[0] ?? null)
              : null,
          async (id) => ({
            saved: (amazon.sandbox.getOrder(id).packages ?? []).length === 1,
            recorded: (await recordOf(id)).confirmed > 0,
          }),
        );
        const writeBack = await loop.run({
          randomKills: KILLS.writeBack,
          killAfter: [200, 800],
          windowKills: () => KILLS.writeBackWindow - shipmentWindow.length,
          done: async () => (await confirmed()) === SHIPPED,
        });
        amazonProxy.onAnswer = null;
        const writeBackMs = Date.now() - writeBackStarted;

        expect(shipmentWindow.length).toBeGreaterThanOrEqual(1);
        expect(shipmentWindow.every((k) => k.saved && !k.recorded)).toBe(true);
        for (const id of ids) {
          const packages = amazon.sandbox.getOrder(id).packages ?? [];
          if (!tracking.has(id)) {
            expect(packages, id).toHaveLength(0);
            continue;
          }
          expect(
            packages.map((p) => [p.packageReferenceId, p.trackingNumber]),
            `packages of ${id}`,
          ).toEqual([['1', tracking.get(id)]]);
          const details = await app.orders.details(app.accountId, id);
          if (!details.ok) throw details.error;
          expect(
            details.value.timeline.filter((e) => e.kind === 'amazon.shipment_confirmed'),
            id,
          ).toHaveLength(1);
        }
        expect(amazon.sandbox.getOrder(shipped[1]!).packages?.[0]?.carrier).toBe('Kangaroo Express');
        expect(await confirmed()).toBe(SHIPPED);
        // Still one Shopify order each: nothing in the write-back touched orders.
        expect(shopify.sandbox.statsSnapshot().ordersCreated).toBe(ORDERS);
        expect([...shopifyOrdersByAmazonId(shopify).values()].every((o) => o.length === 1)).toBe(true);

        console.info(
          `[store-crash-shopify ${ctx.dialect}] delivery ${deliveryMs} ms ${JSON.stringify({
            ...delivery,
            windowKills: orderWindow.length,
            lostResponses: stats.lostResponses,
            serverErrors: stats.serverErrors,
          })}; write-back ${writeBackMs} ms ${JSON.stringify({ ...writeBack, windowKills: shipmentWindow.length })}`,
        );
      },
    );
  },
  { isolation: 'test' },
);

function parsed(answer: ProxiedAnswer): { data?: { orderCreate?: { order?: { id?: unknown } } } } | null {
  try {
    return JSON.parse(answer.body.toString()) as { data?: { orderCreate?: { order?: { id?: unknown } } } };
  } catch {
    return null;
  }
}
