import type { Kysely, Selectable } from 'kysely';
import type { Plan } from '../domain/plan.js';
import { fromBool, toBool } from './json-column.js';
import type { PlansTable } from './plans.schema.js';
import type { Database } from './schema.js';

const toPlan = (r: Selectable<PlansTable>): Plan => ({
  id: r.id,
  name: r.name,
  orderConnections: fromBool(r.order_connections),
  maxConnections: r.max_connections,
  ordersPerMonth: r.orders_per_month,
});

/** Timeline kinds that mean "this order reached the store" (what the monthly quota counts). */
export const DELIVERED_KINDS = ['store.order_created', 'store.order_offered', 'store.stock_lowered'] as const;

/** Plans, the account's plan, and what the monthly quota counts. */
export class PlanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the plans that do not exist yet (an admin's changes to existing ones are kept). */
  async ensure(plans: readonly Plan[], now: string): Promise<void> {
    for (const [position, p] of plans.entries()) {
      await this.db
        .insertInto('plans')
        .values({
          id: p.id,
          name: p.name,
          order_connections: toBool(p.orderConnections),
          max_connections: p.maxConnections,
          orders_per_month: p.ordersPerMonth,
          position,
          created_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  }

  /** Creates or changes a plan (a new one goes last in the list). */
  async save(p: Plan, now: string): Promise<void> {
    const last = await this.db
      .selectFrom('plans')
      .select((eb) => eb.fn.max('position').as('max'))
      .executeTakeFirst();
    const values = {
      name: p.name,
      order_connections: toBool(p.orderConnections),
      max_connections: p.maxConnections,
      orders_per_month: p.ordersPerMonth,
    };
    await this.db
      .insertInto('plans')
      .values({ id: p.id, ...values, position: Number(last?.max ?? -1) + 1, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  async accountsOn(planId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('accounts').select('id').where('plan_id', '=', planId).execute();
    return rows.map((r) => r.id);
  }

  async list(): Promise<Plan[]> {
    const rows = await this.db.selectFrom('plans').selectAll().orderBy('position').execute();
    return rows.map(toPlan);
  }

  async findById(id: string): Promise<Plan | null> {
    const row = await this.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPlan(row) : null;
  }

  async ofAccount(accountId: string): Promise<Plan | null> {
    const row = await this.db
      .selectFrom('accounts')
      .innerJoin('plans', 'plans.id', 'accounts.plan_id')
      .selectAll('plans')
      .where('accounts.id', '=', accountId)
      .executeTakeFirst();
    return row ? toPlan(row) : null;
  }

  async setAccountPlan(accountId: string, planId: string): Promise<void> {
    await this.db.updateTable('accounts').set({ plan_id: planId }).where('id', '=', accountId).execute();
  }

  /** Orders of the account that reached the store since `since` (each order once). */
  async deliveredSince(accountId: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('order_events')
      .innerJoin('connections', 'connections.id', 'order_events.connection_id')
      .select((eb) => eb.fn.count<number>('order_events.order_id').distinct().as('n'))
      .where('connections.account_id', '=', accountId)
      .where('order_events.kind', 'in', [...DELIVERED_KINDS])
      .where('order_events.occurred_at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
