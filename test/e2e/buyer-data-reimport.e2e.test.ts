import { expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { openStoreTestEnv, runJobsUntil, wooOrdersByAmazonId } from '../helpers/store-test-env.js';
import { amazonOrder, everyTable, markers, runPurgeJob, tablesHolding } from './support/personal-data-scan.js';

/**
 * An order whose buyer data was purged never gets it back: when Amazon changes the order later, the
 * next pull stores the change (status, money, lines, timeline) without the buyer's data, and a
 * re-read of the same Amazon data leaves the order unchanged (no flapping update every pull).
 */
describeEachDatabase('buyer data retention: a purged order changed by Amazon later', (ctx) => {
  it("stores Amazon's change without the buyer's data, then reads the same data as unchanged", async () => {
    const env = await openStoreTestEnv(ctx.url());
    let later: App | null = null;
    try {
      const { amazon, woo, app } = env;
      const pull = async () => {
        amazon.sandbox.advanceClock(180); // searchOrders sees changes after Amazon's two minutes
        const result = await app.importOrders(env.connectionId, { trigger: 'manual' });
        if (!result.ok) throw result.error;
        await app.runStoreJobs();
        return result.value;
      };
      const m = markers('rz5');
      const values = Object.values(m);
      const id = amazon.sandbox.createOrder(amazonOrder(m)).orderId;
      await pull();
      await runJobsUntil(app, () => wooOrdersByAmazonId(woo).has(id));
      amazon.sandbox.advanceOrder(id, 'ship');
      await pull();
      expect(tablesHolding(await everyTable(app.db, ctx.dialect), values).length).toBeGreaterThan(0);

      later = await runPurgeJob(ctx.url(), 31);
      const orderRow = () =>
        app.db.selectFrom('orders').selectAll().where('amazon_order_id', '=', id).executeTakeFirstOrThrow();
      const purged = await orderRow();
      expect(purged.personal_data_purged_at).toMatch(/Z$/);
      expect(tablesHolding(await everyTable(app.db, ctx.dialect), values)).toEqual([]);
      const eventKinds = async () =>
        (await app.db.selectFrom('order_events').select('kind').where('order_id', '=', purged.id).execute()).map(
          (e) => e.kind,
        );
      const updates = (kinds: string[]) => kinds.filter((k) => k === 'order.updated').length;
      const purgedEvents = await eventKinds();

      // Amazon changes the order after the purge: the change is stored, the buyer's data is not.
      amazon.sandbox.advanceOrder(id, 'touch');
      expect(await pull()).toMatchObject({ ordersUpdated: 1 });
      const changed = await orderRow();
      expect(changed.last_updated_time).not.toBe(purged.last_updated_time);
      expect(tablesHolding(await everyTable(app.db, ctx.dialect), values)).toEqual([]);
      expect(changed).toMatchObject({
        buyer_json: null,
        personal_data_purged_at: purged.personal_data_purged_at,
        amazon_status: 'SHIPPED',
        status: purged.status,
        amazon_total: purged.amazon_total,
        total_gross: purged.total_gross,
      });
      expect(JSON.parse(changed.shipping_address_json ?? 'null')).toMatchObject({ countryCode: 'DE', name: null });
      const lines = await app.db.selectFrom('order_lines').selectAll().where('order_id', '=', changed.id).execute();
      const gift = lines.map((l) => JSON.parse(l.data_json ?? '{}') as { gift?: { wrapLevel?: string } | null });
      expect(gift.some((d) => d.gift?.wrapLevel === 'CLASSIC')).toBe(true);
      const events = await eventKinds();
      expect(events.length - purgedEvents.length).toBe(1);
      expect(events.filter((k) => k === 'order.updated')).toHaveLength(updates(purgedEvents) + 1);
      expect(events).toContain('order.personal_data_purged');

      // The same Amazon data read again (the whole window from the start): unchanged, no new event.
      await app.db.updateTable('connections').set({ import_cursor: null, import_cursor_kind: null }).execute();
      expect(await pull()).toMatchObject({ ordersUpdated: 0, ordersUnchanged: 1 });
      expect(await eventKinds()).toHaveLength(events.length);
      expect(tablesHolding(await everyTable(app.db, ctx.dialect), values)).toEqual([]);
    } finally {
      await later?.close();
      await env.close();
    }
  });
});
