import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';

/** What an account may do (PRODUCT.md §10). Limits are null when unlimited. */
export interface Plan {
  id: string;
  name: string;
  orderConnections: boolean;
  maxConnections: number | null;
  ordersPerMonth: number | null;
}

/** The plans a new installation starts with; an admin changes them as data. */
export const DEFAULT_PLANS: readonly Plan[] = [
  { id: 'free', name: 'Free', orderConnections: false, maxConnections: 1, ordersPerMonth: 0 },
  { id: 'business', name: 'Business', orderConnections: true, maxConnections: 10, ordersPerMonth: 5_000 },
  { id: 'self-hosted', name: 'Self-hosted', orderConnections: true, maxConnections: null, ordersPerMonth: null },
];

/** The first plan (in the given order) that allows order connections, to name it in the refusal. */
function planWithOrderConnections(plans: readonly Plan[]): Plan | null {
  return plans.find((p) => p.orderConnections) ?? null;
}

/** Activating order synchronization needs a plan with order connections; the refusal names one. */
export function checkActivation(plan: Plan, plans: readonly Plan[]): Result<void> {
  if (plan.orderConnections) return ok(undefined);
  const needed = planWithOrderConnections(plans);
  return err(
    new AppError(
      'plan_no_order_connections',
      `Your plan "${plan.name}" does not include order connections; ${needed ? `upgrade to "${needed.name}" or higher` : 'ask an administrator for a plan with order connections'} to activate order synchronization.`,
      { kind: 'conflict', retryable: false, details: { plan: plan.id, ...(needed && { neededPlan: needed.id }) } },
    ),
  );
}

/** A new connection must fit the plan's connection limit. */
export function checkConnectionCount(plan: Plan, existing: number): Result<void> {
  if (plan.maxConnections === null || existing < plan.maxConnections) return ok(undefined);
  return err(
    new AppError(
      'plan_connection_limit',
      `Your plan "${plan.name}" allows ${plan.maxConnections} connection(s); remove one or upgrade to add another.`,
      { kind: 'conflict', retryable: false, details: { plan: plan.id, maxConnections: plan.maxConnections } },
    ),
  );
}

/** How many more orders may reach the store this month (Infinity when unlimited). */
export function ordersLeftThisMonth(plan: Plan, deliveredThisMonth: number): number {
  return plan.ordersPerMonth === null
    ? Number.POSITIVE_INFINITY
    : Math.max(0, plan.ordersPerMonth - deliveredThisMonth);
}

/** The first instant of the UTC month of `now` (quotas count per calendar month, UTC). */
export function monthStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}
