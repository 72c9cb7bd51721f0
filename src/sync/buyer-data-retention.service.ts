import type { Kysely } from 'kysely';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { InstallationSettingsRepository } from '../db/installation-settings.repository.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';

/** Amazon's data-protection policy: buyer data goes 30 days after delivery unless set otherwise. */
export const DEFAULT_RETENTION_DAYS = 30;
/** The installation setting holding the administrators' cap on every account's retention. */
export const RETENTION_CAP_KEY = 'retention.maxDays';
const LONGEST_CAP_DAYS = 3650;

export interface RetentionView {
  /** Days buyer personal data is kept after an order was shipped/delivered or cancelled. */
  days: number;
  defaultDays: number;
  /** The most an account may set (administrators' cap). */
  maxDays: number;
}

/** Per-account retention of buyer personal data, never longer than the installation's cap. */
export class BuyerDataRetentionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: InstallationSettingsRepository,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  async maxDays(): Promise<number> {
    const cap = await this.settings.get(RETENTION_CAP_KEY);
    return typeof cap === 'number' && Number.isInteger(cap) && cap >= 1 ? cap : DEFAULT_RETENTION_DAYS;
  }

  /** The days in force: the account's choice (or the default), lowered to the cap. */
  effectiveDays(accountDays: number | null, maxDays: number): number {
    return Math.min(accountDays ?? DEFAULT_RETENTION_DAYS, maxDays);
  }

  async view(accountId: string): Promise<RetentionView> {
    const row = await this.db
      .selectFrom('accounts')
      .select('buyer_data_retention_days')
      .where('id', '=', accountId)
      .executeTakeFirst();
    const maxDays = await this.maxDays();
    const days = this.effectiveDays(row?.buyer_data_retention_days ?? null, maxDays);
    return { days, defaultDays: DEFAULT_RETENTION_DAYS, maxDays };
  }

  async setDays(accountId: string, days: number, actor: string): Promise<Result<RetentionView>> {
    const maxDays = await this.maxDays();
    if (!Number.isInteger(days) || days < 1 || days > maxDays) {
      return err(
        new AppError(
          'retention_days_out_of_range',
          `Retention must be between 1 and ${maxDays} days (the administrators' limit)`,
          {
            kind: 'invalid',
            details: { days, maxDays },
          },
        ),
      );
    }
    const before = await this.view(accountId);
    await this.db
      .updateTable('accounts')
      .set({ buyer_data_retention_days: days })
      .where('id', '=', accountId)
      .execute();
    const after = await this.view(accountId);
    await this.record(accountId, actor, 'retention.updated', before, after);
    return ok(after);
  }

  /** Administrators: the longest retention any account may set (accounts above it are lowered to it). */
  async setMaxDays(accountId: string, maxDays: number, actor: string): Promise<Result<{ maxDays: number }>> {
    if (!Number.isInteger(maxDays) || maxDays < 1 || maxDays > LONGEST_CAP_DAYS) {
      return err(
        new AppError(
          'retention_cap_out_of_range',
          `The retention limit must be between 1 and ${LONGEST_CAP_DAYS} days`,
          {
            kind: 'invalid',
            details: { maxDays },
          },
        ),
      );
    }
    const before = { maxDays: await this.maxDays() };
    await this.settings.set(RETENTION_CAP_KEY, maxDays, this.clock.nowIso());
    await this.record(accountId, actor, 'retention.cap_updated', before, { maxDays });
    return ok({ maxDays });
  }

  private async record(accountId: string, actor: string, action: string, before: unknown, after: unknown) {
    await this.audit.record({
      accountId,
      actor,
      action,
      entity: 'retention',
      entityId: accountId,
      before,
      after,
      at: this.clock.nowIso(),
    });
  }
}
