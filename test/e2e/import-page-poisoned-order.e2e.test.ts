import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

/**
 * A page of orders is stored in one transaction; an order whose write the database refuses (here a
 * trigger refusing one of its lines, inside its savepoint) is recorded as failed, and every other
 * order of the page is stored once.
 */
describeEachDatabase('order import: one poisoned order in a page', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 11, rateScale: 1000 });
    app = await openTestApp(ctx.url());
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  async function refuseLine(itemId: string): Promise<void> {
    const id = sql.lit(itemId);
    if (ctx.dialect === 'sqlite') {
      await sql`create trigger poison before insert on order_lines when new.amazon_order_item_id = ${id}
        begin select raise(abort, 'poisoned line'); end`.execute(app.db);
      return;
    }
    await sql`create function poison_line() returns trigger language plpgsql as $$
      begin if new.amazon_order_item_id = ${id} then raise exception 'poisoned line'; end if; return new; end $$`.execute(
      app.db,
    );
    await sql`create trigger poison before insert on order_lines for each row execute function poison_line()`.execute(
      app.db,
    );
  }

  const events = (amazonOrderId: string) =>
    app.db
      .selectFrom('order_events')
      .innerJoin('orders', 'orders.id', 'order_events.order_id')
      .select('order_events.kind')
      .where('orders.amazon_order_id', '=', amazonOrderId)
      .execute();

  it('stores every other order of the page, records the bad one, and heals it on the next run', async () => {
    const ids = sandbox.sandbox.generateOrders({ count: 40, marketplaceId: DE });
    const poisoned = ids[17] as string;
    const itemId = sandbox.sandbox.getOrder(poisoned).orderItems[0]?.orderItemId as string;
    await refuseLine(itemId);
    const connection = await addSandboxConnection(app, sandbox);

    const first = await app.importOrders(connection.id, { trigger: 'manual' });
    if (!first.ok) throw first.error;
    expect(first.value).toMatchObject({ status: 'partial', pages: 1, ordersCreated: 39, ordersFailed: 1 });
    expect(first.value.cursor).toBe(first.value.windowEnd);

    const rows = await app.db.selectFrom('orders').select(['id', 'amazon_order_id', 'status', 'error_code']).execute();
    expect(rows.map((r) => r.amazon_order_id).sort()).toEqual([...ids].sort());
    const bad = rows.find((r) => r.amazon_order_id === poisoned);
    expect(bad).toMatchObject({ status: 'failed', error_code: 'internal_error' });
    const badLines = await app.db
      .selectFrom('order_lines')
      .select('id')
      .where('order_id', '=', bad?.id ?? '')
      .execute();
    expect(badLines).toEqual([]);
    expect((await events(poisoned)).map((e) => e.kind)).toEqual(['order.import_failed']);
    for (const good of rows.filter((r) => r.amazon_order_id !== poisoned)) {
      expect(good.error_code).toBeNull();
      // The page's first, rolled-back attempt left nothing behind: one import event per order.
      expect((await events(good.amazon_order_id)).map((e) => e.kind)).toEqual(['order.imported']);
      const lines = await app.db.selectFrom('order_lines').select('id').where('order_id', '=', good.id).execute();
      expect(lines.length).toBeGreaterThan(0);
    }

    await sql`drop trigger poison ${sql.raw(ctx.dialect === 'postgres' ? 'on order_lines' : '')}`.execute(app.db);
    const second = await app.importOrders(connection.id, { trigger: 'manual' });
    if (!second.ok) throw second.error;
    expect(second.value).toMatchObject({ status: 'succeeded', ordersFailed: 0, ordersCreated: 1 });
    const healed = await app.orders.details(app.accountId, poisoned);
    expect(healed.ok && healed.value.order.errorCode).toBeNull();
    expect(healed.ok && healed.value.order.status).not.toBe('failed');
  });
});
