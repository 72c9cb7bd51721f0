import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { OrderStoreRepository } from './order-store.repository.js';
import { OrderRepository } from './order.repository.js';

const now = '2026-12-06T08:00:00.000Z';

/** Search text with LIKE's wildcards matches literally (issue 9 item 10). */
describeEachDatabase('LIKE searches match % and _ literally', (ctx) => {
  async function seed(orders: { id: string; seller: string; holdReason?: string }[]): Promise<void> {
    const db = ctx.getDb();
    await db.insertInto('accounts').values({ id: 'acc-1', name: 'Default', created_at: now }).execute();
    await db
      .insertInto('connections')
      .values({
        id: 'conn-1',
        account_id: 'acc-1',
        name: 'Shop',
        marketplace_id: 'A1PA6795UKMFR9',
        seller_id: 'SELLER',
        region: 'EU',
        sp_api_base_url: 'https://sellingpartnerapi-eu.amazon.com',
        lwa_url: 'https://api.amazon.com/auth/o2/token',
        client_id: 'client',
        secrets_encrypted: 'sealed',
        settings_json: '{"syncFromDate":"2026-01-01T00:00:00.000Z"}',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const o of orders) {
      await db
        .insertInto('orders')
        .values({
          id: o.id,
          connection_id: 'conn-1',
          amazon_order_id: `028-${o.id}`,
          seller_order_id: o.seller,
          marketplace_id: 'A1PA6795UKMFR9',
          status: o.holdReason ? 'held' : 'imported',
          hold_reason: o.holdReason ?? null,
          imported_at: now,
          updated_at: now,
        })
        .execute();
    }
  }

  it('finds orders by a search with %, _ or \\ only where the text really has them', async () => {
    await seed([
      { id: 'o1', seller: 'SHOP-100%-A' },
      { id: 'o2', seller: 'SHOP-1000-A' },
      { id: 'o3', seller: 'SHOP_7' },
      { id: 'o4', seller: 'SHOPX7' },
      { id: 'o5', seller: 'C:\\ref' },
    ]);
    const orders = new OrderRepository(ctx.getDb());
    const search = async (text: string) =>
      (await orders.list({ connectionIds: ['conn-1'], search: text, limit: 10, offset: 0 })).orders
        .map((o) => o.id)
        .sort();
    expect(await search('100%')).toEqual(['o1']);
    expect(await search('%')).toEqual(['o1']);
    expect(await search('P_7')).toEqual(['o3']);
    expect(await search('_')).toEqual(['o3']);
    expect(await search('\\r')).toEqual(['o5']);
  });

  it('counts held orders by a hold-reason prefix literally', async () => {
    await seed([
      { id: 'o1', seller: 'a', holdReason: 'plan_quota: monthly limit' },
      { id: 'o2', seller: 'b', holdReason: 'planXquota: other' },
    ]);
    const store = new OrderStoreRepository(ctx.getDb());
    expect(await store.countHeldWith(['conn-1'], 'plan_quota')).toBe(1);
    expect(await store.heldWith('conn-1', 'plan_quota', 10)).toEqual(['o1']);
  });
});
