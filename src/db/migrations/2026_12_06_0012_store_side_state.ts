import { sql, type Kysely } from 'kysely';

/**
 * Store-side state updates after write-back (FBA, shipped/cancelled) and Amazon's feed id on
 * cancellations. New states and `not_sent` need no column (text columns); Amazon's feed id is read
 * from the feed row. This only catches up orders recorded before: a store order Amazon reports shipped
 * with a store shipment recorded becomes `shipped`; one Amazon reports cancelled with a store
 * cancellation recorded becomes `cancelled` (both stayed `created` before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update orders set store_state = 'shipped'
    where store_state = 'created' and status = 'shipped'
      and exists (select 1 from shipments s where s.order_id = orders.id and s.state in ('pending', 'confirmed'))
  `.execute(db);
  await sql`
    update orders set store_state = 'cancelled'
    where store_state = 'created' and status = 'cancelled'
      and exists (select 1 from cancellations c where c.order_id = orders.id)
  `.execute(db);
}
