import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { migrations } from '../../src/db/migrator.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase, testDatabases } from '../helpers/databases.js';
import { operationsOf, recordCalls, TAGS_BY_TEST, type OpenApiDoc } from '../helpers/openapi-coverage.js';
import { addSandboxConnection, openTestApp } from '../helpers/test-app.js';
import {
  createInstallation,
  servedAt,
  startOrderBridge,
  until,
  workerHealthAt,
  type Installation,
  type OrderBridgeProcess,
} from './support/orderbridge-cli.js';

/**
 * GET /health and GET /ready: public, no secrets; /ready says exactly why it is not ready
 * (database unreachable, migrations pending). Called without any credentials.
 */
describeEachDatabase('health and readiness', (ctx) => {
  let app: App;
  let server: FastifyInstance;
  let called: Set<string>;
  let appClosed: boolean;
  beforeEach(async () => {
    app = await openTestApp(ctx.url());
    appClosed = false;
    server = await buildHttpServer({ app, requestSync: () => Promise.resolve('unused') });
    called = recordCalls(server);
  });
  afterEach(async () => {
    await server.close();
    if (!appClosed) await app.close();
  });

  const get = async (url: string) => {
    const res = await server.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json<Record<string, unknown>>() };
  };

  it('answers alive and ready without credentials', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready while a migration of this version is not applied', async () => {
    const last = Object.keys(migrations).at(-1) as string;
    await sql`delete from kysely_migration where name = ${last}`.execute(ctx.getDb());
    const ready = await get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', reason: 'migrations_pending' });
    expect(ready.body.message).toContain(last);
    // Alive all the same: a liveness probe must not restart a process that waits for a migration.
    expect((await get('/health')).status).toBe(200);
  });

  it('is not ready when the database is gone, and says so without naming it', async () => {
    await app.close();
    appClosed = true;
    const ready = await get('/ready');
    expect(ready).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'database_unreachable', message: 'The database cannot be reached' },
    });
    expect((await get('/health')).body).toEqual({ status: 'ok' });
  });

  it('documents both in the OpenAPI document; this file calls every health operation', async () => {
    await get('/health');
    await get('/ready');
    const doc = (await server.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
    const operations = operationsOf(doc, TAGS_BY_TEST['process-roles.e2e.test.ts']);
    expect(operations.sort()).toEqual(['get /health', 'get /ready']);
    for (const op of operations) expect(called, op).toContain(op);
  });
});

const ORDERS = 30;

/**
 * `serve --no-worker` answers the API and queues Synchronize Orders but runs no job; a `worker`
 * process runs it. Both stop cleanly on SIGTERM. Real OS processes on one database.
 */
for (const dialect of testDatabases) {
  describe(`serve --no-worker and worker processes [${dialect}]`, () => {
    let sandbox: StartedAmazonSandbox;
    let installation: Installation;
    let app: App;
    const processes: OrderBridgeProcess[] = [];
    beforeAll(async () => {
      sandbox = await startAmazonSandbox({ seed: 31, rateScale: 1000 });
      installation = await createInstallation(dialect);
      app = await openTestApp(installation.database);
    });
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop('SIGKILL')));
      await app.close();
      await sandbox.close();
      await installation.close();
    });

    it('the web process queues the pull, the worker runs it', { timeout: 90_000 }, async () => {
      sandbox.sandbox.generateOrders({ count: ORDERS, marketplaceId: 'A1PA6795UKMFR9' });
      const connection = await addSandboxConnection(app, sandbox);
      const token = await app.accounts.tokens.create(app.accountId, { name: 'process-roles' }, 'test');
      if (!token.ok) throw token.error;
      const orderCount = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`select count(*) as n from orders`.execute(app.db);
        return Number(rows[0]?.n ?? 0);
      };

      const serve = startOrderBridge(installation, ['serve', '--no-worker']);
      processes.push(serve);
      const base = await servedAt(serve);
      expect(serve.output()).toContain('not run here (--no-worker)');
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const sync = await fetch(`${base}/api/connections/${connection.id}/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.value.secret}` },
      });
      expect(sync.status).toBe(202);
      const { jobId } = (await sync.json()) as { jobId: string };

      // Nothing runs it in the web process: still queued a while later, no order, no Amazon call.
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await app.jobs.getJob(jobId))?.state).toBe('queued');
      expect(await orderCount()).toBe(0);
      expect(sandbox.sandbox.stats().calls.searchOrders ?? 0).toBe(0);

      const worker = startOrderBridge(installation, ['worker', '--concurrency', '2', '--health-port', '0']);
      processes.push(worker);
      const health = await workerHealthAt(worker);
      expect(worker.output()).toContain('concurrency 2');
      expect(await (await fetch(`${health}/health`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${health}/ready`)).json()).toEqual({ status: 'ready' });

      await until(
        'the worker to run the queued pull',
        async () => ((await app.jobs.getJob(jobId))?.state === 'succeeded' ? true : null),
        { timeoutMs: 45_000, processes: [serve, worker] },
      );
      const runs = await app.syncRuns.list([connection.id], 5);
      expect(await orderCount(), JSON.stringify(runs)).toBe(ORDERS);

      expect(await worker.stop('SIGTERM')).toBe(0);
      expect(await serve.stop('SIGTERM')).toBe(0);
    });
  });
}
