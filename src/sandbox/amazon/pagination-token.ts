import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TimeFamily } from './order-store.js';

/** The filters a token was issued for: a later page must repeat them (only page size and data sets may change). */
export interface TokenFilters {
  family: TimeFamily;
  afterMs: number;
  /** The *Before* the client sent, or null when the window ended at now − 2 min. */
  beforeMs: number | null;
  marketplaceIds: string[] | null;
  statuses: string[] | null;
  fulfilledBy: string[] | null;
}

export interface TokenState {
  sellerId: string;
  filters: TokenFilters;
  /** The window end frozen on the first page, so later pages never see newer changes. */
  windowEndMs: number;
  lastKey: { ms: number; orderId: string };
  issuedAtMs: number;
}

export const TOKEN_TTL_MS = 24 * 3_600_000;

/**
 * Signed, self-contained pagination tokens (base64url JSON + HMAC). A changed byte fails the signature,
 * so a tampered token is rejected like an unknown one.
 */
export class PaginationTokens {
  private readonly secret = randomBytes(32);

  issue(state: TokenState): string {
    const body = Buffer.from(JSON.stringify(state)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  read(token: string): TokenState | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenState;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 22);
  }
}

/** Names of the filters that differ from the token's ("" when the request repeats them). */
export function filterDifferences(token: TokenState, request: TokenFilters): string[] {
  const t = token.filters;
  const diffs: string[] = [];
  const same = (a: string[] | null, b: string[] | null): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (t.family !== request.family || t.afterMs !== request.afterMs) {
    diffs.push(request.family === 'created' ? 'createdAfter' : 'lastUpdatedAfter');
  }
  // Repeating the bound the first page reported (its lastUpdatedBefore/createdBefore) is accepted too.
  const beforeOk = request.beforeMs === t.beforeMs || request.beforeMs === token.windowEndMs;
  if (!beforeOk) diffs.push(request.family === 'created' ? 'createdBefore' : 'lastUpdatedBefore');
  if (!same(t.marketplaceIds, request.marketplaceIds)) diffs.push('marketplaceIds');
  if (!same(t.statuses, request.statuses)) diffs.push('fulfillmentStatuses');
  if (!same(t.fulfilledBy, request.fulfilledBy)) diffs.push('fulfilledBy');
  return diffs;
}
