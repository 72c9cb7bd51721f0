/** Row type of the plans table (migration 2026_11_29_0004). */
export interface PlansTable {
  id: string;
  name: string;
  order_connections: number;
  max_connections: number | null;
  orders_per_month: number | null;
  position: number;
  created_at: string;
}
