import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/sync/store-side-deps.js';
import { testDatabases } from '../helpers/databases.js';
import {
  linkHeldSkus,
  openStoreTestEnv,
  runJobsUntil,
  wooOrdersByAmazonId,
  type StoreTestEnv,
} from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';
import {
  createInstallation,
  jobsSucceeded,
  servedAt,
  startOrderBridge,
  until,
  type Installation,
  type OrderBridgeProcess,
} from './support/orderbridge-cli.js';

/** More shipments than two processes' own confirmShipment bursts (2 × 10) could send unthrottled. */
const SHIPMENTS = 48;

/**
 * One `serve --no-worker` and two `worker` processes on PostgreSQL, the Amazon sandbox at Amazon's
 * real rates (confirmShipment 2/s, burst 10) for one seller with a backlog of store shipments to
 * confirm: both workers confirm shipments of that seller at once and Amazon throttles none of
 * their calls, because every process draws from the seller's one budget. Counted by the sandbox.
 */
const postgres = testDatabases.includes('postgres');
describe.skipIf(!postgres)('two workers share one seller rate budget [postgres]', () => {
  let installation: Installation;
  let env: StoreTestEnv;
  const processes: OrderBridgeProcess[] = [];
  beforeAll(async () => {
    installation = await createInstallation('postgres');
    env = await openStoreTestEnv(installation.database, { seed: 41, rateScale: 1 });
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await env?.close();
    await installation?.close();
  });

  it('confirms a backlog from both workers with 0 throttled calls', { timeout: 90_000 }, async () => {
    const { amazon, woo, app } = env;
    const ids = amazon.sandbox.generateOrders({
      count: SHIPMENTS,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    // The backlog: imported and delivered here, then the store ships every order.
    const imported = await app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!imported.ok) throw imported.error;
    await app.runStoreJobs();
    await linkHeldSkus(env);
    await runJobsUntil(app, () => wooOrdersByAmazonId(woo).size === ids.length, 40_000);
    const byAmazonId = wooOrdersByAmazonId(woo);
    for (const [i, id] of ids.entries()) {
      const wooId = byAmazonId.get(id)?.[0]?.id ?? 0;
      woo.sandbox.shipOrder({
        orderId: wooId,
        provider: 'dhl-de',
        trackingNumber: `0034043416${String(i).padStart(10, '0')}`,
      });
    }
    const polled = await app.storeSideService.pollStore(app.accountId, env.storeId);
    if (!polled.ok) throw polled.error;
    expect(polled.value.shipments).toBe(SHIPMENTS);
    const before = amazon.sandbox.stats();

    const debug = { ORDERBRIDGE_LOG_LEVEL: 'debug' };
    const serve = startOrderBridge(installation, ['serve', '--no-worker']);
    const workers = [1, 2].map(() => startOrderBridge(installation, ['worker', '--concurrency', '4'], debug));
    processes.push(serve, ...workers);
    // A Synchronize Orders click in the middle: the seller's pull joins the same budgets.
    const base = await servedAt(serve);
    const token = await app.accounts.tokens.create(app.accountId, { name: 'scale-out' }, 'test');
    if (!token.ok) throw token.error;
    const sync = await fetch(`${base}/api/connections/${env.connectionId}/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.value.secret}` },
    });
    expect(sync.status).toBe(202);

    const confirmed = (): number => ids.filter((id) => (amazon.sandbox.getOrder(id).packages ?? []).length > 0).length;
    await until('every shipment confirmed on Amazon', () => Promise.resolve(confirmed() === SHIPMENTS ? true : null), {
      timeoutMs: 60_000,
      processes: [serve, ...workers],
      intervalMs: 250,
    });

    const stats = amazon.sandbox.stats();
    expect((stats.calls.confirmShipment ?? 0) - (before.calls.confirmShipment ?? 0)).toBeGreaterThanOrEqual(SHIPMENTS);
    // Both workers confirmed shipments of this seller (each process's own job log).
    const perWorker = workers.map((w) => jobsSucceeded(w, JOBS.confirmShipment));
    expect(
      perWorker.every((n) => n > 0),
      JSON.stringify(perWorker),
    ).toBe(true);
    expect(stats.throttled, JSON.stringify(perWorker)).toEqual(
      Object.fromEntries(Object.keys(stats.throttled).map((op) => [op, 0])),
    );
    expect(ids.every((id) => amazon.sandbox.getOrder(id).packages?.length === 1)).toBe(true);

    for (const p of [serve, ...workers]) expect(await p.stop('SIGTERM'), p.output()).toBe(0);
  });
});
