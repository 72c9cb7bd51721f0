import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { storeIdentity } from '../domain/store-identity.js';
import { up } from './migrations/2026_12_06_0008_connection_uniqueness.js';

const DE = 'A1PA6795UKMFR9';

/**
 * Migration 0008 on an installation that already has duplicates: the oldest active connection
 * per seller + marketplace stays active, the others are deactivated (audited, nothing deleted),
 * and orders already delivered hold their store claims.
 */
describeEachDatabase('migration 0008: connection uniqueness', (ctx) => {
  it('settles existing duplicates, then the database refuses a second active connection', async () => {
    const db = ctx.getDb();
    // The database as it was before 0008.
    await sql`drop index connections_one_active_per_seller_idx`.execute(db);
    await db.schema.dropTable('store_order_claims').execute();
    await db
      .insertInto('accounts')
      .values([
        { id: 'acc-a', name: 'A', created_at: '2026-01-01T00:00:00.000Z' },
        { id: 'acc-b', name: 'B', created_at: '2026-01-01T00:00:00.000Z' },
      ])
      .execute();
    await db
      .insertInto('stores')
      .values(
        ['store-a', 'store-b'].map((id, i) => ({
          id,
          account_id: i === 0 ? 'acc-a' : 'acc-b',
          name: id,
          platform: 'woocommerce',
          base_url: i === 0 ? 'https://shop.example.com' : 'HTTP://www.shop.example.com/',
          settings_json: '{}',
          secrets_encrypted: 'sealed',
          event_cursor: null,
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
        })),
      )
      .execute();
    const connection = (id: string, account: string, created: string, active: number, seller = 'A1SELLER01') => ({
      id,
      account_id: account,
      name: id,
      marketplace_id: DE,
      seller_id: seller,
      region: 'EU',
      sp_api_base_url: 'https://sellingpartnerapi-eu.amazon.com',
      lwa_url: 'https://api.amazon.com/auth/o2/token',
      client_id: 'client',
      secrets_encrypted: 'sealed',
      settings_json: JSON.stringify({ active: active === 1, pollIntervalMinutes: 5 }),
      active,
      store_id: account === 'acc-a' ? 'store-a' : 'store-b',
      created_at: created,
      updated_at: created,
    });
    await db
      .insertInto('connections')
      .values([
        connection('newer-a', 'acc-a', '2026-03-01T00:00:00.000Z', 1),
        connection('oldest-b', 'acc-b', '2026-01-01T00:00:00.000Z', 1),
        connection('middle-a', 'acc-a', '2026-02-01T00:00:00.000Z', 1),
        connection('disabled-a', 'acc-a', '2025-12-01T00:00:00.000Z', 0),
        connection('other-seller', 'acc-a', '2026-04-01T00:00:00.000Z', 1, 'A2OTHER001'),
      ])
      .execute();
    const order = (id: string, connectionId: string, ref: string | null) => ({
      id,
      connection_id: connectionId,
      amazon_order_id: '028-1111111-1111111',
      marketplace_id: DE,
      status: ref ? 'in_store' : 'imported',
      store_state: ref ? 'created' : null,
      store_order_ref: ref,
      imported_at: '2026-03-02T00:00:00.000Z',
      updated_at: '2026-03-02T00:00:00.000Z',
    });
    // Delivered twice already (the defect), once by each account's store row for the same shop.
    await db
      .insertInto('orders')
      .values([order('o-b', 'oldest-b', '17'), order('o-a', 'newer-a', '18'), order('o-mid', 'middle-a', null)])
      .execute();

    await up(db as never);

    const rows = await db.selectFrom('connections').select(['id', 'active', 'settings_json']).orderBy('id').execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.active]))).toEqual({
      'disabled-a': 0,
      'middle-a': 0,
      'newer-a': 0,
      'oldest-b': 1,
      'other-seller': 1,
    });
    const settings = JSON.parse(rows.find((r) => r.id === 'newer-a')!.settings_json) as Record<string, unknown>;
    expect(settings).toEqual({ active: false, pollIntervalMinutes: 5 });
    const audit = await db.selectFrom('audit_log').selectAll().orderBy('entity_id').execute();
    expect(audit.map((a) => [a.account_id, a.entity_id, a.action])).toEqual([
      ['acc-a', 'middle-a', 'connection.duplicate_deactivated'],
      ['acc-a', 'newer-a', 'connection.duplicate_deactivated'],
    ]);
    // The kept connection is in another account: not named.
    expect(audit[0]!.after_json).not.toContain('oldest-b');

    const claims = await db.selectFrom('store_order_claims').selectAll().execute();
    expect(claims).toEqual([
      expect.objectContaining({
        store_key: storeIdentity('woocommerce', 'https://shop.example.com'),
        amazon_order_id: '028-1111111-1111111',
        order_id: 'o-b',
      }),
    ]);

    // From now on the database itself refuses a second active connection of the seller.
    const refused = await db
      .updateTable('connections')
      .set({ active: 1 })
      .where('id', '=', 'middle-a')
      .execute()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).not.toBeNull();
    await db.updateTable('connections').set({ active: 0 }).where('id', '=', 'oldest-b').execute();
    await db.updateTable('connections').set({ active: 1 }).where('id', '=', 'middle-a').execute();
  });
});
