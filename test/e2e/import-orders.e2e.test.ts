import Big from 'big.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { App } from '../../src/app/app-context.js';
import { startAmazonSandbox, type StartedAmazonSandbox } from '../../src/sandbox/amazon/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { addSandboxConnection, DE, openTestApp } from '../helpers/test-app.js';

/** Whole import against the shipped sandbox, on SQLite and on PostgreSQL. */
describeEachDatabase('order import end to end', (ctx) => {
  let sandbox: StartedAmazonSandbox;
  let app: App;

  beforeEach(async () => {
    sandbox = await startAmazonSandbox({ seed: 7, rateScale: 1000 });
    app = await openTestApp(ctx.url());
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  async function sync(connectionId: string) {
    const result = await app.importOrders(connectionId, { trigger: 'manual' });
    if (!result.ok) throw result.error;
    return result.value;
  }

  async function allOrders() {
    const listed = await app.orders.list(app.accountId, { limit: 500, offset: 0 });
    if (!listed.ok) throw listed.error;
    return listed.value.orders;
  }

  it('imports every order exactly once with Amazon status and totals to the cent, then re-reads harmlessly', async () => {
    const ids = sandbox.sandbox.generateOrders({ count: 250, marketplaceId: DE });
    const connection = await addSandboxConnection(app, sandbox);

    const first = await sync(connection.id);
    expect(first.status).toBe('succeeded');
    expect(first.ordersCreated).toBe(250);
    expect(first.pages).toBe(3);
    expect(first.apiCalls.searchOrders).toBe(3);
    expect(first.apiCalls.getOrder ?? 0).toBe(0);
    expect(first.cursor).toBe(first.windowEnd);

    const stored = await allOrders();
    expect(stored.map((o) => o.amazonOrderId).sort()).toEqual([...ids].sort());
    for (const order of stored) {
      const amazon = sandbox.sandbox.getOrder(order.amazonOrderId);
      expect(order.amazonStatus).toBe(amazon.fulfillment?.fulfillmentStatus);
      const grand = amazon.proceeds?.grandTotal?.amount ?? null;
      expect(order.totals.amazonTotal).toBe(grand);
      if (grand !== null) {
        // What the store order carries plus the tax Amazon keeps equals Amazon's total, to the cent.
        expect(new Big(order.totals.gross ?? '0').plus(order.totals.excludedTax ?? '0').eq(grand)).toBe(true);
        expect(new Big(order.totals.adjustment ?? '0').abs().lte('0.05')).toBe(true);
      }
    }

    const again = await sync(connection.id);
    expect(again.ordersCreated).toBe(0);
    expect(again.ordersUpdated).toBe(0);
    expect((await allOrders()).length).toBe(250);
  });

  it('records changes from Amazon on the timeline and maps statuses', async () => {
    const [pendingId, unshippedId, cancelId, requestId] = sandbox.sandbox.generateOrders({
      count: 4,
      marketplaceId: DE,
      statuses: { PENDING: 1 },
      fulfillment: 'MFN',
    });
    sandbox.sandbox.advanceOrder(unshippedId as string, 'release');
    sandbox.sandbox.advanceOrder(cancelId as string, 'release');
    sandbox.sandbox.advanceOrder(requestId as string, 'release');
    sandbox.sandbox.advanceClock(180);
    const connection = await addSandboxConnection(app, sandbox);
    await sync(connection.id);
    const pending = await app.orders.details(app.accountId, pendingId as string);
    expect(pending.ok && pending.value.order.status).toBe('pending');

    sandbox.sandbox.advanceOrder(pendingId as string, 'release');
    sandbox.sandbox.advanceOrder(unshippedId as string, 'ship');
    sandbox.sandbox.advanceOrder(cancelId as string, 'cancel', { by: 'BUYER' });
    sandbox.sandbox.advanceOrder(requestId as string, 'requestCancel');
    sandbox.sandbox.advanceClock(180);
    const run = await sync(connection.id);
    expect(run.ordersUpdated).toBe(4);
    const requested = await app.orders.details(app.accountId, requestId as string);
    expect(requested.ok && requested.value.order.status).toBe('cancel_requested');
    expect(requested.ok && requested.value.order.flags?.buyerCancelRequested).toBe(true);
    expect(requested.ok && requested.value.timeline.at(-1)?.summary).toContain('buyer requested cancellation');

    const released = await app.orders.details(app.accountId, pendingId as string);
    const shipped = await app.orders.details(app.accountId, unshippedId as string);
    const cancelled = await app.orders.details(app.accountId, cancelId as string);
    if (!released.ok || !shipped.ok || !cancelled.ok) throw new Error('order missing');
    expect(released.value.order.status).toBe('ready');
    expect(released.value.order.totals.amazonTotal).not.toBeNull();
    expect(shipped.value.order.status).toBe('shipped');
    expect(cancelled.value.order.status).toBe('cancelled');
    const kinds = shipped.value.timeline.map((e) => e.kind);
    expect(kinds).toEqual(['order.imported', 'order.updated']);
    expect(shipped.value.timeline[1]?.summary).toContain('SHIPPED');
  });

  it('counts orders of unselected fulfilment channels as skipped', async () => {
    sandbox.sandbox.generateOrders({ count: 20, marketplaceId: DE, fulfillment: 'AFN' });
    sandbox.sandbox.generateOrders({ count: 30, marketplaceId: DE, fulfillment: 'MFN', seed: 99 });
    const connection = await addSandboxConnection(app, sandbox, { config: { orderTypes: ['MFN'] } });
    const run = await sync(connection.id);
    expect(run.ordersSkipped).toBe(20);
    expect(run.ordersCreated).toBe(30);
    const skipped = (await allOrders()).filter((o) => o.status === 'skipped');
    expect(skipped).toHaveLength(20);
    expect(skipped.every((o) => o.fulfillmentChannel === 'AFN' && o.skipReason?.includes('AFN'))).toBe(true);
  });

  it('fetches an order with getOrder only when the search result came incomplete', async () => {
    sandbox.sandbox.generateOrders({ count: 60, marketplaceId: DE, statuses: { UNSHIPPED: 1 }, fulfillment: 'MFN' });
    sandbox.sandbox.setFaults({ searchOrders: { dropBlocksRate: 0.2 } });
    const connection = await addSandboxConnection(app, sandbox);
    const run = await sync(connection.id);
    expect(run.ordersCreated).toBe(60);
    const getOrders = run.apiCalls.getOrder ?? 0;
    expect(getOrders).toBeGreaterThan(0);
    expect(getOrders).toBeLessThan(60);
    for (const o of await allOrders()) expect(o.totals.amazonTotal).not.toBeNull();
  });

  it('keeps the cursor and every stored order when Amazon fails mid-run, and resumes', async () => {
    sandbox.sandbox.generateOrders({ count: 150, marketplaceId: DE });
    const connection = await addSandboxConnection(app, sandbox);
    sandbox.sandbox.setFaults({ searchOrders: { malformedRate: 1 } });
    const failed = await sync(connection.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('amazon_malformed_response');
    expect(failed.cursor).toBeNull();
    sandbox.sandbox.setFaults({});
    const resumed = await sync(connection.id);
    expect(resumed.status).toBe('succeeded');
    expect((await allOrders()).length).toBe(150);
  });

  it('shows an order Amazon sends with an unknown status with its error, imports the rest, and heals it later', async () => {
    sandbox.sandbox.generateOrders({ count: 40, marketplaceId: DE });
    sandbox.sandbox.setFaults({ searchOrders: { unknownEnumRate: 0.1 }, getOrder: { unknownEnumRate: 1 } });
    const connection = await addSandboxConnection(app, sandbox);
    const run = await sync(connection.id);
    expect(run.ordersSeen).toBe(40);
    const broken = (await allOrders()).filter((o) => o.errorCode !== null);
    expect(broken.length).toBe(run.ordersFailed);
    for (const o of broken) expect(o.errorMessage).toBeTruthy();

    sandbox.sandbox.setFaults({});
    const healed = await sync(connection.id);
    expect(healed.ordersFailed).toBe(0);
    expect((await allOrders()).filter((o) => o.errorCode !== null)).toHaveLength(0);
    expect((await allOrders()).length).toBe(40);
  });

  it('imports a 1,000-line order exactly', async () => {
    const [id] = sandbox.sandbox.generateOrders({
      count: 1,
      marketplaceId: DE,
      lines: 1000,
      statuses: { UNSHIPPED: 1 },
    });
    const connection = await addSandboxConnection(app, sandbox);
    const run = await sync(connection.id);
    expect(run.ordersCreated).toBe(1);
    const details = await app.orders.details(app.accountId, id as string);
    if (!details.ok) throw details.error;
    expect(details.value.lines.filter((l) => l.kind === 'item')).toHaveLength(1000);
    const grand = sandbox.sandbox.getOrder(id as string).proceeds?.grandTotal?.amount as string;
    const t = details.value.order.totals;
    expect(new Big(t.gross ?? '0').plus(t.excludedTax ?? '0').eq(grand)).toBe(true);
  });

  it('refuses to sync a disabled connection, and two pulls of one connection never run at once', async () => {
    sandbox.sandbox.generateOrders({ count: 10, marketplaceId: DE });
    const connection = await addSandboxConnection(app, sandbox, { active: false });
    const refused = await app.importOrders(connection.id, { trigger: 'manual' });
    expect(!refused.ok && refused.error.code).toBe('connection_inactive');

    await app.connections.update(app.accountId, connection.id, { active: true }, 'test');
    const [a, b] = await Promise.all([
      app.importOrders(connection.id, { trigger: 'manual' }),
      app.importOrders(connection.id, { trigger: 'manual' }),
    ]);
    const codes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(codes).toEqual(['ok', 'sync_already_running']);
  });
});
