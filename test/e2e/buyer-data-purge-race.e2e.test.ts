import type { Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app/app-context.js';
import { adaptOrder } from '../../src/amazon/order-adapter.js';
import { BuyerDataRepository } from '../../src/db/buyer-data.repository.js';
import { OrderRepository } from '../../src/db/order.repository.js';
import type { Database } from '../../src/db/schema.js';
import { ManualClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { buildOrder } from '../../src/sync/build-order.js';
import { purgeBuyerData } from '../../src/sync/purge-buyer-data.js';
import { saveOrder } from '../../src/sync/save-order.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, testConfig } from '../helpers/test-app.js';
import { amazonOrder, markers } from './support/personal-data-scan.js';

const DAY_MS = 86_400_000;

/**
 * The daily purge and an order pull touching the same order at the same time: whichever comes
 * first, the order never ends up marked purged while holding the buyer's data, and an order an
 * import just changed is not purged with the data read before the change.
 */
describeEachDatabase('buyer data retention: purge and import of the same order at once', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;
  let connectionId: string;
  let amazonOrderId: string;
  const m = markers('rc6');

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 6, rateScale: 1000 });
    app = await openApp(testConfig(ctx.url()), { logger: silentLogger });
    connectionId = (await addSandboxConnection(app, sandbox)).id;
    amazonOrderId = sandbox.sandbox.createOrder(amazonOrder(m)).orderId;
    sandbox.sandbox.advanceOrder(amazonOrderId, 'ship');
    sandbox.sandbox.advanceClock(180);
    const pulled = await app.importOrders(connectionId, { trigger: 'manual' });
    if (!pulled.ok) throw pulled.error;
    sandbox.sandbox.advanceOrder(amazonOrderId, 'touch'); // Amazon changes it once more
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  const later = () => new ManualClock(new Date(Date.now() + 31 * DAY_MS).toISOString());
  const orderRow = () =>
    app.db.selectFrom('orders').selectAll().where('amazon_order_id', '=', amazonOrderId).executeTakeFirstOrThrow();

  /** Stores Amazon's current copy of the order as a pull does; `orders` may pause inside the import. */
  async function importChange(orders: OrderRepository): Promise<void> {
    const connection = await app.storeSide.connections.findById(connectionId);
    const raw = sandbox.sandbox.getOrder(amazonOrderId);
    const adapted = adaptOrder(raw);
    if (!connection || !adapted.ok) throw new Error('no connection or order');
    const saved = await saveOrder(
      { db: app.db, orders, now: new Date().toISOString(), extraEvents: [] },
      { connectionId, amazonOrderId },
      (current) => buildOrder(connection, adapted.value, raw, current, new Map()),
    );
    expect(saved.outcome).toBe('updated');
  }

  it('skips an order an import changed after the purge read it', async () => {
    const buyerData = new BuyerDataRepository(app.db);
    const cutoff = new Date(Date.now() + DAY_MS).toISOString();
    const [due] = await buyerData.dueForPurge(app.accountId, cutoff, 10);
    if (!due) throw new Error('order not due');
    await importChange(app.storeSide.orders);
    const purgedAddress = { ...due.shippingAddress, name: null } as typeof due.shippingAddress;
    const now = later().nowIso();
    const written = await buyerData.purge(
      due,
      { buyer: null, shippingAddress: purgedAddress, raw: null, lines: [] },
      [],
      { now, days: 30 },
    );
    expect(written).toBe(false);
    const row = await orderRow();
    expect(row.personal_data_purged_at).toBeNull();
    expect(row.buyer_json).toContain(m.name);
    expect(row.raw_json).toContain(m.name); // Amazon's new copy, not the old one purged
  });

  it('never leaves an order marked purged with the buyer data an import wrote at the same time', async () => {
    const running: { purge?: Promise<number> } = {};
    /** Starts the purge in the middle of the import's transaction (after it read the order). */
    class PausingOrders extends OrderRepository {
      override async findById(id: string, db?: Kysely<Database>) {
        if (!running.purge) {
          running.purge = purgeBuyerData({
            buyerData: new BuyerDataRepository(app.db),
            retention: app.retention,
            clock: later(),
            logger: silentLogger,
          });
          await Promise.race([running.purge, new Promise((r) => setTimeout(r, 500))]);
        }
        return super.findById(id, db);
      }
    }
    await importChange(new PausingOrders(app.db));
    expect(running.purge).toBeDefined();
    await running.purge;
    const row = await orderRow();
    // Either the purge waited for the import (and saw a changed order) or it came first (and the
    // import stored the change without the buyer's data): never purged-but-holding.
    if (row.personal_data_purged_at) expect(row.buyer_json).toBeNull();
    else expect(row.buyer_json).toContain(m.name);
  });
});
