import { z } from 'zod';
import type { Account, AccountSummary } from '../db/account.repository.js';
import type { User } from '../db/user.repository.js';
import { monthStart, type Plan } from '../domain/plan.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { err, ok, type Result } from '../lib/result.js';
import type { PlanService } from '../sync/plan.service.js';
import { zodToAppError } from '../sync/zod-error.js';
import type { AccountDeps } from './auth-deps.js';
import { normaliseEmail } from './auth.service.js';
import { newUserSchema, type UserService } from './user.service.js';

export interface AccountView {
  id: string;
  name: string;
  plan: Plan;
  /** ordersHeldByQuota: imported and kept, held back from the store by the monthly quota. */
  usage: { connections: number; ordersThisMonth: number; ordersHeldByQuota: number };
}

const newAccountSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** New accounts start on the free plan until an admin upgrades them. */
  planId: z.string().min(1).default('free'),
  owner: newUserSchema.omit({ role: true }).optional(),
});

/** Accounts (tenants): their plan and usage; admins list and create them and change their plans. */
export class AccountService {
  constructor(
    private readonly deps: AccountDeps,
    private readonly plans: PlanService,
    private readonly users: UserService,
    private readonly countConnections: (accountId: string) => Promise<number>,
    private readonly countHeldByQuota: (accountId: string) => Promise<number>,
  ) {}

  async view(accountId: string): Promise<Result<AccountView>> {
    const account = await this.deps.accounts.findById(accountId);
    if (!account) return err(notFound(accountId));
    const plan = await this.plans.ofAccount(accountId, monthStart(this.deps.clock.now()));
    if (!plan.ok) return plan;
    return ok({
      id: account.id,
      name: account.name,
      plan: plan.value.plan,
      usage: {
        connections: await this.countConnections(accountId),
        ordersThisMonth: plan.value.deliveredThisMonth,
        ordersHeldByQuota: await this.countHeldByQuota(accountId),
      },
    });
  }

  listAll(): Promise<AccountSummary[]> {
    return this.deps.accounts.listWithCounts();
  }

  async create(input: unknown, actor: string): Promise<Result<{ account: Account; owner: User | null }>> {
    const parsed = newAccountSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('account_invalid', parsed.error));
    const a = parsed.data;
    const plans = await this.plans.list();
    if (!plans.some((p) => p.id === a.planId)) {
      const ids = plans.map((p) => p.id).join(', ');
      return err(new AppError('plan_not_found', `No plan "${a.planId}" (plans: ${ids})`, { kind: 'not_found' }));
    }
    // Checked before the account exists, so a taken email leaves nothing half-made.
    if (a.owner && (await this.deps.users.findByEmail(normaliseEmail(a.owner.email)))) {
      return err(
        new AppError('user_email_taken', `A user with the email "${a.owner.email}" already exists`, {
          kind: 'conflict',
        }),
      );
    }
    const account: Account = { id: newId(), name: a.name, planId: a.planId, createdAt: this.deps.clock.nowIso() };
    await this.deps.accounts.insert(account);
    await this.deps.audit.record({
      accountId: account.id,
      actor,
      action: 'account.created',
      entity: 'account',
      entityId: account.id,
      before: null,
      after: account,
      at: account.createdAt,
    });
    if (!a.owner) return ok({ account, owner: null });
    const owner = await this.users.create(account.id, { ...a.owner, role: 'member' }, actor);
    return owner.ok ? ok({ account, owner: owner.value }) : owner;
  }

  async setPlan(accountId: string, planId: string, actor: string): Promise<Result<AccountView>> {
    if (!(await this.deps.accounts.findById(accountId))) return err(notFound(accountId));
    const changed = await this.plans.setPlan(accountId, planId, actor);
    return changed.ok ? this.view(accountId) : changed;
  }
}

const notFound = (id: string) => new AppError('account_not_found', `No account "${id}"`, { kind: 'not_found' });
