import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { BuyerDataRepository } from '../../src/db/buyer-data.repository.js';
import { ManualClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { purgeBuyerData } from '../../src/sync/purge-buyer-data.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, testConfig } from '../helpers/test-app.js';
import { amazonOrder, markers } from './support/personal-data-scan.js';

const DAY_MS = 86_400_000;

/** The daily purge when one order cannot be purged (here: a damaged line row): the others still are. */
describeEachDatabase('buyer data retention: one order that cannot be purged', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 9, rateScale: 1000 });
    app = await openApp(testConfig(ctx.url()), { logger: silentLogger });
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  const orderRow = (amazonOrderId: string) =>
    app.db.selectFrom('orders').selectAll().where('amazon_order_id', '=', amazonOrderId).executeTakeFirstOrThrow();

  it('purges the other orders, notes the failure on its timeline without buyer data, and tries it again next run', async () => {
    const connection = await addSandboxConnection(app, sandbox);
    const tags = ['pf1', 'pf2', 'pf3', 'pf4'];
    const ids = tags.map((tag) => sandbox.sandbox.createOrder(amazonOrder(markers(tag))).orderId);
    for (const id of ids) sandbox.sandbox.advanceOrder(id, 'ship');
    sandbox.sandbox.advanceClock(180);
    const pulled = await app.importOrders(connection.id, { trigger: 'manual' });
    if (!pulled.ok) throw pulled.error;
    // One order's line row is damaged (not JSON any more): reading it for the purge throws.
    const broken = await orderRow(ids[1] ?? '');
    await app.db
      .updateTable('order_lines')
      .set({ data_json: '{"gift": Zelda' })
      .where('order_id', '=', broken.id)
      .execute();

    const later = new ManualClock(new Date(Date.now() + 31 * DAY_MS).toISOString());
    const run = () =>
      purgeBuyerData({
        buyerData: new BuyerDataRepository(app.db),
        retention: app.retention,
        clock: later,
        logger: silentLogger,
      });
    expect(await run()).toBe(3);

    for (const id of ids.filter((i) => i !== broken.amazon_order_id)) {
      const row = await orderRow(id);
      expect(row.personal_data_purged_at).not.toBeNull();
      expect(row.buyer_json).toBeNull();
    }
    expect((await orderRow(broken.amazon_order_id)).personal_data_purged_at).toBeNull();
    const noted = async () =>
      app.db
        .selectFrom('order_events')
        .select(['summary', 'payload_json'])
        .where('order_id', '=', broken.id)
        .where('kind', '=', 'order.personal_data_purge_failed')
        .execute();
    const [event, ...more] = await noted();
    expect(more).toEqual([]);
    expect(event?.summary).toContain('could not be removed (SyntaxError)');
    expect(`${event?.summary} ${event?.payload_json}`).not.toContain('Zelda');

    // Still due: the next run tries it again (and fails again), the purged ones are done.
    expect(await run()).toBe(0);
    expect(await noted()).toHaveLength(2);
  });
});
