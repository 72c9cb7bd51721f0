import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { PULL_JOB, SyncWorker, sellerQueue } from '../../src/app/sync-worker.js';
import type { Connection } from '../../src/domain/connection.js';
import { sellerPullKey } from '../../src/sync/seller-pull.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { sandboxConnectionInput } from '../../src/app/demo.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

/** Scheduled order pulls: one per seller account with active connections, none for disabled ones. */
describeEachDatabase('sync worker schedules', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 2, rateScale: 1000 });
    app = await openTestApp(ctx.url());
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  it('schedules a pull per seller account at its poll interval and pulls on schedule', async () => {
    sandbox.sandbox.generateOrders({ count: 12, marketplaceId: DE });
    const active = await addSandboxConnection(app, sandbox, { name: 'active', config: { pollIntervalMinutes: 7 } });
    const disabled = await addSandboxConnection(app, sandbox, { name: 'off', active: false });
    // A connection of another account is scheduled as well.
    const other = await app.accounts.accounts.create({ name: 'Other', planId: 'business' }, 'test');
    if (!other.ok) throw other.error;
    const elsewhere = await app.connections.add(
      other.value.account.id,
      // Another seller: one seller + marketplace has one active connection in the installation.
      sandboxConnectionInput(sandbox.url, {
        name: 'elsewhere',
        marketplaceId: DE,
        sellerId: 'A9ELSEWHERE1',
        config: { pollIntervalMinutes: 9 },
      }),
      'test',
    );
    if (!elsewhere.ok) throw elsewhere.error;
    const worker = new SyncWorker(app, app.jobs);
    await worker.reconcileSchedules();

    const schedules = await app.db.selectFrom('schedules').selectAll().execute();
    expect(schedules).toHaveLength(2);
    // One schedule per seller account, on its serial queue; a connection's own schedule is gone.
    const scheduleOf = async (c: Connection) => {
      const pull = await app.sellerPulls.repository.findByKey(sellerPullKey(c));
      return schedules.find((sc) => pull !== null && sc.queue === sellerQueue(pull.id));
    };
    expect(await scheduleOf(active)).toMatchObject({ interval_seconds: 420, name: PULL_JOB });
    expect(await scheduleOf(elsewhere.value)).toMatchObject({ interval_seconds: 540 });
    expect(JSON.stringify(schedules)).not.toContain(disabled.id);
    await app.connections.update(other.value.account.id, elsewhere.value.id, { active: false }, 'test');

    // The schedule is due at once: the runner enqueues and runs the pull.
    await app.jobs.start({ handlers: worker.handlers, pollIntervalMs: 50 });
    const deadline = Date.now() + 20_000;
    let runs = await app.syncRuns.list([active.id], 5);
    while (runs.length === 0 || runs[0]?.status === 'running') {
      if (Date.now() > deadline) throw new Error('no scheduled pull ran');
      await new Promise((r) => setTimeout(r, 100));
      runs = await app.syncRuns.list([active.id], 5);
    }
    await app.jobs.stop();
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded', ordersCreated: 12 });
    expect(await app.syncRuns.list([disabled.id], 5)).toHaveLength(0);

    // Disabling the connection removes its schedule; its data stays.
    await app.connections.update(app.accountId, active.id, { active: false }, 'test');
    await worker.reconcileSchedules();
    expect(await app.db.selectFrom('schedules').selectAll().execute()).toHaveLength(0);
    const kept = await app.orders.list(app.accountId, { connection: active.id, limit: 1, offset: 0 });
    expect(kept.ok && kept.value.total).toBe(12);
  });
});
