import { ZodError, z } from 'zod';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { StoreRepository } from '../db/store.repository.js';
import type { Store } from '../domain/store.js';
import type { Clock } from '../lib/clock.js';
import { AppError, toAppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { OutboundPolicy } from '../net/outbound-policy.js';
import { err, ok, type Result } from '../lib/result.js';
import { maskSecret, type SecretBox } from '../lib/secret-box.js';
import { platformFor, PLATFORM_IDS } from '../stores/registry.js';
import type {
  HubPort,
  StoreConfig,
  StoreConnector,
  StoreHttpAgents,
  StorePlatform,
} from '../stores/store-connector.js';
import { zodToAppError } from './zod-error.js';

export const newStoreSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(100),
  platform: z
    .string()
    .trim()
    .min(1, `platform is required (${PLATFORM_IDS.join(', ')})`),
  baseUrl: z.url({ protocol: /^https?$/, error: 'store URL must be an http(s) URL' }),
  settings: z.record(z.string(), z.unknown()).optional(),
  secrets: z.record(z.string(), z.string()).optional(),
});
export type NewStoreInput = z.input<typeof newStoreSchema>;

/** A store as the Add store form holds it before saving: the name may still be empty. */
export const newStoreTestSchema = newStoreSchema.extend({ name: z.string().trim().max(100).optional() });

/** What the API and CLI show of a store: credentials only as their last 4 characters. */
export interface StoreView extends Store {
  secretHints: Record<string, string>;
}

const CONNECTOR_TIMEOUT_MS = 20_000;
/** A setting of every store (not of its platform): how often the worker polls it for events. */
const pollSchema = z.coerce
  .number({ error: 'pollIntervalSeconds must be a number' })
  .int('pollIntervalSeconds must be a whole number')
  .min(1, 'pollIntervalSeconds must be at least 1')
  .max(86_400, 'pollIntervalSeconds must be at most 86400');

/**
 * A new store's input checked as adding it checks it: the platform exists, its settings (plus the
 * poll interval every store has) and credentials are valid.
 */
function parseNewStore(input: NewStoreInput): Result<{
  store: z.output<typeof newStoreSchema>;
  platform: StorePlatform;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}> {
  const parsed = newStoreSchema.safeParse(input);
  if (!parsed.success) return err(zodToAppError('store_invalid', parsed.error));
  const platform = platformFor(parsed.data.platform);
  if (!platform) {
    const known = PLATFORM_IDS.join(', ');
    return err(
      new AppError('store_platform_unknown', `Unknown store platform "${parsed.data.platform}"; use one of ${known}`, {
        kind: 'invalid',
      }),
    );
  }
  const s = platform.normaliseBaseUrl
    ? { ...parsed.data, baseUrl: platform.normaliseBaseUrl(parsed.data.baseUrl) }
    : parsed.data;
  try {
    const { pollIntervalSeconds, ...platformSettings } = s.settings ?? {};
    const settings = {
      ...platform.parseSettings(platformSettings),
      ...(pollIntervalSeconds !== undefined && { pollIntervalSeconds: pollSchema.parse(pollIntervalSeconds) }),
    };
    return ok({ store: s, platform, settings, secrets: platform.parseSecrets(s.secrets ?? {}) });
  } catch (error) {
    return err(error instanceof ZodError ? zodToAppError('store_invalid', error) : toAppError(error));
  }
}

/** Adds, shows and tests stores; builds the connector of a store with its opened credentials. */
export class StoreService {
  private readonly cache = new Map<string, { updatedAt: string; connector: StoreConnector }>();

  constructor(
    private readonly stores: StoreRepository,
    private readonly audit: AuditLogRepository,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly hub: HubPort | null = null,
    /** Store and webhook URLs only reach public addresses unless the installation allows private ones. */
    private readonly outbound: OutboundPolicy | null = null,
    /** OrderBridge's public base URL: stores that subscribe webhooks by API are given their endpoint. */
    private readonly publicUrl: string | null = null,
  ) {}

  /** The URLs a store makes OrderBridge call: its base URL and a hub-api store's webhook URL. */
  private async checkUrls(baseUrl: string, settings: Record<string, unknown>): Promise<Result<void>> {
    if (!this.outbound) return ok(undefined);
    const base = await this.outbound.checkStoreUrl(baseUrl, 'store URL');
    if (!base.ok) return base;
    const webhookUrl = settings.webhookUrl;
    return typeof webhookUrl === 'string' ? this.outbound.checkStoreUrl(webhookUrl, 'webhook URL') : ok(undefined);
  }

  async add(accountId: string, input: NewStoreInput, actor: string): Promise<Result<StoreView>> {
    const parsed = parseNewStore(input);
    if (!parsed.ok) return parsed;
    const { store: s, platform, settings, secrets } = parsed.value;
    const urlsAllowed = await this.checkUrls(s.baseUrl, settings);
    if (!urlsAllowed.ok) return urlsAllowed;
    if (await this.stores.findByRef(accountId, s.name)) {
      return err(new AppError('store_name_taken', `A store named "${s.name}" already exists`, { kind: 'conflict' }));
    }
    const now = this.clock.nowIso();
    const store = await this.stores.insert({
      id: newId(),
      accountId,
      name: s.name,
      platform: platform.id,
      baseUrl: s.baseUrl.replace(/\/+$/, ''),
      settings,
      secretsSealed: this.secrets.seal(JSON.stringify(secrets)),
      now,
    });
    await this.audit.record({
      accountId,
      actor,
      action: 'store.created',
      entity: 'store',
      entityId: store.id,
      before: null,
      after: store,
      at: now,
    });
    return ok(this.view(store, secrets));
  }

  async list(accountId: string): Promise<StoreView[]> {
    const stores = await this.stores.list(accountId);
    return Promise.all(stores.map(async (s) => this.view(s, await this.openSecrets(s.id))));
  }

  async get(accountId: string, ref: string): Promise<Result<StoreView>> {
    const store = await this.stores.findByRef(accountId, ref);
    if (!store) return err(storeNotFound(ref));
    return ok(this.view(store, await this.openSecrets(store.id)));
  }

  /** One cheap authenticated call to the store. */
  async test(accountId: string, ref: string): Promise<Result<{ storeName: string; platform: string }>> {
    const store = await this.stores.findByRef(accountId, ref);
    if (!store) return err(storeNotFound(ref));
    // Checked again at test time: DNS answers and the installation's settings may have changed.
    const urlsAllowed = await this.checkUrls(store.baseUrl, store.settings);
    if (!urlsAllowed.ok) return urlsAllowed;
    const connector = await this.connectorFor(store.id);
    if (!connector.ok) return connector;
    const tested = await connector.value.test();
    return tested.ok ? ok({ storeName: tested.value.storeName, platform: store.platform }) : tested;
  }

  /**
   * Test connection before saving: the same checks as adding the store (its platform's settings and
   * credentials, the installation's network policy), then the connector's one authenticated call.
   * Nothing is stored; the credentials live only for this call.
   */
  async testUnsaved(
    accountId: string,
    input: z.input<typeof newStoreTestSchema>,
  ): Promise<Result<{ storeName: string; platform: string }>> {
    // Unnamed while the form is being filled in: named after the platform for the call.
    const parsed = parseNewStore({ ...input, name: input.name?.trim() || input.platform });
    if (!parsed.ok) return parsed;
    const { store: s, platform, settings, secrets } = parsed.value;
    const urlsAllowed = await this.checkUrls(s.baseUrl, settings);
    if (!urlsAllowed.ok) return urlsAllowed;
    const config = {
      id: 'new-store',
      accountId,
      platform: platform.id,
      name: s.name,
      baseUrl: s.baseUrl,
      settings,
      secrets,
    };
    const connector = this.build(platform, config, (await this.outbound?.storeAgents()) ?? null, false);
    const tested = await connector.test();
    return tested.ok ? ok({ storeName: tested.value.storeName, platform: platform.id }) : tested;
  }

  /** The connector of a store, rebuilt when the store changed. */
  async connectorFor(storeId: string): Promise<Result<StoreConnector>> {
    const store = await this.stores.findById(storeId);
    if (!store) return err(storeNotFound(storeId));
    const agents = (await this.outbound?.storeAgents()) ?? null;
    // A changed allowance rebuilds the connector, so its requests use (or drop) the guarded agents.
    const version = `${store.updatedAt}|${agents ? 'guarded' : 'open'}`;
    const cached = this.cache.get(storeId);
    if (cached?.updatedAt === version) return ok(cached.connector);
    const platform = platformFor(store.platform);
    if (!platform) {
      return err(
        new AppError('store_platform_unknown', `Unknown store platform "${store.platform}"`, { kind: 'invalid' }),
      );
    }
    const connector = this.build(platform, { ...store, secrets: await this.openSecrets(storeId) }, agents, true);
    this.cache.set(storeId, { updatedAt: version, connector });
    return ok(connector);
  }

  /**
   * A platform's connector with OrderBridge's side of it. Only a saved store gets the hub port and
   * its webhook endpoint (an unsaved one is only tested).
   */
  private build(
    platform: StorePlatform,
    store: StoreConfig,
    agents: StoreHttpAgents | null,
    saved: boolean,
  ): StoreConnector {
    const { pollIntervalSeconds: _poll, ...settings } = store.settings;
    return platform.create(
      { ...store, baseUrl: store.baseUrl.replace(/\/+$/, ''), settings },
      {
        now: () => this.clock.nowIso(),
        timeoutMs: CONNECTOR_TIMEOUT_MS,
        ...(agents && { agents }),
        ...(saved && this.hub && { hub: this.hub }),
        ...(saved &&
          this.publicUrl && { webhookUrl: `${this.publicUrl.replace(/\/+$/, '')}/api/stores/${store.id}/webhook` }),
      },
    );
  }

  async findByRef(accountId: string, ref: string): Promise<Store | null> {
    return this.stores.findByRef(accountId, ref);
  }

  async openSecrets(storeId: string): Promise<Record<string, string>> {
    const sealed = await this.stores.sealedSecrets(storeId);
    return sealed ? (JSON.parse(this.secrets.open(sealed)) as Record<string, string>) : {};
  }

  private view(store: Store, secrets: Record<string, string>): StoreView {
    const secretHints = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, maskSecret(v)]));
    return { ...store, secretHints };
  }
}

export function storeNotFound(ref: string): AppError {
  return new AppError('store_not_found', `No store "${ref}" in this account`, { kind: 'not_found' });
}
