import type { Kysely } from 'kysely';

/**
 * Plans are data (PRODUCT.md §10): whether order connections are allowed, how many connections,
 * how many orders per month reach the store. Accounts get a plan; the seeded plans are the
 * defaults an admin can change. `self-hosted` (everything allowed) is the default account's plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('order_connections', 'integer', (c) => c.notNull())
    /** null = unlimited */
    .addColumn('max_connections', 'integer')
    .addColumn('orders_per_month', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('plan_id', 'text', (c) => c.notNull().defaultTo('self-hosted'))
    .execute();
}
