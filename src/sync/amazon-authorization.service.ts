import axios, { type AxiosInstance } from 'axios';
import { lwaError } from '../amazon/lwa-errors.js';
import { postLwaGrant } from '../amazon/lwa-grant.js';
import { regionOfSpApiUrl } from '../amazon/marketplaces.js';
import { CONSENT_PATH, sellerCentralUrl } from '../amazon/seller-central.js';
import type { AmazonAuthorizationRepository } from '../db/amazon-authorization.repository.js';
import type { AuditLogRepository } from '../db/audit-log.repository.js';
import type { Clock } from '../lib/clock.js';
import { AppError, toAppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { OutboundPolicy } from '../net/outbound-policy.js';
import { err, ok, type Result } from '../lib/result.js';
import { maskSecret } from '../lib/secret-box.js';
import { newSecret, sha256Hex } from '../lib/secret-token.js';
import { removeAbandonedConnectDrafts } from './abandoned-connect-drafts.js';
import type { ConnectionService } from './connection.service.js';

/** A consent URL and its state are valid this long (PRODUCT.md §4: Connect with Amazon). */
export const AUTHORIZATION_TTL_MS = 10 * 60_000;

export interface AmazonAuthorizationSettings {
  /** Base URL of this OrderBridge; the callback is `<publicUrl>/api/amazon/callback`. */
  publicUrl: string;
  /** SP-API application id (amzn1.sp.solution.…) for Seller Central; not needed with the sandbox. */
  amazonApplicationId: string | null;
  /** Draft apps: consent URLs carry version=beta. */
  amazonAppBeta: boolean;
}

/** What Amazon sends to the callback (GET query). */
export interface AmazonCallbackQuery {
  state?: string | undefined;
  spapi_oauth_code?: string | undefined;
  selling_partner_id?: string | undefined;
  error?: string | undefined;
  error_description?: string | undefined;
}

export type CallbackOutcome =
  { ok: true; connectionId: string } | { ok: false; connectionId: string | null; message: string };

export const CALLBACK_PATH = '/api/amazon/callback';

/**
 * Amazon's Website authorization workflow for a connection: a consent URL with a single-use state
 * (stored hashed, 10 minutes), then the callback exchanges `spapi_oauth_code` at the connection's LWA
 * URL (grant_type=authorization_code) and stores the refresh token (sealed) and the seller id.
 */
export class AmazonAuthorizationService {
  private readonly http: AxiosInstance;

  constructor(
    private readonly authorizations: AmazonAuthorizationRepository,
    private readonly connections: ConnectionService,
    private readonly audit: AuditLogRepository,
    private readonly clock: Clock,
    private readonly settings: AmazonAuthorizationSettings,
    http?: AxiosInstance,
    /** The code exchange posts the app's client secret: only to an allowed LWA URL. */
    private readonly endpoints: Pick<OutboundPolicy, 'checkAmazonUrl'> | null = null,
  ) {
    this.http = http ?? axios.create({ timeout: 30_000 });
  }

  get redirectUri(): string {
    return `${this.settings.publicUrl}${CALLBACK_PATH}`;
  }

  /** The consent URL for a connection of the account (404 for another account's connection). */
  async begin(
    accountId: string,
    ref: string,
    actor: string,
  ): Promise<Result<{ consentUrl: string; expiresAt: string }>> {
    const found = await this.connections.get(accountId, ref);
    if (!found.ok) return found;
    const connection = found.value;
    const amazonHost = regionOfSpApiUrl(connection.spApiBaseUrl) !== null;
    let base: string;
    let applicationId: string;
    if (amazonHost) {
      const central = sellerCentralUrl(connection.marketplaceId);
      if (!central)
        return err(new AppError('marketplace_unknown', 'The connection has no known marketplace', { kind: 'invalid' }));
      if (!this.settings.amazonApplicationId) {
        return err(
          new AppError(
            'amazon_app_id_missing',
            'Connect with Amazon needs the SP-API application id (amzn1.sp.solution.…): set ORDERBRIDGE_AMAZON_APP_ID, ' +
              'or paste the refresh token instead',
            { kind: 'conflict', retryable: false },
          ),
        );
      }
      base = central;
      applicationId = this.settings.amazonApplicationId;
    } else {
      // An emulator such as OrderBridge's Amazon sandbox serves its own consent page; its
      // application id is the LWA client id.
      base = new URL(connection.spApiBaseUrl).origin;
      applicationId = connection.clientId;
    }
    const state = newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + AUTHORIZATION_TTL_MS).toISOString();
    await this.removeAbandoned();
    await this.authorizations.insert({
      id: newId(),
      stateHash: sha256Hex(state),
      accountId,
      connectionId: connection.id,
      redirectUri: this.redirectUri,
      actor,
      createdAt: now.toISOString(),
      expiresAt,
    });
    const url = new URL(CONSENT_PATH, base);
    url.searchParams.set('application_id', applicationId);
    url.searchParams.set('state', state);
    url.searchParams.set('redirect_uri', this.redirectUri);
    if (this.settings.amazonAppBeta) url.searchParams.set('version', 'beta');
    return ok({ consentUrl: url.toString(), expiresAt });
  }

  /** Removes wizard connections whose Connect with Amazon was never finished, then expired states. */
  removeAbandoned(): Promise<number> {
    return removeAbandonedConnectDrafts({
      authorizations: this.authorizations,
      connections: this.connections,
      clock: this.clock,
      authorizationTtlMs: AUTHORIZATION_TTL_MS,
    });
  }

  /** The callback: consumes the state, exchanges the code, stores the refresh token and seller id. */
  async complete(query: AmazonCallbackQuery): Promise<CallbackOutcome> {
    const auth = query.state ? await this.authorizations.consume(sha256Hex(query.state), this.clock.nowIso()) : null;
    if (!auth) {
      return {
        ok: false,
        connectionId: null,
        message: 'This authorization link is invalid, expired or was already used: start Connect with Amazon again.',
      };
    }
    const failed = (message: string): CallbackOutcome => ({ ok: false, connectionId: auth.connectionId, message });
    if (query.error) {
      return failed(
        query.error === 'access_denied'
          ? 'The authorization was cancelled in Seller Central; nothing was changed.'
          : `Amazon did not authorize the app (${query.error.slice(0, 60)}); nothing was changed.`,
      );
    }
    const code = query.spapi_oauth_code ?? '';
    const sellerId = query.selling_partner_id ?? '';
    if (!code || !sellerId)
      return failed('Amazon sent no authorization code or selling partner id; nothing was changed.');
    const found = await this.connections.get(auth.accountId, auth.connectionId);
    if (!found.ok) return failed('The connection no longer exists.');
    const connection = found.value;
    let refreshToken: string;
    try {
      refreshToken = await this.exchange(connection.lwaUrl, connection.clientId, connection.id, code, auth.redirectUri);
    } catch (error) {
      const e = toAppError(error);
      return failed(`Login with Amazon refused the authorization code: ${e.message}. Start Connect with Amazon again.`);
    }
    const actor = `${auth.actor} (Connect with Amazon)`;
    const updated = await this.connections.update(auth.accountId, connection.id, { refreshToken, sellerId }, actor);
    if (!updated.ok) return failed(`The authorization could not be saved: ${updated.error.message}`);
    await this.audit.record({
      accountId: auth.accountId,
      actor,
      action: 'connection.amazon_authorized',
      entity: 'connection',
      entityId: connection.id,
      before: { sellerId: connection.sellerId, refreshTokenHint: connection.refreshTokenHint },
      after: { sellerId, refreshTokenHint: maskSecret(refreshToken) },
      at: this.clock.nowIso(),
    });
    return { ok: true, connectionId: connection.id };
  }

  /** grant_type=authorization_code at the connection's LWA URL; errors carry LWA's code only. */
  private async exchange(
    lwaUrl: string,
    clientId: string,
    connectionId: string,
    code: string,
    redirectUri: string,
  ): Promise<string> {
    const allowed = await this.endpoints?.checkAmazonUrl(lwaUrl, 'lwaUrl');
    if (allowed && !allowed.ok) throw allowed.error;
    const secrets = await this.connections.secretsOf(connectionId);
    const { status, json } = await postLwaGrant(this.http, lwaUrl, {
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      client_secret: secrets.clientSecret,
      redirect_uri: redirectUri,
    });
    const refreshToken = json?.refresh_token;
    if (status !== 200 || typeof refreshToken !== 'string' || refreshToken === '') {
      const e = lwaError(status, json);
      // invalid_grant here means the code (not a refresh token) is unknown, used or expired.
      if (e.code === 'amazon_auth_refresh_revoked') {
        throw new AppError(
          'amazon_auth_code_invalid',
          'the code is invalid, expired or was already used (invalid_grant)',
          {
            kind: 'auth',
            retryable: false,
          },
        );
      }
      throw e;
    }
    return refreshToken;
  }
}
