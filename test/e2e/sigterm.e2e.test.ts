import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { createTestDatabase, testDatabases, type TestDatabase } from '../helpers/databases.js';
import { addSandboxConnection, openTestApp, TEST_SECRET_KEY } from '../helpers/test-app.js';

const BACKLOG = 800;

interface Serve {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `orderbridge serve` as an operator runs it, on the given data directory and database. */
function serve(dataDir: string, databaseUrl: string | null): Serve {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: {
      ...env,
      ORDERBRIDGE_DATA_DIR: dataDir,
      ORDERBRIDGE_SECRET_KEY: TEST_SECRET_KEY,
      ORDERBRIDGE_HTTP_PORT: '0',
      ORDERBRIDGE_LOG_LEVEL: 'warn',
      // The Amazon sandbox runs on 127.0.0.1, as a self-hoster's simulator would.
      ORDERBRIDGE_ALLOW_CUSTOM_AMAZON_ENDPOINTS: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number, s: Serve): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline || s.child.exitCode !== null) throw new Error(`${what} did not happen:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * SIGTERM in the middle of a long Synchronize Orders: the server exits (code 0) within a few
 * seconds, hands its running pull back to the queue (not failed, no attempt used), and the next
 * start finishes the pull with every order stored exactly once.
 */
for (const dialect of testDatabases) {
  describe(`SIGTERM during an order pull [${dialect}]`, () => {
    let sandbox: StartedAmazonSandbox;
    let database: TestDatabase;
    let dataDir: string;
    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 21, rateScale: 2000 });
      dataDir = mkdtempSync(path.join(tmpdir(), 'orderbridge-sigterm-'));
      database = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await sandbox.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('exits within seconds, hands the job back and loses no order', { timeout: 240_000 }, async () => {
      const ids = sandbox.sandbox.generateOrders({ count: BACKLOG, marketplaceId: 'A1PA6795UKMFR9' });
      sandbox.sandbox.setFaults({ searchOrders: { latencyMs: { min: 300, max: 600 } } });
      // SQLite: the server's own file in its data directory; PostgreSQL: the test schema.
      const location = dialect === 'sqlite' ? path.join(dataDir, 'orderbridge.sqlite') : database.url;
      const app = await openTestApp(location);
      const connection = await addSandboxConnection(app, sandbox);
      const orderCount = async (): Promise<number> => {
        const row = await sql<{ n: number }>`select count(*) as n from orders`.execute(app.db);
        return Number(row.rows[0]?.n ?? 0);
      };
      try {
        const first = serve(dataDir, dialect === 'postgres' ? database.url : null);
        await until('the first page', async () => ((await orderCount()) > 0 ? true : null), 60_000, first);
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
        const second = serve(dataDir, dialect === 'postgres' ? database.url : null);
        await until('the full import', async () => ((await orderCount()) >= ids.length ? true : null), 90_000, second);
        const done = await until(
          'the pull job to finish',
          async () => {
            const jobs = await app.db.selectFrom('jobs').select('state').where('name', '=', 'orders.pull').execute();
            return jobs.some((j) => j.state === 'succeeded') ? jobs : null;
          },
          30_000,
          second,
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
