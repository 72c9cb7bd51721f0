import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases.js';
import { openStoreTestEnv, runJobsUntil, wooOrdersByAmazonId, type StoreTestEnv } from '../helpers/store-test-env.js';
import { addSandboxConnection, DE } from '../helpers/test-app.js';

/** Plans as data (PRODUCT.md §10): activation needs order connections; over the quota orders wait, never dropped. */
describeEachDatabase('plans', (ctx) => {
  let env: StoreTestEnv;
  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url(), { seed: 5 });
  });
  afterEach(async () => env.close());

  it('refuses to activate order synchronization on a plan without order connections, naming the plan needed', async () => {
    const { app } = env;
    expect((await app.plans.setPlan(app.accountId, 'free', 'test')).ok).toBe(true);
    const refused = await app.connections.update(app.accountId, env.connectionId, { active: false }, 'test');
    expect(refused.ok).toBe(true);
    const activate = await app.connections.update(app.accountId, env.connectionId, { active: true }, 'test');
    expect(activate.ok ? 'ok' : activate.error.message).toMatch(
      /plan "Free" does not include order connections; upgrade to "Business"/,
    );
    const added = await addSandboxConnection(app, env.amazon, { name: 'second', active: false }).catch(
      (e: Error) => e.message,
    );
    expect(added).toMatch(/allows 1 connection/);
    await app.plans.setPlan(app.accountId, 'business', 'test');
    expect((await app.connections.update(app.accountId, env.connectionId, { active: true }, 'test')).ok).toBe(true);
    const unknown = await app.plans.setPlan(app.accountId, 'platinum', 'test');
    expect(unknown.ok ? '' : unknown.error.code).toBe('plan_not_found');
  });

  it('holds orders over the monthly quota with a notice, and an upgrade sends them to the store', async () => {
    const { app, amazon, woo } = env;
    await app.storeSide.plans.ensure(
      [{ id: 'tiny', name: 'Tiny', orderConnections: true, maxConnections: 1, ordersPerMonth: 2 }],
      app.clock.nowIso(),
    );
    await app.plans.setPlan(app.accountId, 'tiny', 'test');
    const ids = amazon.sandbox.generateOrders({
      count: 4,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    for (const sku of [
      'tea_green_100',
      'case ip15 clr',
      'shoe airz 44',
      'lego 10698',
      'bottle 750 ss',
      'kpw cover blk',
      'echo dot 4 charcoal',
    ]) {
      const product = sku.toUpperCase().replace(/ /g, '-');
      const ref = String(woo.sandbox.getStock(product).productId);
      await app.storeSideService.linkSku(app.accountId, env.connectionId, sku, ref);
    }
    await app.importOrders(env.connectionId, { trigger: 'manual' });
    await app.runStoreJobs();
    expect(wooOrdersByAmazonId(woo).size).toBe(2);
    const held = (await app.storeSideService.needsAttention(app.accountId, 50)).filter((o) =>
      o.holdReason?.startsWith('plan_quota'),
    );
    expect(held).toHaveLength(ids.length - 2);
    const details = await app.orders.details(app.accountId, held[0]?.id ?? '');
    if (!details.ok) throw details.error;
    expect(details.value.timeline.at(-1)?.summary).toMatch(/plan "Tiny" allows 2 orders per month .* kept/);
    const usage = await app.plans.ofAccount(app.accountId, '2000-01-01T00:00:00.000Z');
    expect(usage.ok && usage.value.deliveredThisMonth).toBe(2);
    // The notice the web app shows on the dashboard and the plan page.
    const view = await app.accounts.accounts.view(app.accountId);
    expect(view.ok && view.value.usage).toMatchObject({ ordersHeldByQuota: ids.length - 2 });

    const upgraded = await app.plans.setPlan(app.accountId, 'business', 'test');
    expect(upgraded.ok && upgraded.value.released).toBe(ids.length - 2);
    await runJobsUntil(app, () => wooOrdersByAmazonId(woo).size === ids.length);
    const after = await app.accounts.accounts.view(app.accountId);
    expect(after.ok && after.value.usage.ordersHeldByQuota).toBe(0);
  });
});
