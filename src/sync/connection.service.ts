import { marketplaceFor, regionEndpoints } from '../amazon/marketplaces.js';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { ConnectionPatch, ConnectionRepository } from '../db/connection.repository.js';
import type { SkuLinkRepository } from '../db/sku-link.repository.js';
import type { StoreRepository } from '../db/store.repository.js';
import type { PlanRepository } from '../db/plan.repository.js';
import { checkActivation, checkConnectionCount } from '../domain/plan.js';
import type { Connection, ConnectionSecrets } from '../domain/connection.js';
import { parseOrdersConfig, updateOrdersConfig, type OrdersConfig } from '../domain/orders-config.js';
import { previewSkuCrop, validateSkuCropRules } from '../domain/sku-crop.js';
import type { Clock } from '../lib/clock.js';
import type { OutboundPolicy } from '../net/outbound-policy.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { err, ok, type Result } from '../lib/result.js';
import { maskSecret, type SecretBox } from '../lib/secret-box.js';
import {
  connectionUpdateSchema,
  newConnectionSchema,
  type ConnectionUpdateInput,
  type NewConnectionInput,
} from './connection-input.js';
import { SellerUniqueness, type SellerAvailability } from './seller-uniqueness.js';
import { zodToAppError } from './zod-error.js';

/** What the API and CLI show of a connection: never a secret, only its last 4 characters. */
export interface ConnectionView extends Connection {
  clientSecretHint: string;
  refreshTokenHint: string;
}

/** Adds, shows and changes connections; validates everything and seals secrets before they are stored. */
export class ConnectionService {
  private readonly sellers: SellerUniqueness;

  constructor(
    private readonly connections: ConnectionRepository,
    private readonly skuLinks: SkuLinkRepository,
    private readonly audit: AuditLogRepository,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly stores: StoreRepository | null = null,
    private readonly plans: PlanRepository | null = null,
    /** The installation's LWA app credentials, used when a connection brings none. */
    private readonly lwaDefaults: { clientId?: string | undefined; clientSecret?: string | undefined } = {},
    /** Refuses SP-API/LWA URLs that are not Amazon's unless the installation allows custom ones. */
    private readonly endpoints: Pick<OutboundPolicy, 'checkAmazonUrl'> | null = null,
  ) {
    this.sellers = new SellerUniqueness(connections);
  }

  /** The wizard's Seller ID step: is this seller account + marketplace free for an active connection? */
  sellerAvailability(accountId: string, sellerId: string, marketplace: string): Promise<Result<SellerAvailability>> {
    return this.sellers.availability(accountId, sellerId, marketplace);
  }

  /** The SP-API and LWA URLs being saved must be allowed (the LWA call posts the app's secret there). */
  private async checkEndpoints(urls: { spApiBaseUrl?: string | undefined; lwaUrl?: string | undefined }) {
    for (const field of ['spApiBaseUrl', 'lwaUrl'] as const) {
      const url = urls[field];
      const allowed =
        url === undefined || !this.endpoints ? ok(undefined) : await this.endpoints.checkAmazonUrl(url, field);
      if (!allowed.ok) return allowed;
    }
    return ok(undefined);
  }

  /** Plan rules (PRODUCT.md §4 step 4, §10): activation needs order connections; a connection limit. */
  private async checkPlan(accountId: string, activating: boolean, adding: boolean): Promise<Result<void>> {
    const plan = await this.plans?.ofAccount(accountId);
    if (!plan || !this.plans) return ok(undefined);
    if (adding) {
      const counted = checkConnectionCount(plan, (await this.connections.list(accountId)).length);
      if (!counted.ok) return counted;
    }
    return activating ? checkActivation(plan, await this.plans.list()) : ok(undefined);
  }

  /** The store a connection names (id or name, in the same account); null input = no store. */
  private async storeIdFor(accountId: string, ref: string | null | undefined): Promise<Result<string | null>> {
    if (ref === null || ref === undefined) return ok(null);
    const store = await this.stores?.findByRef(accountId, ref);
    if (!store) return err(new AppError('store_not_found', `No store "${ref}" in this account`, { kind: 'not_found' }));
    return ok(store.id);
  }

  async add(accountId: string, input: NewConnectionInput, actor: string): Promise<Result<ConnectionView>> {
    const parsed = newConnectionSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('connection_invalid', parsed.error));
    const c = parsed.data;
    const marketplace = marketplaceFor(c.marketplaceId);
    if (!marketplace) return err(unknownMarketplace(c.marketplaceId));
    const endpointsAllowed = await this.checkEndpoints(c);
    if (!endpointsAllowed.ok) return endpointsAllowed;
    if (await this.connections.findByRef(accountId, c.name)) {
      return err(
        new AppError('connection_name_taken', `A connection named "${c.name}" already exists`, { kind: 'conflict' }),
      );
    }
    const config = parseOrdersConfig(
      { ...(c.config ?? {}), ...(c.active === undefined ? {} : { active: c.active }) },
      {
        taxIncludedDefault: marketplace.taxIncludedDefault,
        now: this.clock.now(),
      },
    );
    if (!config.ok) return err(config.error);
    const storeId = await this.storeIdFor(accountId, c.store);
    if (!storeId.ok) return storeId;
    const allowed = await this.checkPlan(accountId, config.value.active, true);
    if (!allowed.ok) return allowed;
    const clientId = c.clientId ?? this.lwaDefaults.clientId;
    const clientSecret = c.clientSecret ?? this.lwaDefaults.clientSecret;
    if (!clientId || !clientSecret) return err(lwaAppMissing());
    const refreshToken = c.refreshToken ?? '';
    if (config.value.active && !refreshToken) return err(notAuthorized());
    if (config.value.active) {
      const free = await this.sellers.checkActivation(accountId, c.sellerId, marketplace.id);
      if (!free.ok) return free;
    }
    const endpoints = regionEndpoints(marketplace.region);
    const now = this.clock.nowIso();
    const created = await this.connections.insert({
      id: newId(),
      accountId,
      name: c.name,
      marketplaceId: marketplace.id,
      sellerId: c.sellerId,
      region: marketplace.region,
      spApiBaseUrl: c.spApiBaseUrl ?? endpoints.spApiBaseUrl,
      lwaUrl: c.lwaUrl ?? endpoints.lwaUrl,
      clientId,
      secretsSealed: this.seal({ clientSecret, refreshToken }),
      config: config.value,
      active: config.value.active,
      storeId: storeId.value,
      now,
    });
    if (!created) return err(await this.sellers.refusedWrite(accountId, c.sellerId, marketplace.id));
    await this.audit.record({
      accountId,
      actor,
      action: 'connection.created',
      entity: 'connection',
      entityId: created.id,
      before: null,
      after: created,
      at: now,
    });
    return ok(await this.view(created));
  }

  async list(accountId: string): Promise<ConnectionView[]> {
    const all = await this.connections.list(accountId);
    return Promise.all(all.map((c) => this.view(c)));
  }

  async get(accountId: string, ref: string): Promise<Result<ConnectionView>> {
    const found = await this.connections.findByRef(accountId, ref);
    return found ? ok(await this.view(found)) : err(notFound(ref));
  }

  async update(
    accountId: string,
    ref: string,
    input: ConnectionUpdateInput,
    actor: string,
  ): Promise<Result<ConnectionView>> {
    const current = await this.connections.findByRef(accountId, ref);
    if (!current) return err(notFound(ref));
    const parsed = connectionUpdateSchema.safeParse(input);
    if (!parsed.success) return err(zodToAppError('connection_invalid', parsed.error));
    const u = parsed.data;
    const endpointsAllowed = await this.checkEndpoints(u);
    if (!endpointsAllowed.ok) return endpointsAllowed;
    const configPatch = { ...(u.config ?? {}), ...(u.active === undefined ? {} : { active: u.active }) };
    const config = updateOrdersConfig(current.config, configPatch, {
      taxIncludedDefault: current.config.taxIncluded,
      now: this.clock.now(),
    });
    if (!config.ok) return err(config.error);
    const activating = config.value.active && !current.active;
    const allowed = await this.checkPlan(accountId, activating, false);
    if (!allowed.ok) return allowed;
    if (activating && !u.refreshToken && !(await this.secretsOf(current.id)).refreshToken) return err(notAuthorized());
    const sellerId = u.sellerId ?? current.sellerId;
    if (config.value.active && (activating || sellerId !== current.sellerId)) {
      const free = await this.sellers.checkActivation(accountId, sellerId, current.marketplaceId, current.id);
      if (!free.ok) return free;
    }
    const patch: ConnectionPatch = { config: config.value, active: config.value.active };
    if (u.name !== undefined) patch.name = u.name;
    if (u.sellerId !== undefined) patch.sellerId = u.sellerId;
    if (u.clientId !== undefined) patch.clientId = u.clientId;
    if (u.spApiBaseUrl !== undefined) patch.spApiBaseUrl = u.spApiBaseUrl;
    if (u.lwaUrl !== undefined) patch.lwaUrl = u.lwaUrl;
    if (u.store !== undefined) {
      const storeId = await this.storeIdFor(accountId, u.store);
      if (!storeId.ok) return storeId;
      patch.storeId = storeId.value;
    }
    if (u.clientSecret !== undefined || u.refreshToken !== undefined) {
      const old = await this.secretsOf(current.id);
      patch.secretsSealed = this.seal({
        clientSecret: u.clientSecret ?? old.clientSecret,
        refreshToken: u.refreshToken ?? old.refreshToken,
      });
    }
    const now = this.clock.nowIso();
    if (!(await this.connections.update(current.id, patch, now))) {
      return err(await this.sellers.refusedWrite(accountId, sellerId, current.marketplaceId, current.id));
    }
    const updated = (await this.connections.findById(current.id)) as Connection;
    await this.audit.record({
      accountId,
      actor,
      action: 'connection.updated',
      entity: 'connection',
      entityId: current.id,
      before: current,
      after: updated,
      at: now,
    });
    return ok(await this.view(updated));
  }

  /**
   * Removes a connection that holds no orders (a mistyped wizard attempt, a test). A connection
   * with orders is never deleted — its orders, timelines and write-back history would go with it —
   * so the refusal says to deactivate it instead (PATCH active=false keeps everything).
   */
  async remove(accountId: string, ref: string, actor: string): Promise<Result<Connection>> {
    const current = await this.connections.findByRef(accountId, ref);
    if (!current) return err(notFound(ref));
    const orders = await this.connections.countOrders(current.id);
    if (orders > 0) {
      return err(
        new AppError(
          'connection_has_orders',
          `Connection "${current.name}" holds ${orders} order(s) and cannot be deleted; deactivate it instead (its orders are kept)`,
          { kind: 'conflict', retryable: false, details: { orders } },
        ),
      );
    }
    await this.connections.delete(current.id);
    await this.audit.record({
      accountId,
      actor,
      action: 'connection.deleted',
      entity: 'connection',
      entityId: current.id,
      before: current,
      after: null,
      at: this.clock.nowIso(),
    });
    return ok(current);
  }

  /** Live preview of SKU crop rules on the connection's recent SKUs (or the ones given). */
  async previewCrop(
    accountId: string,
    ref: string,
    rules: unknown,
    skus?: string[],
  ): Promise<Result<ReturnType<typeof previewSkuCrop>>> {
    const current = await this.connections.findByRef(accountId, ref);
    if (!current) return err(notFound(ref));
    const valid = validateSkuCropRules(rules ?? current.config.skuCrop);
    if (!valid.ok) return err(valid.error);
    const sample = skus && skus.length > 0 ? skus : await this.skuLinks.recentSkus(current.id, 50);
    return ok(previewSkuCrop(valid.value, sample));
  }

  async secretsOf(connectionId: string): Promise<ConnectionSecrets> {
    const sealed = await this.connections.sealedSecrets(connectionId);
    if (!sealed)
      throw new AppError('connection_secrets_missing', 'The connection has no stored credentials', {
        kind: 'invalid',
        retryable: false,
      });
    return JSON.parse(this.secrets.open(sealed)) as ConnectionSecrets;
  }

  private seal(s: ConnectionSecrets): string {
    return this.secrets.seal(JSON.stringify(s));
  }

  private async view(c: Connection): Promise<ConnectionView> {
    const s = await this.secretsOf(c.id);
    return {
      ...c,
      clientSecretHint: maskSecret(s.clientSecret),
      refreshTokenHint: s.refreshToken ? maskSecret(s.refreshToken) : 'not authorised yet',
    };
  }
}

export type { OrdersConfig };

function notFound(ref: string): AppError {
  return new AppError('connection_not_found', `No connection "${ref}"`, { kind: 'not_found' });
}

function unknownMarketplace(value: string): AppError {
  return new AppError(
    'marketplace_unknown',
    `Unknown Amazon marketplace "${value}": use a marketplace id (e.g. A1PA6795UKMFR9) or a country code (e.g. DE)`,
    {
      kind: 'invalid',
    },
  );
}

const lwaAppMissing = () =>
  new AppError(
    'connection_invalid',
    'Invalid input: clientId: the LWA client id and secret of the SP-API app are required (or set ORDERBRIDGE_LWA_CLIENT_ID and ORDERBRIDGE_LWA_CLIENT_SECRET for the installation)',
    { kind: 'invalid', details: { issues: [{ path: 'clientId', message: 'LWA client id and secret are required' }] } },
  );

const notAuthorized = () =>
  new AppError(
    'connection_not_authorized',
    'The seller has not authorised this connection yet: use "Connect with Amazon" or enter a refresh token before activating order synchronization',
    { kind: 'conflict' },
  );
