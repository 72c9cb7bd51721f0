import { afterEach, beforeEach, expect, it } from 'vitest';
import { sandboxConnectionInput, SANDBOX_SKU_CROP } from '../../src/app/demo.js';
import type { Order } from '../../src/domain/order.js';
import { SANDBOX_CONSUMER_KEY, SANDBOX_CONSUMER_SECRET } from '../../src/sandbox/woocommerce/index.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { openStoreTestEnv, wooOrdersByAmazonId, type StoreTestEnv } from '../helpers/store-test-env.js';
import { DE } from '../helpers/test-app.js';

const CONFIG = { orderTypes: ['MFN'], skuCrop: SANDBOX_SKU_CROP, unknownSkuPolicy: 'import_unlinked' };

/**
 * Store delivery takes a durable claim per (shop, Amazon order id) before the store order is made:
 * a second copy of an Amazon order — from a legacy duplicate connection, through another store row
 * for the same shop, in any account — never becomes a second store order and waits in
 * needs-attention with duplicate_amazon_order. Counted in the WooCommerce sandbox's own state.
 */
describeEachDatabase('one store order per Amazon order and shop', (ctx) => {
  let env: StoreTestEnv;
  let amazonIds: string[];

  beforeEach(async () => {
    env = await openStoreTestEnv(ctx.url(), { config: CONFIG });
    amazonIds = env.amazon.sandbox.generateOrders({
      count: 4,
      marketplaceId: DE,
      fulfillment: 'MFN',
      statuses: { UNSHIPPED: 1 },
    });
    const first = await env.app.importOrders(env.connectionId, { trigger: 'manual' });
    if (!first.ok) throw first.error;
    await env.app.runStoreJobs();
    expectOneStoreOrderEach();
  });
  afterEach(async () => env.close());

  function expectOneStoreOrderEach(): void {
    const byAmazonId = wooOrdersByAmazonId(env.woo);
    for (const id of amazonIds) expect(byAmazonId.get(id) ?? [], id).toHaveLength(1);
    expect(env.woo.sandbox.listOrders()).toHaveLength(amazonIds.length);
  }

  /** Switches the seller's active connection over to `connectionId` (account `accountId`), then pulls and delivers. */
  async function switchOverAndDeliver(accountId: string, connectionId: string): Promise<void> {
    const off = await env.app.connections.update(env.app.accountId, env.connectionId, { active: false }, 'test');
    if (!off.ok) throw off.error;
    const on = await env.app.connections.update(accountId, connectionId, { active: true }, 'test');
    if (!on.ok) throw on.error;
    const pulled = await env.app.importOrders(connectionId, { trigger: 'manual' });
    if (!pulled.ok) throw pulled.error;
    await env.app.runStoreJobs();
  }

  const refusedCopies = async (accountId: string, connectionId: string): Promise<Order[]> =>
    (await env.app.storeSideService.needsAttention(accountId, 100)).filter((o) => o.connectionId === connectionId);

  it('refuses a second copy from another connection of the seller into the same store', async () => {
    const twin = await env.app.connections.add(
      env.app.accountId,
      {
        ...sandboxConnectionInput(env.amazon.url, { name: 'twin', marketplaceId: DE, active: false, config: CONFIG }),
        store: 'shop',
      },
      'test',
    );
    if (!twin.ok) throw twin.error;
    await switchOverAndDeliver(env.app.accountId, twin.value.id);

    expectOneStoreOrderEach();
    const refused = await refusedCopies(env.app.accountId, twin.value.id);
    expect(refused.map((o) => o.amazonOrderId).sort()).toEqual([...amazonIds].sort());
    for (const order of refused) {
      expect(order.errorCode).toBe('duplicate_amazon_order');
      expect(order.errorMessage).toBe(
        `Amazon order ${order.amazonOrderId} was already delivered to this store by connection "sandbox"; this copy is not sent again (one store order per Amazon order)`,
      );
      expect(order.storeOrderRef).toBeNull();
    }
    // A retry changes nothing: still one store order each, the copy still waits with its error.
    const retried = await env.app.storeSideService.retry(env.app.accountId, refused[0]!.id);
    expect(retried.ok).toBe(true);
    await env.app.runStoreJobs();
    expectOneStoreOrderEach();
    expect((await refusedCopies(env.app.accountId, twin.value.id))[0]?.errorCode).toBe('duplicate_amazon_order');
  });

  it('still refuses it through the same store row after the shop moved to another URL', async () => {
    await env.app.storeSide.stores.update(
      env.storeId,
      { baseUrl: 'https://moved-shop.example.com' },
      env.app.clock.nowIso(),
    );
    const twin = await env.app.connections.add(
      env.app.accountId,
      {
        ...sandboxConnectionInput(env.amazon.url, { name: 'twin', marketplaceId: DE, active: false, config: CONFIG }),
        store: 'shop',
      },
      'test',
    );
    if (!twin.ok) throw twin.error;
    await switchOverAndDeliver(env.app.accountId, twin.value.id);
    const refused = await refusedCopies(env.app.accountId, twin.value.id);
    expect(refused.map((o) => o.errorCode)).toEqual(amazonIds.map(() => 'duplicate_amazon_order'));
    expectOneStoreOrderEach();
  });

  it('refuses it through another account’s store row that spells the same shop differently', async () => {
    const created = await env.app.accounts.accounts.create({ name: 'Other Trading', planId: 'business' }, 'test');
    if (!created.ok) throw created.error;
    const other = created.value.account.id;
    const sameShop = `${env.woo.url.replace('127.0.0.1', 'localhost')}/`;
    const store = await env.app.stores.add(
      other,
      {
        name: 'their-shop',
        platform: 'woocommerce',
        baseUrl: sameShop,
        secrets: { consumerKey: SANDBOX_CONSUMER_KEY, consumerSecret: SANDBOX_CONSUMER_SECRET },
      },
      'test',
    );
    if (!store.ok) throw store.error;
    const theirs = await env.app.connections.add(
      other,
      {
        ...sandboxConnectionInput(env.amazon.url, {
          name: 'their-conn',
          marketplaceId: DE,
          active: false,
          config: CONFIG,
        }),
        store: 'their-shop',
      },
      'test',
    );
    if (!theirs.ok) throw theirs.error;
    await switchOverAndDeliver(other, theirs.value.id);

    expectOneStoreOrderEach();
    const refused = await refusedCopies(other, theirs.value.id);
    expect(refused).toHaveLength(amazonIds.length);
    for (const order of refused) {
      expect(order.errorCode).toBe('duplicate_amazon_order');
      expect(order.errorMessage).toContain('already delivered to this store by a connection of another account');
      expect(order.errorMessage).not.toContain('sandbox');
    }
  });
});
