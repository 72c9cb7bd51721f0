import { isIP } from 'node:net';
import { LWA_TOKEN_URL, SP_API_HOSTS, SP_API_SANDBOX_HOSTS } from '../amazon/marketplaces.js';
import { AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { disallowedAddressReason } from './address-ranges.js';
import { guardedAgents, systemResolveHost, type ResolveHost } from './guarded-agent.js';
import { isInProcessOrigin } from './in-process-origins.js';

/** The installation's network allowances, read on every check (src/sync/network-settings.service.ts). */
export interface Allowances {
  allowCustomAmazonEndpoints: boolean;
  allowPrivateStoreAddresses: boolean;
}

/** Amazon's own origins: SP-API production and sandbox hosts of every region, and LWA. */
const AMAZON_SP_API_ORIGINS = new Set([...Object.values(SP_API_HOSTS), ...Object.values(SP_API_SANDBOX_HOSTS)]);
const AMAZON_LWA_ORIGINS = new Set([new URL(LWA_TOKEN_URL).origin]);

/**
 * Where OrderBridge may send requests on a merchant's behalf (server-side request forgery guard).
 * Connections talk to Amazon's endpoints only, unless an administrator allows custom ones; store
 * and webhook URLs must resolve to public addresses, unless an administrator allows private ones.
 * The simulators this process started itself are always allowed.
 */
export class OutboundPolicy {
  /** Agents for store and webhook calls while private addresses are not allowed. */
  readonly agents: ReturnType<typeof guardedAgents>;

  constructor(
    readonly allowances: () => Promise<Allowances>,
    private readonly resolveHost: ResolveHost = systemResolveHost,
  ) {
    this.agents = guardedAgents(resolveHost);
  }

  /** The agents a store or webhook call must use now; null when private addresses are allowed. */
  async storeAgents(): Promise<OutboundPolicy['agents'] | null> {
    return (await this.allowances()).allowPrivateStoreAddresses ? null : this.agents;
  }

  /** A connection's SP-API base URL or LWA token URL (`field` names it in the error). */
  async checkAmazonUrl(url: string, field: 'spApiBaseUrl' | 'lwaUrl'): Promise<Result<void>> {
    const origins = field === 'lwaUrl' ? AMAZON_LWA_ORIGINS : AMAZON_SP_API_ORIGINS;
    if (originOf(url) !== null && origins.has(originOf(url) as string)) return ok(undefined);
    if (isInProcessOrigin(url) || (await this.allowances()).allowCustomAmazonEndpoints) return ok(undefined);
    const what = field === 'lwaUrl' ? 'LWA token URL' : 'SP-API base URL';
    const expected = field === 'lwaUrl' ? LWA_TOKEN_URL : Object.values(SP_API_HOSTS).join(', ');
    return err(
      new AppError(
        'amazon_endpoint_not_allowed',
        `The ${what} must be one of Amazon's endpoints (${expected}, or Amazon's sandbox hosts); ` +
          'an administrator can allow custom Amazon endpoints for this installation (Admin → Network).',
        { kind: 'invalid', retryable: false, details: { field } },
      ),
    );
  }

  /**
   * A store base URL or webhook URL (`field` names it): every address its host resolves to must be
   * public. A host that does not resolve now passes (the guarded agents check again at connect time).
   */
  async checkStoreUrl(url: string, field: string): Promise<Result<void>> {
    if (isInProcessOrigin(url) || (await this.allowances()).allowPrivateStoreAddresses) return ok(undefined);
    let host: string;
    try {
      host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return ok(undefined); // not a URL: the input schema reports it
    }
    let reason: string | null;
    if (isIP(host)) {
      reason = disallowedAddressReason(host);
    } else {
      const addresses = await this.resolveHost(host).catch(() => []);
      reason = addresses.map((a) => disallowedAddressReason(a.address)).find((r) => r !== null) ?? null;
    }
    return reason === null ? ok(undefined) : err(addressNotAllowed(field, reason));
  }
}

export function addressNotAllowed(field: string, reason: string): AppError {
  return new AppError(
    'address_not_allowed',
    `address not allowed: the ${field} resolves to a ${reason} address. OrderBridge only calls public ` +
      'addresses; an administrator can allow private addresses for a store on the same host or network (Admin → Network).',
    { kind: 'invalid', retryable: false, details: { field, reason } },
  );
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.username || u.password ? null : u.origin;
  } catch {
    return null;
  }
}
