import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { testDatabases } from '../helpers/databases.js';
import { addSandboxConnection, openTestApp } from '../helpers/test-app.js';
import { createInstallation, startOrderBridge, until, type Installation } from './support/orderbridge-cli.js';

const BACKLOG = 800;

/**
 * SIGTERM in the middle of a long Synchronize Orders: the server exits (code 0) within a few
 * seconds, hands its running pull back to the queue (not failed, no attempt used), and a `worker`
 * started next finishes the pull with every order stored exactly once.
 */
for (const dialect of testDatabases) {
  describe(`SIGTERM during an order pull [${dialect}]`, () => {
    let sandbox: StartedAmazonSandbox;
    let installation: Installation;
    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 21, rateScale: 2000 });
      installation = await createInstallation(dialect);
    });
    afterAll(async () => {
      await sandbox.close();
      await installation.close();
    });

    it('exits within seconds, hands the job back and loses no order', { timeout: 240_000 }, async () => {
      const ids = sandbox.sandbox.generateOrders({ count: BACKLOG, marketplaceId: 'A1PA6795UKMFR9' });
      sandbox.sandbox.setFaults({ searchOrders: { latencyMs: { min: 300, max: 600 } } });
      // SQLite: the server's own file in its data directory; PostgreSQL: the test schema.
      const app = await openTestApp(installation.database);
      const connection = await addSandboxConnection(app, sandbox);
      const orderCount = async (): Promise<number> => {
        const row = await sql<{ n: number }>`select count(*) as n from orders`.execute(app.db);
        return Number(row.rows[0]?.n ?? 0);
      };
      try {
        const first = startOrderBridge(installation, ['serve']);
        await until('the first page', async () => ((await orderCount()) > 0 ? true : null), {
          timeoutMs: 60_000,
          processes: [first],
        });
        const sentAt = Date.now();
        first.child.kill('SIGTERM');
        const code = await first.exited;
        const tookMs = Date.now() - sentAt;
        expect(code, first.output()).toBe(0);
        expect(tookMs).toBeLessThan(5_000);
        expect(await orderCount()).toBeLessThan(ids.length);

        // The pull went back to the queue at once: due now, not running, no attempt used, not failed.
        const pulls = await app.db.selectFrom('jobs').selectAll().where('name', '=', 'orders.pull').execute();
        expect(pulls.map((j) => [j.state, j.locked_by, j.attempts])).toEqual([['queued', null, 0]]);
        // The seller account's import lease is released.
        const lock = await app.db
          .selectFrom('seller_pulls')
          .select('import_lock_owner')
          .where('seller_id', '=', connection.sellerId)
          .executeTakeFirstOrThrow();
        expect(lock.import_lock_owner).toBeNull();

        sandbox.sandbox.setFaults({});
        const second = startOrderBridge(installation, ['worker']);
        await until('the full import', async () => ((await orderCount()) >= ids.length ? true : null), {
          timeoutMs: 90_000,
          processes: [second],
        });
        const done = await until(
          'the pull job to finish',
          async () => {
            const jobs = await app.db.selectFrom('jobs').select('state').where('name', '=', 'orders.pull').execute();
            return jobs.some((j) => j.state === 'succeeded') ? jobs : null;
          },
          { timeoutMs: 30_000, processes: [second] },
        );
        expect(done.every((j) => j.state !== 'failed' && j.state !== 'dead')).toBe(true);
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);

        const rows = await sql<{ n: number }>`select count(*) as n from orders group by amazon_order_id`.execute(
          app.db,
        );
        expect(rows.rows).toHaveLength(ids.length);
        expect(rows.rows.every((r) => Number(r.n) === 1)).toBe(true);
      } finally {
        await app.close();
      }
    });
  });
}
