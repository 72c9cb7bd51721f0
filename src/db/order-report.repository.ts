import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Aggregates over stored orders for the dashboard (no per-order data). */
export class OrderReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Orders per UTC day of Amazon's purchase date (`created_time`, ISO …Z, so its first 10
   * characters are the UTC day) from `fromDay` to `toDay` inclusive; days without orders are absent.
   */
  async ordersPerDay(
    connectionIds: readonly string[],
    fromDay: string,
    toDay: string,
  ): Promise<Array<{ date: string; orders: number }>> {
    if (connectionIds.length === 0) return [];
    const day = sql<string>`substr(created_time, 1, 10)`;
    const rows = await this.db
      .selectFrom('orders')
      .select([day.as('day'), (eb) => eb.fn.countAll().as('n')])
      .where('connection_id', 'in', [...connectionIds])
      .where('created_time', '>=', `${fromDay}T00:00:00`)
      .where('created_time', '<', `${nextDay(toDay)}T00:00:00`)
      .groupBy(day)
      .execute();
    return rows.map((r) => ({ date: String(r.day), orders: Number(r.n) }));
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
