import { randomBytes } from 'node:crypto';
import { AppError } from '../../lib/errors.js';
import { ACCESS_TOKEN_TTL_SECONDS, ALL_ROLES } from './sandbox-constants.js';

export interface AddSellerInput {
  sellerId: string;
  refreshToken: string;
  marketplaceIds?: string[];
  /** The app the seller authorised; a new client id needs its secret. Default: the sandbox app. */
  clientId?: string;
  clientSecret?: string;
}

export interface SellerAccount {
  sellerId: string;
  marketplaceIds: string[];
  roles: Set<string>;
}

interface RefreshGrant {
  sellerId: string;
  clientId: string;
  revoked: boolean;
}

/** What an access token stands for: a seller's authorisation of an app, or a grantless app token. */
export interface AccessGrant {
  clientId: string;
  sellerId: string | null;
  refreshToken: string | null;
  scope: string | null;
  expiresAtMs: number;
}

export type TokenCheck = { ok: true; grant: AccessGrant } | { ok: false; reason: 'invalid' | 'expired' };

/** A Website-authorisation code (`spapi_oauth_code`): single use, bound to the app and redirect URI. */
interface AuthorizationCode {
  clientId: string;
  sellerId: string;
  redirectUri: string;
  expiresAtMs: number;
}

/** Amazon's `spapi_oauth_code` is valid for five minutes. */
export const AUTHORIZATION_CODE_TTL_MS = 5 * 60_000;

const invalid = (message: string): AppError => new AppError('invalid_seller', message, { kind: 'invalid' });

/** Apps (LWA clients), sellers, refresh tokens and issued access tokens. */
export class CredentialStore {
  private readonly apps = new Map<string, string>();
  private readonly sellers = new Map<string, SellerAccount>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly accessTokens = new Map<string, AccessGrant>();
  private readonly authorizationCodes = new Map<string, AuthorizationCode>();

  constructor(private readonly defaultClientId: string) {}

  addApp(clientId: string, clientSecret: string): void {
    this.apps.set(clientId, clientSecret);
  }

  addSeller(input: AddSellerInput): SellerAccount {
    if (!input.sellerId || !input.refreshToken) throw invalid('sellerId and refreshToken are required.');
    const clientId = input.clientId ?? this.defaultClientId;
    const knownSecret = this.apps.get(clientId);
    if (knownSecret === undefined) {
      if (!input.clientSecret) throw invalid(`Client ${clientId} is new: give its clientSecret too.`);
      this.addApp(clientId, input.clientSecret);
    } else if (input.clientSecret !== undefined && input.clientSecret !== knownSecret) {
      throw invalid(`Client ${clientId} already exists with another secret.`);
    }
    const owner = this.refreshTokens.get(input.refreshToken);
    if (owner && owner.sellerId !== input.sellerId) throw invalid('That refresh token belongs to another seller.');
    const seller = this.sellers.get(input.sellerId) ?? {
      sellerId: input.sellerId,
      marketplaceIds: [],
      roles: new Set(ALL_ROLES),
    };
    for (const id of input.marketplaceIds ?? [])
      if (!seller.marketplaceIds.includes(id)) seller.marketplaceIds.push(id);
    this.sellers.set(seller.sellerId, seller);
    this.refreshTokens.set(input.refreshToken, { sellerId: seller.sellerId, clientId, revoked: false });
    return seller;
  }

  seller(sellerId: string): SellerAccount | undefined {
    return this.sellers.get(sellerId);
  }

  listSellers(): SellerAccount[] {
    return [...this.sellers.values()];
  }

  setRoles(sellerId: string, roles: readonly string[]): void {
    const seller = this.sellers.get(sellerId);
    if (!seller) throw new AppError('seller_not_found', `Unknown seller ${sellerId}.`, { kind: 'not_found' });
    seller.roles = new Set(roles);
  }

  /** Revokes the refresh token and every access token obtained with it. */
  revokeRefreshToken(token: string): boolean {
    const grant = this.refreshTokens.get(token);
    if (!grant) return false;
    grant.revoked = true;
    for (const [access, g] of this.accessTokens) if (g.refreshToken === token) this.accessTokens.delete(access);
    return true;
  }

  hasApp(clientId: string): boolean {
    return this.apps.has(clientId);
  }

  /** The seller confirmed the consent page: a code the app exchanges (grant_type=authorization_code). */
  issueAuthorizationCode(input: { clientId: string; sellerId: string; redirectUri: string }, nowMs: number): string {
    for (const [code, c] of this.authorizationCodes) if (c.expiresAtMs <= nowMs) this.authorizationCodes.delete(code);
    const code = `ANsandbox${randomBytes(15).toString('base64url')}`;
    this.authorizationCodes.set(code, { ...input, expiresAtMs: nowMs + AUTHORIZATION_CODE_TTL_MS });
    return code;
  }

  /**
   * Exchanges an authorisation code once: a new refresh token of (app, seller) and an access token.
   * null when the code is unknown, used, expired, or issued to another app or redirect URI; any
   * attempt uses the code up (OAuth: a code is tried at most once).
   */
  exchangeAuthorizationCode(
    clientId: string,
    code: string,
    redirectUri: string | undefined,
    nowMs: number,
  ): { accessToken: string; refreshToken: string } | null {
    const grant = this.authorizationCodes.get(code);
    this.authorizationCodes.delete(code);
    if (!grant || grant.expiresAtMs <= nowMs || grant.clientId !== clientId) return null;
    if (redirectUri !== undefined && redirectUri !== grant.redirectUri) return null;
    const refreshToken = `Atzr|sandbox-${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.set(refreshToken, { sellerId: grant.sellerId, clientId, revoked: false });
    const accessToken = this.issue({ clientId, sellerId: grant.sellerId, refreshToken, scope: null }, nowMs);
    return { accessToken, refreshToken };
  }

  clientMatches(clientId: string, clientSecret: string): boolean {
    return this.apps.get(clientId) === clientSecret;
  }

  /** Exchanges a refresh token of this client; null when unknown, revoked or issued to another app. */
  exchangeRefreshToken(clientId: string, refreshToken: string, nowMs: number): string | null {
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant || grant.revoked || grant.clientId !== clientId) return null;
    return this.issue({ clientId, sellerId: grant.sellerId, refreshToken, scope: null }, nowMs);
  }

  issueGrantless(clientId: string, scope: string, nowMs: number): string {
    return this.issue({ clientId, sellerId: null, refreshToken: null, scope }, nowMs);
  }

  checkAccessToken(token: string | undefined, nowMs: number): TokenCheck {
    const grant = token === undefined ? undefined : this.accessTokens.get(token);
    if (!grant) return { ok: false, reason: 'invalid' };
    if (grant.expiresAtMs <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, grant };
  }

  private issue(grant: Omit<AccessGrant, 'expiresAtMs'>, nowMs: number): string {
    if (this.accessTokens.size > 50_000) this.dropExpired(nowMs);
    const token = `Atza|${randomBytes(48).toString('base64url')}`;
    this.accessTokens.set(token, { ...grant, expiresAtMs: nowMs + ACCESS_TOKEN_TTL_SECONDS * 1000 });
    return token;
  }

  private dropExpired(nowMs: number): void {
    for (const [token, grant] of this.accessTokens) if (grant.expiresAtMs <= nowMs) this.accessTokens.delete(token);
  }
}
