import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { UsagePlan } from '../amazon/rate-limits.js';
import type { BudgetTake, RateBudgetStore } from '../amazon/shared-rate-budgets.js';
import { SAFETY_FACTOR, SEND_ALLOWANCE_S } from '../amazon/token-bucket.js';
import type { Database } from './schema.js';

/** The database's own clock in ms: every process reads the same one, whatever its host's clock says. */
const CLOCK_MS = sql`floor(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** Tokens in the bucket now: what was left plus the (safety-scaled) refill since, capped at the burst. */
const AVAILABLE: RawBuilder<number> = sql<number>`least(b.burst,
  b.tokens + greatest(0, clock.ms - b.refilled_at_ms) * b.rate * ${SAFETY_FACTOR}::float8 / 1000)`;

/** Tokens a call needs to be sent: one plus the send allowance in reserve (as `tokensNeeded` in memory). */
const NEEDED: RawBuilder<number> = sql<number>`(1 + greatest(0, least(b.rate * ${SEND_ALLOWANCE_S}::float8, b.burst - 1)))`;

/**
 * Amazon rate budgets shared by every process of a PostgreSQL installation: one row per (seller
 * account, application, operation). A take is one UPDATE whose WHERE re-checks the tokens on the
 * row it locks, so two processes never both spend the last token. PostgreSQL only
 * (`clock_timestamp()`): SQLite installations keep their budgets in their one process.
 */
export class RateBudgetRepository implements RateBudgetStore {
  constructor(private readonly db: Kysely<Database>) {}

  async take(key: string, plan: UsagePlan): Promise<BudgetTake> {
    for (;;) {
      const took = await sql<{ rate: number }>`
        with clock as (select ${CLOCK_MS} as ms)
        update rate_budgets b
        set tokens = ${AVAILABLE} - 1, refilled_at_ms = greatest(b.refilled_at_ms, clock.ms)
        from clock
        where b.key = ${key} and ${AVAILABLE} >= ${NEEDED}
        returning b.rate`.execute(this.db);
      const row = took.rows[0];
      if (row) return { taken: true, rate: Number(row.rate) };
      const state = await sql<{ missing: number; rate: number }>`
        with clock as (select ${CLOCK_MS} as ms)
        select ${NEEDED} - ${AVAILABLE} as missing, b.rate from rate_budgets b, clock where b.key = ${key}`.execute(
        this.db,
      );
      const seen = state.rows[0];
      if (seen) {
        const rate = Number(seen.rate);
        const waitMs = Math.ceil((Number(seen.missing) / (rate * SAFETY_FACTOR)) * 1000) + 1;
        return { taken: false, waitMs: Math.max(1, waitMs), rate };
      }
      // A new budget starts full, as Amazon's do; a parallel seed by another process wins harmlessly.
      await sql`
        insert into rate_budgets (key, rate, burst, tokens, refilled_at_ms)
        values (${key}, ${plan.rate}, ${plan.burst}, ${plan.burst}, ${CLOCK_MS})
        on conflict (key) do nothing`.execute(this.db);
    }
  }

  /** The rate from x-amzn-RateLimit-Limit: tokens refilled so far at the old rate, the new one from now. */
  async setRate(key: string, rate: number): Promise<void> {
    await sql`
      with clock as (select ${CLOCK_MS} as ms)
      update rate_budgets b
      set tokens = ${AVAILABLE}, refilled_at_ms = greatest(b.refilled_at_ms, clock.ms), rate = ${rate}
      from clock
      where b.key = ${key} and b.rate <> ${rate}`.execute(this.db);
  }

  /** Amazon answered 429: its bucket is empty, so is ours (for every process). */
  async drain(key: string): Promise<void> {
    await sql`
      with clock as (select ${CLOCK_MS} as ms)
      update rate_budgets b set tokens = 0, refilled_at_ms = greatest(b.refilled_at_ms, clock.ms)
      from clock where b.key = ${key}`.execute(this.db);
  }
}
