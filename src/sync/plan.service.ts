import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { Plan } from '../domain/plan.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { PLAN_QUOTA_HOLD } from './deliver-order.js';
import { enqueueDelivery, type StoreSideDeps } from './store-side-deps.js';

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
    let released = 0;
    for (const c of await this.deps.connections.list(accountId)) {
      if (!c.storeId) continue;
      for (const orderId of await this.deps.orderStore.heldWith(c.id, PLAN_QUOTA_HOLD, 10_000)) {
        await enqueueDelivery(this.deps, orderId, c.storeId);
        released += 1;
      }
    }
    return ok({ plan, released });
  }
}
