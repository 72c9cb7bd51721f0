import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/sandbox/amazon/product-catalog.js';
import { describeEachDatabase } from '../helpers/databases.js';
import {
  linkCatalogueSpellingsTo,
  magentoOrdersByAmazonId,
  magentoRefOf,
  openStoreTestEnv,
  type MagentoStoreTestEnv,
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
import { workerKillLoop, type WorkerKillLoop } from './support/worker-kill-loop.js';
import type { NodeBundle } from '../helpers/node-bundle.js';

/**
 * store-crash.e2e.test.ts for Magento 2: a child process delivers to the Magento sandbox (direct
 * order save, then the stock OrderBridge deducts for it) and confirms Magento shipments on Amazon,
 * SIGKILLed at seeded random moments and, on purpose, right after Magento saved an order
 * (`POST /V1/orders` answered with the saved order) or Amazon a shipment confirmation, before the
 * answer reached the process. Magento also loses some write answers itself (saved, then the
 * socket dies) and answers some requests with 5xx. Through all of it: one Magento order per
 * Amazon order, each product's stock deducted once, and one shipment confirmation per shipment,
 * counted in the sandboxes' own state.
 */

const ORDERS = 16;
const SHIPPED = 8;
/**
 * Random kills, then kills placed right after a saved answer: Magento saved an order
 * (POST /V1/orders) or a stock deduction (PUT /V1/products/{sku}), Amazon a shipment confirmation.
 */
const KILLS = { delivery: 3, orderWindow: 2, stockWindow: 1, writeBack: 1, writeBackWindow: 2 };
const AMAZON_ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/;
/** Magento's direct order save (not the order lookup, which is a GET with searchCriteria). */
const ORDER_SAVE = /\/rest\/[^/]+\/V1\/orders\/?$/;
/** A product save: the stock deduction with its ledger entry (the `default` source). */
const PRODUCT_SAVE = /\/rest\/[^/]+\/V1\/products\/([^/?]+)$/;
const STOCK_LOG = 'orderbridge_stock_log';

let bundle: NodeBundle;
beforeAll(async () => {
  bundle = await bundleStoreWorker('store-crash-magento2');
});
afterAll(() => bundle.remove());

/** What was saved when a window kill was placed, and for which Amazon order. */
interface Saved {
  kind: 'order' | 'stock' | 'shipment';
  amazonOrderId: string;
  /** The stock deduction's ledger key and SKU (kind 'stock'). */
  key?: string;
  sku?: string;
}

/** A kill placed right after the store or Amazon saved something for `amazonOrderId`. */
interface WindowKill extends Saved {
  /** What OrderBridge had recorded for that order when the process was dead. */
  recorded: boolean;
  /** The store / Amazon had it saved at that moment. */
  saved: boolean;
}

describeEachDatabase(
  'Magento 2 store side survives kill -9',
  (ctx) => {
    let env: MagentoStoreTestEnv;
    let amazonProxy: DelayProxy;
    let magentoProxy: DelayProxy;
    let loop: WorkerKillLoop;
    const random = seeded(ctx.dialect === 'sqlite' ? 6262 : 2626);

    beforeEach(async () => {
      loop = workerKillLoop({ bundle, databaseUrl: ctx.url(), db: ctx.getDb(), random });
      env = await openStoreTestEnv(ctx.url(), {
        platform: 'magento2',
        seed: 21,
        magento: { seed: 21 },
        magentoBaseUrl: async (url) => (magentoProxy = await startDelayProxy(url, random)).url,
        amazonBaseUrl: async (url) => (amazonProxy = await startDelayProxy(url, random)).url,
        config: { defaultShippingService: 'Other' },
      });
      // Lower-case SKU spellings name no Magento SKU: link them up front.
      await linkCatalogueSpellingsTo(env.app, env.connectionId, (sku) => magentoRefOf(env.magento, sku));
    });
    afterEach(async () => {
      await loop.stop();
      await env.close();
      await amazonProxy.close();
      await magentoProxy.close();
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
     * committed, the worker has not heard), at most `max[kind]` times per kind, and records what
     * was saved and what OrderBridge had recorded while the worker was dead.
     */
    function killOnSavedAnswer(
      proxy: DelayProxy,
      max: Partial<Record<Saved['kind'], number>>,
      saved: (request: ProxiedRequest, answer: ProxiedAnswer) => Saved | null,
      check: (what: Saved) => Promise<{ saved: boolean; recorded: boolean }>,
    ): WindowKill[] {
      const kills: WindowKill[] = [];
      const seen = new Map<string, number>();
      proxy.onAnswer = async (request, answer) => {
        const what = saved(request, answer);
        const victim = loop.current;
        if (what === null || !victim?.alive) return;
        if (kills.filter((k) => k.kind === what.kind).length >= (max[what.kind] ?? 0)) return;
        // Every third saved answer of a kind, so the kills fall at different points of the run.
        const n = (seen.get(what.kind) ?? 0) + 1;
        seen.set(what.kind, n);
        if (n % 3 !== 1) return;
        victim.kill('SIGKILL');
        await victim.exited;
        kills.push({ ...what, ...(await check(what)) });
        await sleep(20); // the proxy sees the closed connection: the answer is lost
      };
      return kills;
    }

    it(
      `delivers ${ORDERS} orders (stock deducted once) and confirms ${SHIPPED} shipments exactly once through repeated kills`,
      { timeout: 120_000 },
      async () => {
        const { amazon, magento, app } = env;
        const db = ctx.getDb();
        const initialStock = new Map(
          PRODUCTS.filter((p) => magento.sandbox.productBySku(p.sku)).map((p) => [
            p.sku,
            magento.sandbox.getStock(p.sku),
          ]),
        );
        const ids = amazon.sandbox.generateOrders({
          count: ORDERS,
          marketplaceId: DE,
          fulfillment: 'MFN',
          statuses: { UNSHIPPED: 1 },
        });
        const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
        if (!imported.ok) throw imported.error;

        // ── Part 1: delivery. Magento also loses some write answers itself and fails some calls.
        const deliveryStarted = Date.now();
        magentoProxy.delays = { before: [1, 8], after: [5, 40] };
        amazonProxy.delays = { before: [1, 8], after: [5, 30] };
        magento.sandbox.setFaults({ seed: 21, lostResponseRate: 0.15, serverErrorRate: 0.05 });
        const created = (): Promise<number> =>
          count(
            db
              .selectFrom('orders')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('store_state', '=', 'created')
              .executeTakeFirst(),
          );
        const amazonIdOf = new Map(
          (await db.selectFrom('orders').select(['id', 'amazon_order_id']).execute()).map((r) => [
            r.id,
            r.amazon_order_id,
          ]),
        );
        const deliveryWindow = killOnSavedAnswer(
          magentoProxy,
          { order: KILLS.orderWindow, stock: KILLS.stockWindow },
          (request, answer) => {
            if (answer.status !== 200) return null;
            if (request.method === 'POST' && ORDER_SAVE.test(request.url)) {
              const saved = parsedJson(answer.body) as { entity_id?: unknown } | null;
              const sent = parsedJson(request.body) as { entity?: { ext_order_id?: unknown } } | null;
              const id = sent?.entity?.ext_order_id;
              return typeof saved?.entity_id === 'number' && typeof id === 'string' && AMAZON_ORDER_ID.test(id)
                ? { kind: 'order', amazonOrderId: id }
                : null;
            }
            const sku = request.method === 'PUT' ? PRODUCT_SAVE.exec(request.url)?.[1] : undefined;
            const entry = sku === undefined ? undefined : deductionIn(request.body);
            // The key names the Amazon order (`amazon:<id>:<item>:order`) or OrderBridge's order id.
            const amazonOrderId = entry
              ? (AMAZON_ORDER_ID.exec(entry)?.[0] ?? amazonIdOf.get(entry.split(':')[0] ?? ''))
              : undefined;
            return amazonOrderId && sku && entry
              ? { kind: 'stock', amazonOrderId, key: entry, sku: decodeURIComponent(sku) }
              : null;
          },
          async (what) => ({
            saved:
              what.kind === 'order'
                ? magento.sandbox.ordersByExtOrderId(what.amazonOrderId).length === 1
                : (magento.sandbox.customAttribute(what.sku ?? '', STOCK_LOG) ?? '').includes(`"${what.key ?? ''}"`),
            recorded: (await recordOf(what.amazonOrderId)).created,
          }),
        );
        const delivery = await loop.run({
          randomKills: KILLS.delivery,
          killAfter: [300, 1200],
          windowKills: () => KILLS.orderWindow + KILLS.stockWindow - deliveryWindow.length,
          done: async () => (await created()) === ORDERS,
        });
        magentoProxy.onAnswer = null;
        const deliveryMs = Date.now() - deliveryStarted;

        // The windows were hit: Magento had saved orders (and stock deductions) whose process died
        // before recording them.
        expect(deliveryWindow.filter((k) => k.kind === 'order')).toHaveLength(KILLS.orderWindow);
        expect(deliveryWindow.filter((k) => k.kind === 'stock')).toHaveLength(KILLS.stockWindow);
        expect(deliveryWindow.every((k) => k.saved && !k.recorded)).toBe(true);
        const stats = magento.sandbox.statsSnapshot();
        expect(stats.ordersCreated).toBe(ORDERS);
        expect(stats.lostResponses).toBeGreaterThan(0);
        expect(stats.serverErrors).toBeGreaterThan(0);
        const byAmazonId = magentoOrdersByAmazonId(magento);
        expect(byAmazonId.size).toBe(ORDERS);
        const rows = await db
          .selectFrom('orders')
          .select(['amazon_order_id', 'store_state', 'store_order_ref'])
          .execute();
        expect(rows).toHaveLength(ORDERS);
        for (const id of ids) {
          // By ext_order_id AND by the Amazon id in the payment's additional information.
          const orders = magento.sandbox.ordersByExtOrderId(id);
          expect(
            orders.map((o) => o.entity_id),
            `Magento orders of ${id}`,
          ).toHaveLength(1);
          expect(byAmazonId.get(id)?.map((o) => o.entity_id)).toEqual(orders.map((o) => o.entity_id));
          expect(orders[0]?.increment_id).toBe(`AMZ-${id}`);
          expect(orders[0]?.items.length, id).toBeGreaterThan(0);
          const row = rows.find((r) => r.amazon_order_id === id);
          expect(row?.store_state, id).toBe('created');
          expect(row?.store_order_ref).toBe(String(orders[0]?.entity_id));
        }
        // Each product's source quantity went down by what was ordered of it, once.
        const ordered = new Map<string, number>();
        for (const order of magento.sandbox.listOrders()) {
          for (const item of order.items)
            ordered.set(item.sku, (ordered.get(item.sku) ?? 0) + Number(item.qty_ordered));
        }
        const stock = new Map([...initialStock.keys()].map((sku) => [sku, magento.sandbox.getStock(sku)]));
        expect(stock).toEqual(new Map([...initialStock].map(([sku, qty]) => [sku, qty - (ordered.get(sku) ?? 0)])));

        // ── Part 2: the merchant ships half of them; the store poll records the shipments.
        magento.sandbox.setFaults({});
        magentoProxy.delays = null;
        amazonProxy.delays = null;
        const shipped = ids.slice(0, SHIPPED);
        const tracking = new Map<string, string>();
        shipped.forEach((id, i) => {
          const trackNumber = `KX-${String(1000 + i)}`;
          tracking.set(id, trackNumber);
          magento.sandbox.shipOrder({
            orderId: Number(byAmazonId.get(id)?.[0]?.entity_id),
            trackNumber,
            ...(i % 2 ? { carrierCode: 'custom', title: 'Kangaroo Express' } : { carrierCode: 'dhl', title: 'DHL' }),
          });
        });
        // MSI's shipment deducts the source once more and places a +q reservation (these orders never
        // reserved): what Magento can sell — and Amazon gets — stays initial − ordered.
        for (const [sku, qty] of initialStock)
          expect(magento.sandbox.salableQuantity(sku), sku).toBe(Math.max(0, qty - (ordered.get(sku) ?? 0)));
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
        magentoProxy.delays = { before: [1, 8], after: [5, 40] };
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
          { shipment: KILLS.writeBackWindow },
          (request, answer) => {
            const id = AMAZON_ORDER_ID.exec(request.url)?.[0];
            return request.url.includes('/shipmentConfirmation') && answer.status === 204 && id
              ? { kind: 'shipment', amazonOrderId: id }
              : null;
          },
          async ({ amazonOrderId }) => ({
            saved: (amazon.sandbox.getOrder(amazonOrderId).packages ?? []).length === 1,
            recorded: (await recordOf(amazonOrderId)).confirmed > 0,
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
        expect(amazon.sandbox.getOrder(shipped[0]!).packages?.[0]?.carrier).toBe('DHL');
        expect(await confirmed()).toBe(SHIPPED);
        // Still one Magento order each: nothing in the write-back touched orders.
        expect(magento.sandbox.statsSnapshot()).toMatchObject({ ordersCreated: ORDERS, schemaViolations: 0 });
        expect([...magentoOrdersByAmazonId(magento).values()].every((o) => o.length === 1)).toBe(true);

        console.info(
          `[store-crash-magento2 ${ctx.dialect}] delivery ${deliveryMs} ms ${JSON.stringify({
            ...delivery,
            windowKills: deliveryWindow.length,
            lostResponses: stats.lostResponses,
            serverErrors: stats.serverErrors,
          })}; write-back ${writeBackMs} ms ${JSON.stringify({ ...writeBack, windowKills: shipmentWindow.length })}`,
        );
      },
    );
  },
  { isolation: 'test' },
);

/** The ledger key a product save marks done last (the deduction it applies), if any. */
function deductionIn(body: Buffer): string | undefined {
  const sent = parsedJson(body) as {
    product?: { custom_attributes?: { attribute_code?: string; value?: unknown }[] };
  } | null;
  const log = sent?.product?.custom_attributes?.find((a) => a.attribute_code === STOCK_LOG)?.value;
  if (typeof log !== 'string') return undefined;
  const entries = parsedJson(Buffer.from(log)) as { k?: string; s?: string }[] | null;
  const last = Array.isArray(entries) ? entries.at(-1) : undefined;
  return last?.s === 'done' && last.k?.endsWith(':order') ? last.k : undefined;
}

function parsedJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString()) as unknown;
  } catch {
    return null;
  }
}
