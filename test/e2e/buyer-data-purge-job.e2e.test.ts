import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { SyncWorker } from '../../src/app/sync-worker.js';
import { BuyerDataRepository } from '../../src/db/buyer-data.repository.js';
import { ManualClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { PURGE_BUYER_DATA_JOB, purgeBuyerData } from '../../src/sync/purge-buyer-data.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, testConfig } from '../helpers/test-app.js';
import { amazonOrder, everyTable, markers, tablesHolding } from './support/personal-data-scan.js';

const DAY_MS = 86_400_000;

/** The buyer data this repository purges, in what batches and how many transactions (one per order). */
class CountingBuyerData extends BuyerDataRepository {
  readonly batches: number[] = [];
  purges = 0;
  override async dueForPurge(...args: Parameters<BuyerDataRepository['dueForPurge']>) {
    const due = await super.dueForPurge(...args);
    this.batches.push(due.length);
    return due;
  }
  override async purge(...args: Parameters<BuyerDataRepository['purge']>) {
    this.purges += 1;
    return super.purge(...args);
  }
}

async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The daily purge job as `start` and `serve` run it (SyncWorker), and its work on many orders. */
describeEachDatabase('buyer data retention: the daily purge job', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;
  let clock: ManualClock;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 5, rateScale: 1000 });
    clock = new ManualClock(new Date().toISOString());
    app = await openApp(testConfig(ctx.url()), { logger: silentLogger, clock });
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  const pull = async (connectionId: string) => {
    sandbox.sandbox.advanceClock(180); // searchOrders sees changes after Amazon's two minutes
    const result = await app.importOrders(connectionId, { trigger: 'manual' });
    if (!result.ok) throw result.error;
    return result.value;
  };
  const orderRow = (amazonOrderId: string) =>
    app.db.selectFrom('orders').selectAll().where('amazon_order_id', '=', amazonOrderId).executeTakeFirstOrThrow();

  it('runs when the job runner starts and again every day', async () => {
    const connection = await addSandboxConnection(app, sandbox);
    const m = markers('dj3');
    const id = sandbox.sandbox.createOrder(amazonOrder(m)).orderId;
    sandbox.sandbox.advanceOrder(id, 'ship');
    await pull(connection.id);
    const purgeRuns = async () =>
      (
        await app.db
          .selectFrom('jobs')
          .select('id')
          .where('name', '=', PURGE_BUYER_DATA_JOB)
          .where('state', '=', 'succeeded')
          .execute()
      ).length;
    const idle = async () =>
      (await app.db.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running']).execute()).length === 0;

    const worker = new SyncWorker(app, app.jobs);
    await worker.start(1);
    try {
      // At start: the job runs, the order is within retention and keeps its data.
      await waitFor('the purge at start', async () => (await purgeRuns()) === 1 && (await idle()));
      expect((await orderRow(id)).personal_data_purged_at).toBeNull();
      const schedule = await app.db
        .selectFrom('schedules')
        .selectAll()
        .where('name', '=', PURGE_BUYER_DATA_JOB)
        .executeTakeFirstOrThrow();
      expect(schedule.interval_seconds).toBe(86_400);

      // Half a day later nothing runs; a day after the first run it runs again, 31 days: it purges.
      clock.advance(DAY_MS / 2);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await purgeRuns()).toBe(1);
      clock.advance(DAY_MS / 2);
      await waitFor('the next day’s purge', async () => (await purgeRuns()) === 2 && (await idle()));
      clock.advance(30 * DAY_MS);
      await waitFor('the purge past retention', async () => (await orderRow(id)).personal_data_purged_at !== null);
      expect(await purgeRuns()).toBe(3);
    } finally {
      await worker.stop();
    }
  });

  it('purges many orders in bounded batches, one order per transaction; open and recently changed orders keep their data', async () => {
    const connection = await addSandboxConnection(app, sandbox);
    sandbox.sandbox.generateOrders({ count: 230, marketplaceId: DE, statuses: { SHIPPED: 1 }, fulfillment: 'MFN' });
    const [open, recent] = [markers('op7'), markers('re8')];
    const openId = sandbox.sandbox.createOrder(amazonOrder(open)).orderId;
    const recentId = sandbox.sandbox.createOrder(amazonOrder(recent)).orderId;
    sandbox.sandbox.advanceOrder(recentId, 'ship');
    expect(await pull(connection.id)).toMatchObject({ ordersCreated: 232 });
    // Amazon changes the shipped order 20 days later (e.g. a refund): retention counts from then.
    sandbox.sandbox.advanceClock(20 * 86_400);
    sandbox.sandbox.advanceOrder(recentId, 'touch');
    expect(await pull(connection.id)).toMatchObject({ ordersUpdated: 1 });
    const values = [...Object.values(open), ...Object.values(recent)];
    const before = tablesHolding(await everyTable(app.db, ctx.dialect), values);

    const buyerData = new CountingBuyerData(app.db);
    const later = new ManualClock(new Date(clock.now().getTime() + 31 * DAY_MS).toISOString());
    const purged = await purgeBuyerData({ buyerData, retention: app.retention, clock: later, logger: silentLogger });

    expect(purged).toBe(230);
    expect(buyerData.purges).toBe(230);
    expect(buyerData.batches.length).toBeGreaterThan(1);
    expect(Math.max(...buyerData.batches)).toBeLessThanOrEqual(200);
    const left = await app.db
      .selectFrom('orders')
      .select('amazon_order_id')
      .where('personal_data_purged_at', 'is', null)
      .execute();
    expect(left.map((r) => r.amazon_order_id).sort()).toEqual([openId, recentId].sort());
    expect(tablesHolding(await everyTable(app.db, ctx.dialect), values)).toEqual(before);
    expect((await orderRow(recentId)).buyer_json).toContain(recent.name);
  });
});
