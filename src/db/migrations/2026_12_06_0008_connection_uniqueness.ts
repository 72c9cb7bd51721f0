import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { storeIdentity } from '../../domain/store-identity.js';

interface ActiveConnectionRow {
  id: string;
  account_id: string;
  seller_id: string;
  marketplace_id: string;
  settings_json: string;
}

/**
 * One active order connection per Amazon seller account + marketplace; one store order per Amazon
 * order and store. Duplicates that already exist are settled first, nothing deleted: per seller +
 * marketplace the oldest active connection stays active, the others are deactivated (with an audit
 * entry saying why). Then a partial unique index keeps it so, and `store_order_claims` records which
 * order reached which store (store = `storeIdentity`: platform + normalised URL), filled from the
 * orders already delivered so a switched-over duplicate cannot deliver them a second time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  await deactivateDuplicates(db, now);
  await db.schema
    .createIndex('connections_one_active_per_seller_idx')
    .on('connections')
    .columns(['seller_id', 'marketplace_id'])
    .unique()
    .where(sql<boolean>`active = 1`)
    .execute();
  await db.schema
    .createTable('store_order_claims')
    .addColumn('store_key', 'text', (c) => c.notNull())
    .addColumn('amazon_order_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_order_claims_pk', ['store_key', 'amazon_order_id'])
    .execute();
  await db.schema
    .createIndex('store_order_claims_order_store_idx')
    .on('store_order_claims')
    .columns(['amazon_order_id', 'store_id'])
    .execute();
  await claimDeliveredOrders(db, now);
}

async function deactivateDuplicates(db: Kysely<unknown>, now: string): Promise<void> {
  const active = await sql<ActiveConnectionRow>`
    select id, account_id, seller_id, marketplace_id, settings_json from connections
    where active = 1 order by created_at, id`.execute(db);
  const kept = new Map<string, ActiveConnectionRow>();
  for (const row of active.rows) {
    const key = `${row.seller_id}|${row.marketplace_id}`;
    const first = kept.get(key);
    if (!first) {
      kept.set(key, row);
      continue;
    }
    const settings = { ...(JSON.parse(row.settings_json) as Record<string, unknown>), active: false };
    await sql`update connections set active = 0, settings_json = ${JSON.stringify(settings)}, updated_at = ${now}
      where id = ${row.id}`.execute(db);
    // Only a connection of the same account is named: another account's ids stay hidden.
    const reason = {
      active: false,
      reason: 'duplicate_connection',
      keptConnectionId: first.account_id === row.account_id ? first.id : null,
    };
    await sql`insert into audit_log (id, account_id, actor, action, entity, entity_id, before_json, after_json, occurred_at)
      values (${randomUUID()}, ${row.account_id}, 'system', 'connection.duplicate_deactivated', 'connection',
        ${row.id}, ${JSON.stringify({ active: true })}, ${JSON.stringify(reason)}, ${now})`.execute(db);
  }
}

async function claimDeliveredOrders(db: Kysely<unknown>, now: string): Promise<void> {
  // Oldest connection first: its order keeps the claim when a legacy duplicate delivered it too.
  const connections = await sql<{ id: string; store_id: string; platform: string; base_url: string }>`
    select c.id, c.store_id, s.platform, s.base_url from connections c join stores s on s.id = c.store_id
    order by c.created_at, c.id`.execute(db);
  for (const c of connections.rows) {
    await sql`insert into store_order_claims (store_key, amazon_order_id, order_id, connection_id, store_id, claimed_at)
      select ${storeIdentity(c.platform, c.base_url)}, o.amazon_order_id, o.id, o.connection_id, ${c.store_id}, ${now}
      from orders o
      where o.connection_id = ${c.id}
        and (o.store_order_ref is not null or o.store_state in ('stock_taken', 'stock_returned'))
      on conflict do nothing`.execute(db);
  }
}
