import { AppError } from '../lib/errors.js';
import { marketplaceById, regionOfSpApiUrl, SP_API_HOSTS } from './marketplaces.js';

export interface AmazonErrorEntry {
  code: string;
  message: string;
  details?: string;
}

/** What the request was, to explain a failure (never tokens or secrets). */
export interface SpApiRequestContext {
  operation: string;
  /** The connection's SP-API base URL (to tell a wrong region). */
  baseUrl: string;
  /** The request's query string. */
  query: URLSearchParams;
  requestId: string | null;
}

/** Amazon's `{ errors: [{ code, message, details }] }` body, when the body is one. */
export function amazonErrors(body: unknown): AmazonErrorEntry[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
    .map((e) => ({
      code: text(e.code),
      message: text(e.message),
      ...(e.details !== undefined && { details: text(e.details) }),
    }));
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const ROLE_PATTERN = /\brole\b|restricted|not authori[sz]ed to access|missing (?:the )?authori[sz]ation/i;

type Spec = [code: string, message: string, kind: AppError['kind'], retryable: boolean];

/** A final (not retried, or retried in vain) SP-API failure as a specific AppError. */
export function spApiError(status: number, body: unknown, ctx: SpApiRequestContext): AppError {
  const errors = amazonErrors(body);
  const summary =
    errors.map((e) => `${e.code}: ${e.message}${e.details ? ` (${e.details})` : ''}`).join('; ') || `HTTP ${status}`;
  const [code, message, kind, retryable] = specOf(status, summary, errors, ctx);
  return new AppError(code, message, {
    kind,
    retryable,
    details: { operation: ctx.operation, status, requestId: ctx.requestId, errors },
  });
}

function specOf(status: number, summary: string, errors: AmazonErrorEntry[], ctx: SpApiRequestContext): Spec {
  const op = ctx.operation;
  if (status === 400) {
    return ctx.query.has('paginationToken') && /token/i.test(summary)
      ? [
          'amazon_pagination_token_expired',
          `Amazon no longer accepts the page token (${summary}); the window is read again`,
          'invalid',
          true,
        ]
      : ['amazon_invalid_input', `Amazon rejected ${op}: ${summary}`, 'invalid', false];
  }
  if (status === 401 || status === 403) {
    return ROLE_PATTERN.test(summary)
      ? ['amazon_forbidden_role', `The SP-API app lacks a role Amazon requires for ${op}: ${summary}`, 'auth', false]
      : ['amazon_auth_token_invalid', refusedTokenMessage(summary, ctx), 'auth', false];
  }
  if (status === 404) {
    const what = errors[0]?.message || 'not found';
    return ['amazon_not_found', `Amazon has no such resource for ${op}: ${what}`, 'not_found', false];
  }
  if (status === 429) {
    const message = `Amazon throttled ${op} after every retry; the run keeps its cursor and resumes later`;
    return ['amazon_throttled', message, 'rate_limited', true];
  }
  if (status >= 500) {
    return ['amazon_unavailable', `Amazon failed ${op} with HTTP ${status} after every retry`, 'upstream', true];
  }
  return ['amazon_request_failed', `Amazon answered ${op} with HTTP ${status}: ${summary}`, 'upstream', false];
}

/**
 * Amazon answers `Unauthorized` both for a bad token and for a seller that is not in the host's
 * region (the LWA token is fine). When the request names marketplaces of another region, say so.
 */
function refusedTokenMessage(summary: string, ctx: SpApiRequestContext): string {
  const base = `Amazon refused the access token for ${ctx.operation} (${summary}).`;
  const host = regionOfSpApiUrl(ctx.baseUrl);
  const foreign = (ctx.query.get('marketplaceIds') ?? ctx.query.get('MarketplaceIds') ?? '')
    .split(',')
    .map((id) => marketplaceById(id))
    .find((m) => m !== null && host !== null && m.region !== host.region);
  if (host && foreign) {
    return (
      `${base} Wrong region: marketplace ${foreign.countryCode} (${foreign.id}) is served by the ${foreign.region} ` +
      `endpoint ${SP_API_HOSTS[foreign.region]}, but this connection calls the ${host.region} endpoint ${ctx.baseUrl}.`
    );
  }
  return (
    `${base} Wrong region? If the credentials are right, the connection may point at another region's endpoint ` +
    `than the seller's (${ctx.baseUrl}); otherwise the app's authorisation was revoked.`
  );
}
