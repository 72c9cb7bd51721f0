import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import {
  SANDBOX_CONSUMER_KEY,
  SANDBOX_CONSUMER_SECRET,
  startWooSandbox,
  type StartedWooSandbox,
} from '../../src/sandbox/woocommerce/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { linkCatalogueSpellings, SANDBOX_SKU_CROP, wooOrdersByAmazonId } from '../helpers/store-test-env.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';
import { seeded, sleep, startDelayProxy, type DelayProxy, type Range } from './support/delay-proxy.js';
import { bundleStoreWorker, startStoreWorker, type StoreWorker } from './support/store-worker-process.js';
import type { NodeBundle } from '../helpers/node-bundle.js';

/**
 * "Killing the worker during delivery or write-back never creates a second store order or a second
 * shipment confirmation" (PRODUCT.md §6, ARCHITECTURE.md "Jobs"). A child process runs the store-side
 * jobs against the Amazon and WooCommerce sandboxes (behind slow proxies, so kills land inside HTTP
 * calls and between a call's commit and its answer) and is SIGKILLed at seeded random moments, then
 * restarted, until the work is done. Everything is counted in the sandboxes' own state.
 */

const ORDERS = 30;
const SHIPPED = 15;
const MAX_KILLS = { delivery: 8, writeBack: 6 };

let bundle: NodeBundle;
beforeAll(async () => {
  bundle = await bundleStoreWorker('store-crash');
});
afterAll(() => bundle.remove());

const startChild = (database: string): StoreWorker => startStoreWorker(bundle, database);

interface KillRecord {
  /** Jobs the killed process held as running (it died inside them). */
  runningJobs: number;
  /** HTTP calls to a sandbox in flight at the kill. */
  callsInFlight: number;
  /** Work the sandbox committed that OrderBridge had not recorded (the dangerous window). */
  unrecorded: number;
}

describeEachDatabase(
  'store side survives kill -9',
  (ctx) => {
    let amazon: StartedAmazonSandbox;
    let woo: StartedWooSandbox;
    let amazonProxy: DelayProxy;
    let wooProxy: DelayProxy;
    let app: App;
    let storeId: string;
    let connectionId: string;
    const random = seeded(ctx.dialect === 'sqlite' ? 4242 : 2424);

    beforeEach(async () => {
      amazon = await startAmazonSandbox({ seed: 21, rateScale: 1000 });
      woo = await startWooSandbox({ seed: 21 });
      amazonProxy = await startDelayProxy(amazon.url, random);
      wooProxy = await startDelayProxy(woo.url, random);
      app = await openTestApp(ctx.url());
      const store = await app.stores.add(
        app.accountId,
        {
          name: 'shop',
          platform: 'woocommerce',
          baseUrl: wooProxy.url,
          secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET },
        },
        'test',
      );
      if (!store.ok) throw store.error;
      storeId = store.value.id;
      const connection = await addSandboxConnection(
        app,
        { ...amazon, url: amazonProxy.url },
        {
          config: {
            orderTypes: ['MFN'],
            skuCrop: SANDBOX_SKU_CROP,
            defaultShippingService: 'Other',
            carrierMapping: { 'dhl-de': 'DHL' },
          },
        },
      );
      connectionId = connection.id;
      const linked = await app.connections.update(app.accountId, connectionId, { store: 'shop' }, 'test');
      if (!linked.ok) throw linked.error;
      // Lower-case SKU spellings have no store product: link them up front.
      await linkCatalogueSpellings(app, woo, connectionId);
    });
    afterEach(async () => {
      await app.close();
      await amazonProxy.close();
      await wooProxy.close();
      await woo.close();
      await amazon.close();
    });

    const count = async (query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> =>
      Number((await query)?.n ?? 0);

    /**
     * Starts the worker, SIGKILLs it `killAfter` ms after it is ready, restarts it — up to `maxKills`
     * times or until `done` — then lets one last worker finish and stops it gracefully.
     */
    async function killAndRestart(options: {
      maxKills: number;
      killAfter: Range;
      done: () => Promise<boolean>;
      unrecorded: () => Promise<number>;
    }): Promise<KillRecord[]> {
      const kills: KillRecord[] = [];
      const db = ctx.getDb();
      while (kills.length < options.maxKills && !(await options.done())) {
        const child = startChild(ctx.url());
        await child.ready;
        await sleep(options.killAfter[0] + Math.floor(random() * (options.killAfter[1] - options.killAfter[0])));
        const callsInFlight = amazonProxy.inFlight + wooProxy.inFlight;
        child.kill('SIGKILL');
        await child.exited;
        const runningJobs = await count(
          db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('locked_by', '=', child.workerId)
            .where('state', '=', 'running')
            .executeTakeFirst(),
        );
        kills.push({ runningJobs, callsInFlight, unrecorded: await options.unrecorded() });
      }
      const last = startChild(ctx.url());
      await last.ready;
      const until = Date.now() + 30_000;
      while (!(await options.done())) {
        if (Date.now() > until) {
          const jobs = await db
            .selectFrom('jobs')
            .select(['name', 'state', 'attempts', 'last_error', 'run_at', 'locked_by'])
            .execute();
          const orders = await db.selectFrom('orders').select(['store_state', 'status', 'hold_reason']).execute();
          last.kill('SIGKILL');
          throw new Error(
            `the last worker did not finish the work in 30 s: ${JSON.stringify({ jobs, orders, kills })}`,
          );
        }
        await sleep(100);
      }
      last.kill('SIGTERM');
      await last.exited;
      return kills;
    }

    const summary = (kills: KillRecord[]) => ({
      kills: kills.length,
      insideJobs: kills.filter((k) => k.runningJobs > 0).length,
      insideCalls: kills.filter((k) => k.callsInFlight > 0).length,
      committedNotRecorded: kills.filter((k) => k.unrecorded > 0).length,
      answersLost: amazonProxy.answersLost + wooProxy.answersLost,
    });

    it(
      `delivers ${ORDERS} orders and confirms ${SHIPPED} shipments exactly once through repeated kills`,
      { timeout: 120_000 },
      async () => {
        const db = ctx.getDb();
        const ids = amazon.sandbox.generateOrders({
          count: ORDERS,
          marketplaceId: DE,
          fulfillment: 'MFN',
          statuses: { UNSHIPPED: 1 },
        });
        const imported = await app.importOrders(connectionId, { trigger: 'manual' });
        if (!imported.ok) throw imported.error;
        const queued = await count(
          db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('name', '=', 'orders.deliver')
            .where('state', '=', 'queued')
            .executeTakeFirst(),
        );
        expect(queued).toBe(ORDERS);

        // ── Part 1: delivery. Three order POSTs also lose their answer (committed, connection dropped).
        const deliveryStarted = Date.now();
        wooProxy.delays = { before: [1, 8], after: [5, 40] };
        amazonProxy.delays = { before: [1, 8], after: [5, 40] };
        woo.sandbox.setFaults({ loseOrderCreateResponses: 3 });
        const created = (): Promise<number> =>
          count(
            db
              .selectFrom('orders')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('store_state', '=', 'created')
              .executeTakeFirst(),
          );
        const delivery = await killAndRestart({
          maxKills: MAX_KILLS.delivery,
          killAfter: [150, 700],
          done: async () => (await created()) === ORDERS,
          // Store orders that exist while OrderBridge has not recorded them as created.
          unrecorded: async () => wooOrdersByAmazonId(woo).size - (await created()),
        });
        const deliveryStats = summary(delivery);
        const deliveryMs = Date.now() - deliveryStarted;

        const byAmazonId = wooOrdersByAmazonId(woo);
        expect(byAmazonId.size).toBe(ORDERS);
        for (const id of ids) {
          const storeOrders = byAmazonId.get(id) ?? [];
          expect(
            storeOrders.map((o) => o.id),
            `store orders of ${id}`,
          ).toHaveLength(1);
          // Finished, not a half-made `pending` order left behind by a kill.
          expect(storeOrders[0]?.status, id).toBe('processing');
        }
        expect(woo.sandbox.statsSnapshot().ordersCreated).toBe(ORDERS);
        expect(woo.sandbox.statsSnapshot().responsesLost).toBe(3);
        const rows = await db
          .selectFrom('orders')
          .select(['amazon_order_id', 'store_state', 'store_order_ref'])
          .execute();
        expect(rows).toHaveLength(ORDERS);
        for (const row of rows) {
          expect(row.store_state, row.amazon_order_id).toBe('created');
          expect(row.store_order_ref).toBe(String(byAmazonId.get(row.amazon_order_id)?.[0]?.id));
        }
        expect(deliveryStats.insideJobs).toBeGreaterThanOrEqual(3);

        // ── Part 2: the store ships half of them; one poll records the shipments and queues their jobs.
        wooProxy.delays = null;
        amazonProxy.delays = null;
        woo.sandbox.setFaults({});
        amazonProxy.answersLost = 0;
        wooProxy.answersLost = 0;
        const shipped = ids.slice(0, SHIPPED);
        const tracking = new Map<string, string>();
        shipped.forEach((id, i) => {
          const orderId = byAmazonId.get(id)?.[0]?.id ?? 0;
          const trackingNumber = i % 2 ? `SP-${1000 + i}` : `003404341612${String(i).padStart(8, '0')}`;
          tracking.set(id, trackingNumber);
          if (i % 2) woo.sandbox.shipOrder({ orderId, customProvider: 'Speedy Parcel', trackingNumber });
          else woo.sandbox.shipOrder({ orderId, provider: 'dhl-de', trackingNumber });
        });
        const polled = await app.storeSideService.pollStore(app.accountId, storeId);
        if (!polled.ok) throw polled.error;
        expect(polled.value.shipments).toBe(SHIPPED);

        const writeBackStarted = Date.now();
        wooProxy.delays = { before: [1, 8], after: [5, 40] };
        // confirmShipment answers slowly: the package exists on Amazon well before OrderBridge hears so.
        amazonProxy.delays = { before: [5, 30], after: [100, 300] };
        const confirmed = (): Promise<number> =>
          count(
            db
              .selectFrom('shipments')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('state', '=', 'confirmed')
              .executeTakeFirst(),
          );
        const writeBack = await killAndRestart({
          maxKills: MAX_KILLS.writeBack,
          killAfter: [100, 600],
          done: async () => (await confirmed()) === SHIPPED,
          // Packages Amazon has while OrderBridge still has the shipment pending.
          unrecorded: async () =>
            shipped.filter((id) => (amazon.sandbox.getOrder(id).packages ?? []).length > 0).length -
            (await confirmed()),
        });
        const writeBackStats = summary(writeBack);
        const writeBackMs = Date.now() - writeBackStarted;

        for (const id of ids) {
          const packages = amazon.sandbox.getOrder(id).packages ?? [];
          if (!tracking.has(id)) {
            expect(packages, id).toHaveLength(0);
            continue;
          }
          expect(
            packages.map((p) => p.packageReferenceId),
            `packages of ${id}`,
          ).toEqual(['1']);
          expect(packages[0]?.trackingNumber).toBe(tracking.get(id));
          expect(amazon.sandbox.getOrder(id).fulfillment?.fulfillmentStatus).toBe('SHIPPED');
          const details = await app.orders.details(app.accountId, id);
          if (!details.ok) throw details.error;
          expect(
            details.value.timeline.filter((e) => e.kind === 'amazon.shipment_confirmed'),
            id,
          ).toHaveLength(1);
        }
        const shipments = await db.selectFrom('shipments').select(['order_id', 'state']).execute();
        expect(shipments).toHaveLength(SHIPPED);
        expect(new Set(shipments.map((s) => s.order_id)).size).toBe(SHIPPED);
        expect(shipments.every((s) => s.state === 'confirmed')).toBe(true);
        expect(writeBackStats.insideJobs).toBeGreaterThanOrEqual(3);
        // Still one store order each: the write-back workers changed nothing in the store.
        expect([...wooOrdersByAmazonId(woo).values()].every((o) => o.length === 1)).toBe(true);

        console.info(
          `[store-crash ${ctx.dialect}] delivery ${deliveryMs} ms ${JSON.stringify(deliveryStats)}; ` +
            `write-back ${writeBackMs} ms ${JSON.stringify(writeBackStats)}`,
        );
      },
    );
  },
  { isolation: 'test' },
);
