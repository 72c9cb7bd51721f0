import { afterEach, beforeEach, expect, it } from 'vitest';
import { MemoryRateBudgets, rateBudgetKey, type RateBudgets } from '../../src/amazon/rate-limit-registry.js';
import { SharedRateBudgets } from '../../src/amazon/shared-rate-budgets.js';
import { NO_RETRY } from '../../src/amazon/retry-policy.js';
import { sandboxClient, SANDBOX_ACCOUNT } from '../../src/amazon/sp-api.test-support.js';
import { SAFETY_FACTOR, tokensNeeded } from '../../src/amazon/token-bucket.js';
import { AmazonPorts, createRateBudgets } from '../../src/app/amazon-ports.js';
import type { App } from '../../src/app/app-context.js';
import { createDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { RateBudgetRepository } from '../../src/db/rate-budget.repository.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import type { AmazonWriteBackPort } from '../../src/sync/write-back-ports.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

const FR = 'A13V1IB3VIYZZH';
/** Amazon's confirmShipment plan (amazon/README.md §4): 2 requests/s, burst 10. */
const RATE = 2;
const BURST = 10;

/**
 * One Amazon budget per (seller account, application, operation) for the whole installation: two
 * processes (two apps on one PostgreSQL database, each with its own budget objects and pool) confirm
 * shipments of one seller's two marketplaces against the sandbox at Amazon's real rate; the
 * sandbox's own counters must show no 429. SQLite runs the same in its one process.
 */
describeEachDatabase('shared Amazon rate budgets', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  const opened: Array<{ close(): Promise<void> }> = [];

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 5, rateScale: 1, enforceRateLimits: true });
  });
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
    await sandbox.close();
  });

  const openProcess = async (): Promise<App> => {
    const app = await openTestApp(ctx.url());
    opened.push(app);
    return app;
  };

  /** A second handle on the test database, as another process would hold. */
  const openHandle = async (): Promise<DatabaseHandle> => {
    const handle = await createDatabase({ url: ctx.url(), poolSize: 2 });
    opened.push(handle);
    return handle;
  };

  /** Unshipped MFN orders of the sandbox seller in a marketplace, ready to confirm. */
  const unshipped = (marketplaceId: string, count: number) =>
    Array.from({ length: count }, () => ({
      marketplaceId,
      order: sandbox.sandbox.createOrder({
        createdTime: new Date(Date.now() - 3_600_000).toISOString(),
        salesChannel: { marketplaceId },
        fulfillment: { fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT' },
      }),
    }));

  /** Confirms every order through `port` at once (the write-back jobs of one process). */
  const confirmAll = (port: AmazonWriteBackPort, orders: ReturnType<typeof unshipped>) =>
    Promise.all(
      orders.map(({ marketplaceId, order }) =>
        port.confirmShipment({
          amazonOrderId: order.orderId,
          marketplaceId,
          packageReferenceId: '1',
          carrierCode: 'DHL',
          carrierName: null,
          shippingMethod: null,
          trackingNumber: `0034043416${order.orderId.replaceAll('-', '').slice(-10)}`,
          shipDate: new Date(Date.now() - 60_000).toISOString(),
          items: order.orderItems.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
        }),
      ),
    );

  const sandboxThrottles = () => sandbox.sandbox.stats().throttled.confirmShipment ?? 0;

  it("confirms 30 shipments from two processes at Amazon's real rate without one 429", async () => {
    const first = await openProcess();
    // PostgreSQL: a second process. SQLite runs one process, whose budgets every caller shares.
    const second = ctx.dialect === 'postgres' ? await openProcess() : first;
    const de = await addSandboxConnection(first, sandbox, { name: 'DE', marketplaceId: DE });
    const fr = await addSandboxConnection(first, sandbox, { name: 'FR', marketplaceId: FR });
    const [deOrders, frOrders] = [unshipped(DE, 15), unshipped(FR, 15)];

    const started = performance.now();
    const results = await Promise.all([
      confirmAll(await first.storeSide.amazonFor(de.id), deOrders),
      confirmAll(await second.storeSide.amazonFor(fr.id), frOrders),
    ]);
    const elapsedS = (performance.now() - started) / 1000;

    expect(results.flat().filter((r) => !r.ok)).toEqual([]);
    expect(sandbox.sandbox.stats().calls.confirmShipment).toBe(30);
    expect(sandboxThrottles()).toBe(0);
    // Paced by the one budget: 10 from the burst, then 20 at (a little under) 2 per second.
    const minimumS = (30 - BURST) / RATE;
    expect(elapsedS).toBeGreaterThanOrEqual(minimumS);
  }, 40_000);

  it('control: budgets per process (what one process alone would keep) get 429s from the same calls', async () => {
    const app = await openProcess();
    const de = await addSandboxConnection(app, sandbox, { name: 'DE', marketplaceId: DE });
    const fr = await addSandboxConnection(app, sandbox, { name: 'FR', marketplaceId: FR });
    const processPorts = (budgets: RateBudgets) =>
      new AmazonPorts(app.connections, systemClock, silentLogger, null, budgets);
    const [one, two] = [
      processPorts(new MemoryRateBudgets(systemClock)),
      processPorts(new MemoryRateBudgets(systemClock)),
    ];
    const connection = async (id: string) => {
      const found = await app.connections.get(app.accountId, id);
      if (!found.ok) throw found.error;
      return found.value;
    };

    await Promise.all([
      confirmAll(await one.writeBackFor(await connection(de.id)), unshipped(DE, 6)),
      confirmAll(await two.writeBackFor(await connection(fr.id)), unshipped(FR, 6)),
    ]);
    // Each process believes it has the whole burst of 10: 12 calls at once, Amazon allows 10.
    expect(sandboxThrottles()).toBeGreaterThan(0);
  });

  it.skipIf(ctx.dialect === 'sqlite')('uses in every process the rate one process learnt from Amazon', async () => {
    const learning = await startAmazonSandbox({ seed: 6, rateScale: 50, enforceRateLimits: true });
    try {
      const [a, b] = [await openHandle(), await openHandle()];
      const budgetsA = createRateBudgets(a.db, systemClock);
      const clientA = sandboxClient(learning, { budgets: budgetsA });
      const order = learning.sandbox.generateOrders({ count: 1, marketplaceId: DE })[0] as string;
      expect((await clientA.orders.getOrder(order)).ok).toBe(true); // x-amzn-RateLimit-Limit: 25 (0.5 × 50)

      // Process B never called Amazon: the empty bucket refills at the learnt 25/s, not 0.5/s.
      const key = rateBudgetKey(SANDBOX_ACCOUNT, 'getOrder');
      const storeB = new RateBudgetRepository(b.db);
      await storeB.drain(key);
      const took = await storeB.take(key, { rate: 0.5, burst: 30 });
      expect(took).toMatchObject({ taken: false, rate: 25 });
      // One token plus the send allowance at 25/s: about 0.25 s (at 0.5/s it would be 12 s).
      const needed = tokensNeeded(25, 30);
      expect(!took.taken && took.waitMs).toBeLessThanOrEqual(Math.ceil((needed / (25 * SAFETY_FACTOR)) * 1000) + 1);
    } finally {
      await learning.close();
    }
  });

  it.skipIf(ctx.dialect === 'sqlite')('a 429 empties the bucket of every process', async () => {
    const [a, b] = [await openHandle(), await openHandle()];
    const clientA = sandboxClient(sandbox, { budgets: createRateBudgets(a.db, systemClock), retry: NO_RETRY });
    const order = sandbox.sandbox.generateOrders({ count: 1, marketplaceId: DE })[0] as string;
    sandbox.sandbox.setFaults({ getOrder: { errorRates: { '429': 1 } } });
    const throttled = await clientA.orders.getOrder(order);
    expect(throttled.ok || throttled.error.code).toBe('amazon_throttled');

    const took = await new RateBudgetRepository(b.db).take(rateBudgetKey(SANDBOX_ACCOUNT, 'getOrder'), {
      rate: 0.5,
      burst: 30,
    });
    expect(took.taken).toBe(false);
  });

  it.skipIf(ctx.dialect === 'sqlite')(
    'the database gone between two calls: a clear error, and the next call is not sent',
    async () => {
      const handle = await createDatabase({ url: ctx.url(), poolSize: 1 });
      const client = sandboxClient(sandbox, {
        budgets: new SharedRateBudgets(new RateBudgetRepository(handle.db), systemClock),
      });
      const order = sandbox.sandbox.generateOrders({ count: 1, marketplaceId: DE })[0] as string;
      expect((await client.orders.getOrder(order)).ok).toBe(true);
      await handle.close();

      const blind = await client.orders.getOrder(order);
      expect(blind.ok || blind.error).toMatchObject({ code: 'amazon_rate_budget_unavailable', retryable: true });
      expect(blind.ok || blind.error.message).toContain('was not sent');
      expect(sandbox.sandbox.stats().calls.getOrder).toBe(1);
    },
  );
});
