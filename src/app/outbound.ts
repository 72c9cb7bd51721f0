import type { Kysely } from 'kysely';
import type { AppConfig } from '../config/env.js';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import { InstallationSettingsRepository } from '../db/installation-settings.repository.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../lib/clock.js';
import type { ResolveHost } from '../net/guarded-agent.js';
import { OutboundPolicy } from '../net/outbound-policy.js';
import { NetworkSettings } from '../sync/network-settings.service.js';

/** The installation's network allowances (admin settings + environment) and the policy built on them. */
export function createOutbound(
  db: Kysely<Database>,
  audit: AuditLogRepository,
  clock: Clock,
  config: Pick<AppConfig, 'allowCustomAmazonEndpoints' | 'allowPrivateStoreAddresses'>,
  resolveHost?: ResolveHost,
): { network: NetworkSettings; outbound: OutboundPolicy } {
  const network = new NetworkSettings(new InstallationSettingsRepository(db), audit, clock, {
    allowCustomAmazonEndpoints: config.allowCustomAmazonEndpoints,
    allowPrivateStoreAddresses: config.allowPrivateStoreAddresses,
  });
  return { network, outbound: new OutboundPolicy(() => network.effective(), resolveHost) };
}
