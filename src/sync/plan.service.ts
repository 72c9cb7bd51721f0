import { z } from 'zod';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { Plan } from '../domain/plan.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { PLAN_QUOTA_HOLD } from './deliver-order.js';
import { enqueueDelivery, type StoreSideDeps } from './store-side-deps.js';
import { zodToAppError } from './zod-error.js';

const limit = z.number().int().min(0).max(100_000_000).nullable();
const planSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'plan ids are lower-case letters, digits and dashes (at most 40)'),
  name: z.string().trim().min(1).max(60),
  orderConnections: z.boolean(),
  maxConnections: limit.describe('null = unlimited'),
  ordersPerMonth: limit.describe('null = unlimited'),
});

export interface AccountPlan {
  plan: Plan;
  /** Orders that reached the store this calendar month (UTC). */
  deliveredThisMonth: number;
}

/** Plans and an account's plan; changing the plan releases orders held back by the old quota. */
export class PlanService {
  constructor(
    private readonly deps: StoreSideDeps,
    private readonly audit: AuditLogRepository,
  ) {}

  list(): Promise<Plan[]> {
    return this.deps.plans.list();
  }

  async ofAccount(accountId: string, monthStart: string): Promise<Result<AccountPlan>> {
    const plan = await this.deps.plans.ofAccount(accountId);
    if (!plan) return err(new AppError('plan_not_found', 'The account has no known plan', { kind: 'not_found' }));
    return ok({ plan, deliveredThisMonth: await this.deps.plans.deliveredSince(accountId, monthStart) });
  }

  async setPlan(accountId: string, planId: string, actor: string): Promise<Result<{ plan: Plan; released: number }>> {
    const plan = await this.deps.plans.findById(planId);
    if (!plan) {
      const ids = (await this.deps.plans.list()).map((p) => p.id).join(', ');
      return err(new AppError('plan_not_found', `No plan "${planId}" (plans: ${ids})`, { kind: 'not_found' }));
    }
    const before = await this.deps.plans.ofAccount(accountId);
    await this.deps.plans.setAccountPlan(accountId, plan.id);
    const now = this.deps.clock.nowIso();
    await this.audit.record({
      accountId,
      actor,
      action: 'account.plan_changed',
      entity: 'account',
      entityId: accountId,
      before,
      after: plan,
      at: now,
    });
    return ok({ plan, released: await this.releaseQuotaHolds(accountId) });
  }

  /** An administrator creates or changes a plan; accounts on it get their quota-held orders re-checked. */
  async savePlan(
    input: unknown,
    actor: { accountId: string; actor: string },
  ): Promise<Result<{ plan: Plan; released: number }>> {
    const parsed = planSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('plan_invalid', parsed.error));
    const plan = parsed.data;
    const before = await this.deps.plans.findById(plan.id);
    const now = this.deps.clock.nowIso();
    await this.deps.plans.save(plan, now);
    await this.audit.record({
      accountId: actor.accountId,
      actor: actor.actor,
      action: before ? 'plan.changed' : 'plan.created',
      entity: 'plan',
      entityId: plan.id,
      before,
      after: plan,
      at: now,
    });
    let released = 0;
    for (const accountId of await this.deps.plans.accountsOn(plan.id))
      released += await this.releaseQuotaHolds(accountId);
    return ok({ plan, released });
  }

  /** How many of the account's orders the monthly quota holds back from the store now. */
  async heldByQuota(accountId: string): Promise<number> {
    const ids = (await this.deps.connections.list(accountId)).map((c) => c.id);
    return this.deps.orderStore.countHeldWith(ids, PLAN_QUOTA_HOLD);
  }

  /** Orders held back by the monthly quota go to delivery again, which re-checks the quota. */
  private async releaseQuotaHolds(accountId: string): Promise<number> {
    let released = 0;
    for (const c of await this.deps.connections.list(accountId)) {
      if (!c.storeId) continue;
      for (const orderId of await this.deps.orderStore.heldWith(c.id, PLAN_QUOTA_HOLD, 10_000)) {
        await enqueueDelivery(this.deps, orderId, c.storeId);
        released += 1;
      }
    }
    return released;
  }
}
