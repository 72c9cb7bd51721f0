import Big from 'big.js';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { connectionQueue, PULL_JOB, sellerQueue, SyncWorker } from '../../src/app/sync-worker.js';
import { sandboxConnectionInput } from '../../src/app/demo.js';
import { buildHttpServer } from '../../src/http/http-server.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import type { ConnectionView } from '../../src/sync/connection.service.js';
import { sellerPullKey } from '../../src/sync/seller-pull.js';
import { authorize } from '../helpers/api-auth.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

const FR = 'A13V1IB3VIYZZH';
const IT = 'APJ6JRA9NG5V4';
/** Eight EU marketplaces of one seller account: DE, FR, IT, ES, NL, BE, SE, PL. */
const EU8 = [
  DE,
  FR,
  'APJ6JRA9NG5V4',
  'A1RKKUPIHCS9HS',
  'A1805IZSGTT6HS',
  'AMEN7PMS3EDWL',
  'A2NODRKZP88ZB9',
  'A1C3SOZRARQ6R3',
];

/** Seller pulls: the connections of one Amazon seller account are pulled together (issue 10 item 1). */
describeEachDatabase('seller pulls', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 11, rateScale: 1000 });
    logFrom = 0;
    app = await openTestApp(ctx.url());
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  const connect = (name: string, marketplaceId: string, config: Record<string, unknown> = {}) =>
    addSandboxConnection(app, sandbox, { name, marketplaceId, config });

  /** The sandbox's own log of the searchOrders calls it answered (since the last `searches.clear()`). */
  let logFrom: number;
  const searches = {
    list: () => sandbox.sandbox.record.searchOrdersLog(logFrom).calls,
    clear: () => (logFrom = sandbox.sandbox.record.searchOrdersLog(0).next),
    marketplaces: () => searches.list().map((c) => [...c.marketplaceIds].sort()),
  };

  async function sync(connectionId: string, onProgress?: Parameters<App['importOrders']>[1]['onProgress']) {
    const result = await app.importOrders(connectionId, { trigger: 'manual', ...(onProgress && { onProgress }) });
    if (!result.ok) throw result.error;
    return result.value;
  }

  async function ordersOf(connectionId: string) {
    const listed = await app.orders.list(app.accountId, { connection: connectionId, limit: 500, offset: 0 });
    if (!listed.ok) throw listed.error;
    return listed.value.orders;
  }

  const searchCalls = () => sandbox.sandbox.stats().calls.searchOrders ?? 0;
  const cursorOf = async (id: string) => {
    const found = await app.connections.get(app.accountId, id);
    if (!found.ok) throw found.error;
    return found.value.importCursor;
  };

  it('pulls 8 EU marketplaces with one searchOrders per page and stores each order under its own connection', async () => {
    const generated = new Map(
      EU8.map((mp, i) => [mp, sandbox.sandbox.generateOrders({ count: 40, marketplaceId: mp, seed: 100 + i })]),
    );
    const connections: ConnectionView[] = [];
    for (const [i, mp] of EU8.entries()) connections.push(await connect(`shop-${i}`, mp));
    const before = searchCalls();

    const run = await sync(connections[2]!.id);

    // 320 orders, 100 per page: 4 calls for all 8 marketplaces (8 pulls of their own would need 8+).
    expect(run.status).toBe('succeeded');
    expect(run.pages).toBe(4);
    expect(searchCalls() - before).toBe(4);
    expect(searches.marketplaces()).toEqual(Array.from({ length: 4 }, () => [...EU8].sort()));
    expect(run.ordersCreated).toBe(320);
    expect(run.connections).toHaveLength(8);
    for (const c of connections) {
      const stored = await ordersOf(c.id);
      expect(stored.map((o) => o.amazonOrderId).sort()).toEqual([...generated.get(c.marketplaceId)!].sort());
      expect(stored.every((o) => o.marketplaceId === c.marketplaceId)).toBe(true);
      expect(run.connections.find((p) => p.connectionId === c.id)).toMatchObject({
        ordersCreated: 40,
        status: 'succeeded',
      });
    }
    // One cursor for the seller account; every connection's own cursor follows it.
    const pull = await app.sellerPulls.repository.findByKey(sellerPullKey(connections[0]!));
    expect(pull?.importCursor).toBe(run.windowEnd);
    for (const c of connections) expect(await cursorOf(c.id)).toBe(run.windowEnd);
    // A sync run per connection, linked by one pull id.
    const runs = await app.syncRuns.list(
      connections.map((c) => c.id),
      50,
    );
    expect(runs).toHaveLength(8);
    expect(new Set(runs.map((r) => r.pullId))).toEqual(new Set([run.pullId]));
  });

  it('stores each order under the Orders Configuration of its own marketplace', async () => {
    for (const [mp, seed] of [
      [DE, 1],
      [FR, 2],
    ] as const) {
      sandbox.sandbox.generateOrders({
        count: 12,
        marketplaceId: mp,
        fulfillment: 'MFN',
        statuses: { UNSHIPPED: 1 },
        seed,
      });
      sandbox.sandbox.generateOrders({ count: 8, marketplaceId: mp, fulfillment: 'AFN', seed: seed + 10 });
    }
    const de = await connect('de', DE, { taxIncluded: true, orderTypes: ['MFN', 'AFN'] });
    const fr = await connect('fr', FR, { taxIncluded: false, orderTypes: ['MFN'] });

    const run = await sync(de.id);
    expect(searches.marketplaces()).toEqual([[DE, FR].sort()]);
    expect(run.connections.find((c) => c.connectionId === de.id)).toMatchObject({
      ordersCreated: 20,
      ordersSkipped: 0,
    });
    expect(run.connections.find((c) => c.connectionId === fr.id)).toMatchObject({
      ordersSkipped: 8,
      ordersCreated: 12,
    });

    // Order types: DE takes Amazon-fulfilled orders, FR skips them.
    const deOrders = await ordersOf(de.id);
    const frOrders = await ordersOf(fr.id);
    expect(deOrders.filter((o) => o.fulfillmentChannel === 'AFN' && o.status !== 'skipped')).toHaveLength(8);
    expect(frOrders.filter((o) => o.fulfillmentChannel === 'AFN').every((o) => o.status === 'skipped')).toBe(true);
    // Tax included (DE): Amazon's amounts are the gross prices, nothing to adjust. Net prices (FR): the
    // tax comes on top of Amazon's amounts, and the order carries it back as an adjustment.
    const mfn = (orders: typeof deOrders) => orders.filter((o) => o.fulfillmentChannel === 'MFN');
    for (const o of mfn(deOrders)) {
      expect(new Big(o.totals.gross ?? '0').plus(o.totals.excludedTax ?? '0').eq(o.totals.amazonTotal ?? '')).toBe(
        true,
      );
      expect(new Big(o.totals.adjustment ?? '0').abs().lte('0.05')).toBe(true);
    }
    const frTaxed = mfn(frOrders).filter((o) => new Big(o.totals.tax ?? '0').gt(0));
    expect(frTaxed.length).toBeGreaterThan(0);
    for (const o of frTaxed) {
      expect(new Big(o.totals.adjustment ?? '0').eq(new Big(o.totals.tax ?? '0').neg())).toBe(true);
    }
  });

  it('upgrades to one seller pull from the earliest cursor, losing no order, and replaces per-connection schedules', async () => {
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const de = await connect('de', DE, { pollIntervalMinutes: 10 });
    const fr = await connect('fr', FR, { pollIntervalMinutes: 4 });
    // Before the upgrade each connection pulled alone: FR stopped 3 hours ago, DE 1 hour ago.
    const cursors = { [de.id]: at(60), [fr.id]: at(180) };
    for (const [id, cursor] of Object.entries(cursors)) {
      await app.db.updateTable('connections').set({ import_cursor: cursor }).where('id', '=', id).execute();
      await app.jobs.schedule(PULL_JOB, {
        key: connectionQueue(id),
        intervalSeconds: 300,
        payload: { connectionId: id },
        queue: connectionQueue(id),
      });
    }
    // Stored before the upgrade (older than both cursors), and changed since FR's cursor.
    const frOld = sandbox.sandbox.generateOrders({
      count: 10,
      marketplaceId: FR,
      createdAfter: at(300),
      createdBefore: at(240),
      seed: 3,
    });
    const frNew = sandbox.sandbox.generateOrders({
      count: 10,
      marketplaceId: FR,
      createdAfter: at(170),
      createdBefore: at(130),
      seed: 4,
    });
    const deNew = sandbox.sandbox.generateOrders({
      count: 10,
      marketplaceId: DE,
      createdAfter: at(170),
      createdBefore: at(20),
      seed: 5,
    });

    const worker = new SyncWorker(app, app.jobs);
    await worker.reconcileSchedules();
    const pull = await app.sellerPulls.repository.findByKey(sellerPullKey(de));
    expect(pull?.importCursor).toBe(cursors[fr.id]);
    const schedules = await app.db.selectFrom('schedules').selectAll().where('name', '=', PULL_JOB).execute();
    expect(schedules.map((s) => [s.queue, s.interval_seconds])).toEqual([[sellerQueue(pull!.id), 240]]);

    const jobId = await worker.requestSync(de.id);
    expect(await app.jobs.drain(worker.handlers)).toBeGreaterThanOrEqual(1);
    expect((await app.jobs.getJob(jobId))?.state).toBe('succeeded');
    expect(searches.marketplaces()).toEqual([[DE, FR].sort()]);
    const [run] = await app.syncRuns.list([fr.id], 1);
    const from = Date.parse(run?.windowStart ?? '');
    expect(from).toBeLessThan(Date.parse(cursors[fr.id]!));
    // Every order Amazon changed since FR's cursor (less the overlap) is stored, for both marketplaces.
    const changedSince = (ids: string[]) =>
      ids.filter((id) => Date.parse(sandbox.sandbox.getOrder(id).lastUpdatedTime ?? '') > from).sort();
    expect(changedSince(frNew)).toEqual([...frNew].sort());
    expect(changedSince(frOld).length).toBeLessThan(frOld.length); // some were stored before the upgrade
    expect((await ordersOf(fr.id)).map((o) => o.amazonOrderId).sort()).toEqual(changedSince([...frOld, ...frNew]));
    expect((await ordersOf(de.id)).map((o) => o.amazonOrderId).sort()).toEqual([...deNew].sort());
  });

  it('lets a connection activated later catch up alone from its Sync-from, then pulls it with the others', async () => {
    sandbox.sandbox.generateOrders({ count: 15, marketplaceId: DE, seed: 6 });
    const de = await connect('de', DE);
    const first = await sync(de.id);
    expect(searches.marketplaces()).toEqual([[DE]]);

    const syncFrom = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const frIds = sandbox.sandbox.generateOrders({ count: 25, marketplaceId: FR, seed: 7 });
    const fr = await connect('fr', FR, { syncFromDate: syncFrom });
    const seen = (await app.connections.list(app.accountId)).find((c) => c.id === fr.id);
    expect(seen?.importCursor).toBeNull();

    searches.clear();
    const second = await sync(de.id);
    // Alone from its own Sync-from, then shared from the seller's cursor.
    expect(searches.marketplaces()).toEqual([[FR], [DE, FR].sort()]);
    const [shared, alone] = await app.syncRuns.list([fr.id], 5);
    expect(alone).toMatchObject({ pullId: null, windowStart: syncFrom, ordersCreated: 25, status: 'succeeded' });
    expect(shared).toMatchObject({ pullId: second.pullId, ordersCreated: 0 });
    expect(Date.parse(shared?.windowStart ?? '')).toBeLessThan(Date.parse(first.cursor ?? ''));
    expect(second.connections.map((c) => c.connectionId).sort()).toEqual([de.id, fr.id].sort());
    expect((await ordersOf(fr.id)).map((o) => o.amazonOrderId).sort()).toEqual([...frIds].sort());
    expect(await cursorOf(fr.id)).toBe(second.cursor);

    searches.clear();
    await sync(fr.id);
    expect(searches.marketplaces()).toEqual([[DE, FR].sort()]);
  });

  it('counts and does not store orders of a marketplace whose connection was disabled during the pull', async () => {
    const deIds = sandbox.sandbox.generateOrders({ count: 150, marketplaceId: DE, seed: 8 });
    const frIds = sandbox.sandbox.generateOrders({ count: 150, marketplaceId: FR, seed: 9 });
    const de = await connect('de', DE);
    const fr = await connect('fr', FR);

    let disabled = false;
    const run = await sync(de.id, async (progress) => {
      if (disabled || progress.pages !== 1) return;
      disabled = true; // after the first page: FR's orders of the later pages have no active connection
      const updated = await app.connections.update(app.accountId, fr.id, { active: false }, 'test');
      if (!updated.ok) throw updated.error;
    });
    expect(run.pages).toBe(3);
    const frStored = (await ordersOf(fr.id)).length;
    expect(run.ordersUnmatched).toBeGreaterThan(0);
    expect(frStored + run.ordersUnmatched).toBe(150);
    expect((await ordersOf(de.id)).length).toBe(150);
    expect(await cursorOf(de.id)).toBe(run.windowEnd);
    expect(await cursorOf(fr.id)).toBeNull(); // its orders after the first page were not stored
    const [frRun] = await app.syncRuns.list([fr.id], 1);
    expect(frRun).toMatchObject({ ordersUnmatched: run.ordersUnmatched, pullId: run.pullId });

    // Activated again: it catches up and gets every one of its orders.
    const activated = await app.connections.update(app.accountId, fr.id, { active: true }, 'test');
    if (!activated.ok) throw activated.error;
    await sync(fr.id);
    expect((await ordersOf(fr.id)).map((o) => o.amazonOrderId).sort()).toEqual([...frIds].sort());
    expect((await ordersOf(de.id)).map((o) => o.amazonOrderId).sort()).toEqual([...deIds].sort());
  });

  it('reads each connection alone when Amazon refuses one marketplace of the shared request', async () => {
    // This seller sells in DE only: a request naming FR is refused (403) as a whole.
    const refreshToken = 'Atzr|de-only-seller-token';
    sandbox.sandbox.addSeller({ sellerId: 'A2DEONLYSELLER', refreshToken, marketplaceIds: [DE] });
    const deIds = sandbox.sandbox.generateOrders({ count: 7, marketplaceId: DE, sellerId: 'A2DEONLYSELLER', seed: 14 });
    const add = async (name: string, marketplaceId: string) => {
      const input = sandboxConnectionInput(sandbox.url, { name, marketplaceId, sellerId: 'A2DEONLYSELLER' });
      const added = await app.connections.add(app.accountId, { ...input, refreshToken }, 'test');
      if (!added.ok) throw added.error;
      return added.value;
    };
    const de = await add('de', DE);
    const fr = await add('fr', FR);

    const run = await sync(de.id);
    // The refused shared request (the client tries a 403 twice), then each marketplace alone.
    const asked = [...new Set(searches.marketplaces().map((ids) => ids.join(',')))];
    expect(asked).toEqual([[DE, FR].sort().join(','), DE, FR]);
    expect(run).toMatchObject({ pullId: null, status: 'succeeded', ordersCreated: 7 });
    expect((await ordersOf(de.id)).map((o) => o.amazonOrderId).sort()).toEqual([...deIds].sort());
    const [frRun] = await app.syncRuns.list([fr.id], 1);
    expect(frRun).toMatchObject({ status: 'failed', errorCode: 'amazon_auth_token_invalid' });
    expect(await cursorOf(fr.id)).toBeNull();
  });

  it('runs the seller pull for Synchronize Orders on any connection and shows counts per connection (REST)', async () => {
    sandbox.sandbox.generateOrders({ count: 6, marketplaceId: DE, seed: 12 });
    sandbox.sandbox.generateOrders({ count: 9, marketplaceId: FR, seed: 13 });
    const de = await connect('de', DE);
    const fr = await connect('fr', FR);
    // The same seller account connected in another OrderBridge account is pulled on its own (tenants stay apart).
    const other = await app.accounts.accounts.create({ name: 'Other', planId: 'business' }, 'test');
    if (!other.ok) throw other.error;
    const elsewhere = await app.connections.add(
      other.value.account.id,
      sandboxConnectionInput(sandbox.url, { name: 'it', marketplaceId: IT }),
      'test',
    );
    if (!elsewhere.ok) throw elsewhere.error;
    const worker = new SyncWorker(app, app.jobs);
    const server: FastifyInstance = await buildHttpServer({ app, requestSync: (id) => worker.requestSync(id) });
    try {
      await authorize(server, app);
      const clicked = await server.inject({ method: 'POST', url: `/api/connections/${fr.id}/sync` });
      expect(clicked.statusCode).toBe(202);
      const again = await server.inject({ method: 'POST', url: `/api/connections/${de.id}/sync` });
      expect(again.json<{ jobId: string }>().jobId).toBe(clicked.json<{ jobId: string }>().jobId); // one seller pull
      await app.jobs.drain(worker.handlers);
      expect(searches.marketplaces()).toEqual([[DE, FR].sort()]);

      const runs = await server.inject({ method: 'GET', url: `/api/sync-runs?connection=${de.id}` });
      type Run = { pullId: string; pull: { runs: Array<{ connectionName: string; ordersCreated: number }> } };
      const [run] = runs.json<{ syncRuns: Run[] }>().syncRuns;
      expect(run?.pull.runs.map((r) => [r.connectionName, r.ordersCreated]).sort()).toEqual([
        ['de', 6],
        ['fr', 9],
      ]);
      const one = await server.inject({
        method: 'GET',
        url: `/api/sync-runs/${(await app.syncRuns.list([fr.id], 1))[0]!.id}`,
      });
      expect(one.json<Run>().pullId).toBe(run?.pullId);

      const listed = await server.inject({ method: 'GET', url: '/api/connections' });
      type Shown = { id: string; sellerPull: { connectionIds: string[]; catchingUp: boolean; cursor: string } | null };
      const shown = listed.json<{ connections: Shown[] }>().connections;
      for (const c of shown) {
        expect(c.sellerPull?.connectionIds.sort()).toEqual([de.id, fr.id].sort());
        expect(c.sellerPull?.catchingUp).toBe(false);
      }
      expect(shown.map((c) => c.id)).not.toContain(elsewhere.value.id);
      expect((await app.sellerPulls.ensure(elsewhere.value)).id).not.toBe((await app.sellerPulls.ensure(de)).id);
      const stored = await app.db.selectFrom('orders').select('connection_id').distinct().execute();
      expect(stored.map((o) => o.connection_id).sort()).toEqual([de.id, fr.id].sort());
      const single = await server.inject({ method: 'GET', url: `/api/connections/${fr.id}` });
      expect(single.json<Shown>().sellerPull?.cursor).toBe(await cursorOf(fr.id));
    } finally {
      await server.close();
    }
  });
});
