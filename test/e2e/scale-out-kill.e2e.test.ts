import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_JOB } from '../../src/app/sync-worker.js';
import { JOBS } from '../../src/sync/store-side-deps.js';
import { testDatabases } from '../helpers/databases.js';
import {
  linkCatalogueSpellings,
  openStoreTestEnv,
  SANDBOX_SKU_CROP,
  wooOrdersByAmazonId,
  type StoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';
import { seeded, startDelayProxy, type DelayProxy } from './support/delay-proxy.js';
import {
  createInstallation,
  jobsRunning,
  startOrderBridge,
  until,
  type Installation,
  type OrderBridgeProcess,
} from './support/orderbridge-cli.js';

/** Two pages of searchOrders (100 per page). */
const ORDERS = 150;

/**
 * Three `worker` processes on PostgreSQL pull a backlog from Amazon and deliver it to a slow
 * WooCommerce store. One worker is SIGKILLed in the middle of the order pull, another in the middle
 * of a delivery; the third takes both over once their leases expire. Every order ends up exactly
 * once in OrderBridge and exactly once in the store (counted in the store sandbox's own orders).
 */
const postgres = testDatabases.includes('postgres');
describe.skipIf(!postgres)('workers killed mid-pull and mid-delivery [postgres]', () => {
  let installation: Installation;
  let env: StoreTestEnv;
  let wooProxy: DelayProxy;
  const workers: OrderBridgeProcess[] = [];
  beforeAll(async () => {
    installation = await createInstallation('postgres');
    env = await openStoreTestEnv(installation.database, {
      seed: 51,
      config: { orderTypes: ['MFN'], skuCrop: SANDBOX_SKU_CROP },
      wooBaseUrl: async (url) => (wooProxy = await startDelayProxy(url, seeded(51))).url,
    });
    await linkCatalogueSpellings(env.app, env.woo, env.connectionId);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await wooProxy?.close();
    await env?.close();
    await installation?.close();
  });

  it('another worker finishes; every order exactly once here and in the store', { timeout: 120_000 }, async () => {
    const { amazon, woo, app } = env;
    const ids = amazon.sandbox.generateOrders({
      count: ORDERS,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    // Slow enough that the kills land inside the work: seconds per page, a quarter second per store call.
    amazon.sandbox.setFaults({ searchOrders: { latencyMs: { min: 2_500, max: 3_500 } } });
    wooProxy.delays = { before: [100, 200], after: [100, 200] };
    const orderCount = async (): Promise<number> => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from orders`.execute(app.db);
      return Number(rows[0]?.n ?? 0);
    };

    // The connection's scheduled pull fires as the workers start; one job at a time per worker, so the
    // worker that pulls and the one that delivers are different processes.
    workers.push(...[1, 2, 3].map(() => startOrderBridge(installation, ['worker', '--concurrency', '1'], debugLog)));
    const { puller, deliverer } = await until(
      'a first page stored while one worker still pulls and another delivers',
      async () => {
        if ((await orderCount()) === 0) return null;
        const puller = workers.find((w) => jobsRunning(w).includes(PULL_JOB));
        const deliverer = workers.find((w) => w !== puller && jobsRunning(w).includes(JOBS.deliver));
        return puller && deliverer ? { puller, deliverer } : null;
      },
      { timeoutMs: 45_000, processes: workers, intervalMs: 50 },
    );
    puller.child.kill('SIGKILL');
    deliverer.child.kill('SIGKILL');
    await Promise.all([puller.exited, deliverer.exited]);
    const storedAtKill = await orderCount();
    expect(storedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(ORDERS);
    const survivor = workers.find((w) => w !== puller && w !== deliverer) as OrderBridgeProcess;

    // The rest at full speed: the survivor takes the two jobs over when their leases expire (30 s).
    amazon.sandbox.setFaults({});
    wooProxy.delays = null;
    await until(
      'every order stored and delivered',
      async () => ((await orderCount()) === ORDERS && wooOrdersByAmazonId(woo).size === ORDERS ? true : null),
      { timeoutMs: 75_000, processes: [survivor], intervalMs: 250 },
    ).catch(async (error: unknown) => {
      const jobs = await app.db
        .selectFrom('jobs')
        .select(['name', 'state', 'attempts', 'run_at', 'lease_until', 'last_error'])
        .where('state', '!=', 'succeeded')
        .execute();
      const state = { stored: await orderCount(), inStore: wooOrdersByAmazonId(woo).size, jobs };
      throw new Error(`${JSON.stringify(state)}\n${String(error)}`);
    });

    const perOrder = await sql<{ n: number }>`select count(*) as n from orders group by amazon_order_id`.execute(
      app.db,
    );
    expect(perOrder.rows).toHaveLength(ids.length);
    expect(perOrder.rows.every((r) => Number(r.n) === 1)).toBe(true);
    const storeOrders = wooOrdersByAmazonId(woo);
    expect(ids.every((id) => storeOrders.get(id)?.length === 1)).toBe(true);
    const given = await app.db
      .selectFrom('jobs')
      .select(['name', 'state'])
      .where('state', 'in', ['failed', 'dead'])
      .execute();
    expect(given).toEqual([]);
    expect(await survivor.stop('SIGTERM'), survivor.output()).toBe(0);
  });
});

/** The workers log each job they start and end: the test sees which process runs what. */
const debugLog = { ORDERBRIDGE_LOG_LEVEL: 'debug' };
