import { marketplaceById, regionOfSpApiUrl, SP_API_HOSTS, SP_API_SANDBOX_HOSTS } from '../amazon/marketplaces.js';
import type { Connection } from '../domain/connection.js';
import type { Clock } from '../lib/clock.js';
import { toAppError } from '../lib/errors.js';
import type { Result } from '../lib/result.js';

/** What Test connection answers (PRODUCT.md §4 step 3): never a secret, one clear message. */
export interface ConnectionTestResult {
  ok: boolean;
  /** 'ok' or an error code of docs/errors.md. */
  code: string;
  message: string;
  checkedAt: string;
}

/**
 * Tests a connection's credentials with one cheap authenticated call (`probe`) and explains each
 * failure: bad client secret (LWA invalid_client), revoked or invalid refresh token (invalid_grant),
 * wrong region (an Amazon endpoint of another region than the marketplace's), marketplace the seller
 * does not sell in, missing role (403 naming a role).
 */
export async function testConnection(
  connection: Connection,
  probe: (c: Connection) => Promise<Result<unknown>>,
  clock: Clock,
): Promise<ConnectionTestResult> {
  const at = (): string => clock.nowIso();
  const fail = (code: string, message: string): ConnectionTestResult => ({ ok: false, code, message, checkedAt: at() });
  const marketplace = marketplaceById(connection.marketplaceId);
  const host = regionOfSpApiUrl(connection.spApiBaseUrl);
  if (marketplace && host && host.region !== marketplace.region) {
    const right = (host.amazonSandbox ? SP_API_SANDBOX_HOSTS : SP_API_HOSTS)[marketplace.region];
    return fail(
      'amazon_wrong_region',
      `Wrong region: ${marketplace.name} (${marketplace.countryCode}) is served by the ${marketplace.region} endpoint ` +
        `${right}, but this connection calls the ${host.region} endpoint ${connection.spApiBaseUrl}. ` +
        'Change the SP-API base URL to the marketplace region’s endpoint.',
    );
  }
  let result: Result<unknown>;
  try {
    result = await probe(connection);
  } catch (error) {
    const e = toAppError(error);
    return fail(e.code, e.message);
  }
  const where = marketplace ? `${marketplace.name} (${marketplace.countryCode})` : connection.marketplaceId;
  if (result.ok) {
    return {
      ok: true,
      code: 'ok',
      message: `Connected: Amazon accepted the credentials and answered an order search on ${where} for seller ${connection.sellerId}.`,
      checkedAt: at(),
    };
  }
  const e = result.error;
  switch (e.code) {
    case 'amazon_auth_invalid_client':
      return fail(
        e.code,
        'Login with Amazon rejected the client id or client secret (invalid_client): copy the LWA client secret ' +
          'of the SP-API app again (Developer Central → View credentials) and save it; a rotated secret replaces the old one.',
      );
    case 'amazon_auth_refresh_revoked':
      return fail(
        e.code,
        'The refresh token is invalid or was revoked (invalid_grant): click Connect with Amazon to authorise the app ' +
          'again, or paste a new refresh token of this app and seller.',
      );
    case 'amazon_forbidden_role': {
      const detail = detailsText(e.details);
      return fail(
        e.code,
        `The SP-API app lacks a role Amazon requires to read orders${detail ? ` (${detail})` : ''}: add the role ` +
          '(Direct-to-Consumer Delivery for addresses, Tax Invoicing or Tax Remittance for buyer data) in the app’s ' +
          'developer profile, then authorise the app again.',
      );
    }
    case 'amazon_auth_token_invalid': {
      const detail = detailsText(e.details);
      if (/marketplace|region/i.test(detail)) {
        return fail(
          'amazon_marketplace_not_participating',
          `Amazon refused access to ${where} for seller ${connection.sellerId} (${detail}): the seller does not sell ` +
            'in this marketplace, or the seller account belongs to another region. Check the marketplace and the Seller ID.',
        );
      }
      return fail(e.code, e.message);
    }
    default:
      return fail(e.code, e.message);
  }
}

/** Amazon's error details text of an SP-API AppError (`details.errors[].details`). */
function detailsText(details: Record<string, unknown>): string {
  const errors = Array.isArray(details.errors) ? (details.errors as Array<{ details?: unknown }>) : [];
  return errors
    .map((x) => (typeof x.details === 'string' ? x.details : ''))
    .filter((x) => x !== '')
    .join('; ');
}
