import { z } from 'zod';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { InstallationSettingsRepository } from '../db/installation-settings.repository.js';
import type { Clock } from '../lib/clock.js';
import { err, ok, type Result } from '../lib/result.js';
import { zodToAppError } from './zod-error.js';

/** Installation-wide network allowances (administrators only); both off by default. */
export interface NetworkAllowances {
  /** Connections may use SP-API/LWA URLs other than Amazon's (a proxy, a self-hosted simulator). */
  allowCustomAmazonEndpoints: boolean;
  /** Store and hub-api webhook URLs may reach loopback, private and link-local addresses. */
  allowPrivateStoreAddresses: boolean;
}

/** What administrators see: the stored settings and what the environment forces on. */
export interface NetworkSettingsView extends NetworkAllowances {
  environment: NetworkAllowances;
}

const KEYS: Record<keyof NetworkAllowances, string> = {
  allowCustomAmazonEndpoints: 'network.allowCustomAmazonEndpoints',
  allowPrivateStoreAddresses: 'network.allowPrivateStoreAddresses',
};

export const networkSettingsPatchSchema = z.strictObject({
  allowCustomAmazonEndpoints: z.boolean().optional(),
  allowPrivateStoreAddresses: z.boolean().optional(),
});

/**
 * Reads and changes the network allowances. A setting is on when an administrator switched it on
 * or the environment (ORDERBRIDGE_ALLOW_…=true, for self-hosters) forces it; read on every check so
 * a change applies at once in every process sharing the database.
 */
export class NetworkSettings {
  constructor(
    private readonly settings: InstallationSettingsRepository,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
    private readonly environment: NetworkAllowances,
  ) {}

  async effective(): Promise<NetworkAllowances> {
    const stored = await this.stored();
    return {
      allowCustomAmazonEndpoints: stored.allowCustomAmazonEndpoints || this.environment.allowCustomAmazonEndpoints,
      allowPrivateStoreAddresses: stored.allowPrivateStoreAddresses || this.environment.allowPrivateStoreAddresses,
    };
  }

  async view(): Promise<NetworkSettingsView> {
    return { ...(await this.stored()), environment: { ...this.environment } };
  }

  async update(input: unknown, actor: { accountId: string; actor: string }): Promise<Result<NetworkSettingsView>> {
    const parsed = networkSettingsPatchSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('settings_invalid', parsed.error));
    const before = await this.stored();
    const now = this.clock.nowIso();
    for (const name of Object.keys(KEYS) as Array<keyof NetworkAllowances>) {
      const value = parsed.data[name];
      if (value !== undefined) await this.settings.set(KEYS[name], value, now);
    }
    const after = await this.stored();
    await this.audit.record({
      accountId: actor.accountId,
      actor: actor.actor,
      action: 'installation_settings.changed',
      entity: 'installation_settings',
      entityId: 'network',
      before,
      after,
      at: now,
    });
    return ok(await this.view());
  }

  private async stored(): Promise<NetworkAllowances> {
    const all = await this.settings.all();
    return {
      allowCustomAmazonEndpoints: all[KEYS.allowCustomAmazonEndpoints] === true,
      allowPrivateStoreAddresses: all[KEYS.allowPrivateStoreAddresses] === true,
    };
  }
}
