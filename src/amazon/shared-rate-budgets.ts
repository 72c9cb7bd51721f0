import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import {
  defaultPlanOf,
  rateBudgetKey,
  type RateBudget,
  type RateBudgets,
  type SellerAccount,
} from './rate-limit-registry.js';
import type { UsagePlan } from './rate-limits.js';
import { MAX_SLEEP_MS } from './token-bucket.js';

/** A take from the shared bucket: the token, or how long until the next one (as the store sees it). */
export type BudgetTake = { taken: true; rate: number } | { taken: false; waitMs: number; rate: number };

/**
 * Where the shared buckets live (src/db/rate-budget.repository.ts on PostgreSQL). Every method is
 * one atomic step on the store's own clock, so any number of processes agree on the tokens left.
 */
export interface RateBudgetStore {
  /**
   * Takes one token (seeding the bucket full with `plan` when it is new), or says how long to wait;
   * refills at SAFETY_FACTOR × rate and keeps SEND_ALLOWANCE_S in reserve, as TokenBucket does.
   */
  take(key: string, plan: UsagePlan): Promise<BudgetTake>;
  setRate(key: string, rate: number): Promise<void>;
  drain(key: string): Promise<void>;
}

/**
 * Budgets shared by every process through a store. Callers of one budget in this process queue up
 * (FIFO) so only the first asks the store; the others wait their turn without polling it.
 */
export class SharedRateBudgets implements RateBudgets {
  private readonly budgets = new Map<string, SharedRateBudget>();

  constructor(
    private readonly store: RateBudgetStore,
    private readonly clock: Clock,
  ) {}

  bucket(account: SellerAccount, operation: string): SharedRateBudget {
    const key = rateBudgetKey(account, operation);
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = new SharedRateBudget(key, defaultPlanOf(operation), this.store, this.clock);
      this.budgets.set(key, budget);
    }
    return budget;
  }
}

export class SharedRateBudget implements RateBudget {
  private queue: Promise<void> = Promise.resolve();
  /** The rate last read from or written to the store: a header repeating it costs no write. */
  private knownRate: number;

  constructor(
    readonly key: string,
    private readonly plan: UsagePlan,
    private readonly store: RateBudgetStore,
    private readonly clock: Clock,
  ) {
    this.knownRate = plan.rate;
  }

  acquire(): Promise<void> {
    const next = this.queue.then(() => this.take());
    this.queue = next.catch(() => undefined);
    return next;
  }

  async setRate(rate: number): Promise<void> {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.knownRate) return;
    // The call was answered: a store failure here must not fail it. The next take reports the store.
    await this.store.setRate(this.key, rate).then(
      () => (this.knownRate = rate),
      () => undefined,
    );
  }

  async drain(): Promise<void> {
    await this.store.drain(this.key).catch(() => undefined);
  }

  private async take(): Promise<void> {
    for (;;) {
      const took = await this.store.take(this.key, this.plan).catch((cause: unknown) => {
        throw budgetUnavailable(cause);
      });
      this.knownRate = took.rate;
      if (took.taken) return;
      // Look again at least every second: another process may learn a higher rate meanwhile.
      await this.clock.sleep(Math.min(took.waitMs, MAX_SLEEP_MS));
    }
  }
}

/** Sending without a token could spend another process's budget: the call is not sent. */
function budgetUnavailable(cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'amazon_rate_budget_unavailable',
    `The shared Amazon rate budget could not be read from the database (${reason}); the call to Amazon was not sent`,
    { kind: 'internal', retryable: true, cause },
  );
}
