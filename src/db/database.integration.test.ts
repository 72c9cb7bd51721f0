import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { createDatabase } from './database.js';
import { dialectOf, lockSkipLocked, setFromExcluded, transaction } from './dialect.js';
import { migrations, runMigrations } from './migrator.js';
import type { Database } from './schema.js';

const now = '2026-11-28T10:00:00.000Z';

describeEachDatabase('database layer', (ctx) => {
  async function seedConnection(id = 'conn-1'): Promise<void> {
    const db = ctx.getDb();
    await db
      .insertInto('accounts')
      .values({ id: 'acc-1', name: 'Default', created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('connections')
      .values({
        id,
        account_id: 'acc-1',
        name: `Shop ${id}`,
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
  }

  async function insertOrder(id: string, connectionId = 'conn-1'): Promise<void> {
    await ctx
      .getDb()
      .insertInto('orders')
      .values({
        id,
        connection_id: connectionId,
        amazon_order_id: `028-${id}`,
        marketplace_id: 'A1PA6795UKMFR9',
        status: 'imported',
        total_gross: '119.00',
        total_net: '100.00',
        imported_at: now,
        updated_at: now,
      })
      .execute();
  }

  it('reports its dialect', () => {
    expect(dialectOf(ctx.getDb())).toBe(ctx.dialect);
  });

  it('has applied every migration once; running them again changes nothing', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(ctx.getDb());
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    expect(await runMigrations(ctx.getDb())).toEqual([]);
  });

  it('introspects only its own tables (PostgreSQL: only its search_path schema)', async () => {
    const tables = await ctx.getDb().introspection.getTables();
    expect(tables.map((t) => t.name).sort()).toEqual([
      'accounts',
      'amazon_authorizations',
      'api_tokens',
      'audit_log',
      'cancellations',
      'connections',
      'feeds',
      'installation_settings',
      'jobs',
      'login_throttle',
      'order_events',
      'order_lines',
      'orders',
      'plans',
      'rate_budgets',
      'schedules',
      'seller_pulls',
      'sessions',
      'shipments',
      'sku_links',
      'stock_adjustments',
      'stock_levels',
      'store_order_claims',
      'stores',
      'sync_runs',
      'users',
      'webhook_deliveries',
    ]);
    const jobs = tables.find((t) => t.name === 'jobs');
    expect(jobs?.columns.find((c) => c.name === 'key')).toMatchObject({ isNullable: true, isAutoIncrementing: false });
  });

  it('returns the same row shapes on both databases: text times and money, integer flags', async () => {
    await seedConnection();
    await insertOrder('o-1');
    const db = ctx.getDb();
    const connection = await db
      .selectFrom('connections')
      .select(['active', 'import_cursor', 'created_at'])
      .executeTakeFirstOrThrow();
    expect(connection).toEqual({ active: 1, import_cursor: null, created_at: now });
    const order = await db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      total_gross: '119.00',
      total_net: '100.00',
      skipped: 0,
      imported_at: now,
      buyer_json: null,
    });
    const count = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('enforces one order per (connection, Amazon order id) and cascades deletes', async () => {
    await seedConnection();
    await insertOrder('o-1');
    await expect(
      ctx
        .getDb()
        .insertInto('orders')
        .values({
          id: 'o-2',
          connection_id: 'conn-1',
          amazon_order_id: '028-o-1',
          marketplace_id: 'X',
          status: 'imported',
          imported_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow();
    await ctx.getDb().deleteFrom('connections').where('id', '=', 'conn-1').execute();
    expect(await ctx.getDb().selectFrom('orders').selectAll().execute()).toEqual([]);
  });

  it('transaction() joins an outer transaction, which rolls back as one', async () => {
    await seedConnection();
    const outer = ctx
      .getDb()
      .transaction()
      .execute(async (trx) => {
        await insertOrderIn(trx, 'o-1');
        await transaction(trx, (inner) => insertOrderIn(inner, 'o-2'));
        throw new Error('undo');
      });
    await expect(outer).rejects.toThrow('undo');
    expect(await ctx.getDb().selectFrom('orders').selectAll().execute()).toEqual([]);
    await transaction(ctx.getDb(), (trx) => insertOrderIn(trx, 'o-3'));
    expect(await ctx.getDb().selectFrom('orders').select('id').execute()).toEqual([{ id: 'o-3' }]);
  });

  it('upserts with on conflict … do update set excluded.* on both databases', async () => {
    await seedConnection();
    const upsert = (productRef: string) =>
      ctx
        .getDb()
        .insertInto('sku_links')
        .values({
          id: productRef,
          connection_id: 'conn-1',
          amazon_sku: 'SKU-1',
          product_ref: productRef,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['connection_id', 'amazon_sku']).doUpdateSet(setFromExcluded(['product_ref'])))
        .execute();
    await upsert('P-1');
    await upsert('P-2');
    expect(await ctx.getDb().selectFrom('sku_links').select(['id', 'product_ref']).execute()).toEqual([
      { id: 'P-1', product_ref: 'P-2' },
    ]);
  });

  it('adds FOR UPDATE SKIP LOCKED only on PostgreSQL', () => {
    const query = lockSkipLocked(ctx.getDb().selectFrom('jobs').select('id'), ctx.dialect).compile().sql;
    if (ctx.dialect === 'postgres') expect(query).toContain('for update skip locked');
    else expect(query).not.toContain('for update');
  });

  it('lets another connection (a child process) open the same database from url()', async () => {
    await seedConnection();
    const url = ctx.url();
    const other = await createDatabase(ctx.dialect === 'postgres' ? { url } : { sqlitePath: url });
    try {
      const rows = await other.db.selectFrom('connections').select('id').execute();
      expect(rows).toEqual([{ id: 'conn-1' }]);
    } finally {
      await other.close();
    }
  });

  it('configures the connection for safe concurrent use', async () => {
    const db = ctx.getDb();
    if (ctx.dialect === 'sqlite') {
      const pragma = async (name: string) =>
        Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0] ?? {})[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    } else {
      const { rows } = await sql<{
        schema: string;
        tz: string;
      }>`select current_schema() as schema, current_setting('TimeZone') as tz`.execute(db);
      expect(ctx.url()).toContain(`schema=${rows[0]?.schema}`);
      expect(rows[0]?.tz).toBe('UTC');
      const { rows: typed } = await sql<{
        big: unknown;
        money: unknown;
        at: unknown;
      }>`select 5::int8 as big, 1.50::numeric as money, '2026-01-02 03:04:05+00'::timestamptz as at`.execute(db);
      expect(typed[0]).toEqual({ big: 5, money: '1.50', at: '2026-01-02T03:04:05.000Z' });
    }
  });
});

async function insertOrderIn(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .insertInto('orders')
    .values({
      id,
      connection_id: 'conn-1',
      amazon_order_id: id,
      marketplace_id: 'X',
      status: 'imported',
      imported_at: now,
      updated_at: now,
    })
    .execute();
}

describe('createDatabase configuration errors', () => {
  it('refuses a URL that is not PostgreSQL and a missing SQLite path', async () => {
    await expect(createDatabase({ url: 'mysql://u@h/db' })).rejects.toMatchObject({ code: 'config_invalid' });
    await expect(createDatabase({})).rejects.toMatchObject({ code: 'config_invalid' });
  });
});
