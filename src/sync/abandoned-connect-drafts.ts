import type { AmazonAuthorizationRepository } from '../db/amazon-authorization.repository.js';
import type { Clock } from '../lib/clock.js';
import type { ConnectionService } from './connection.service.js';

export interface AbandonedDraftDeps {
  authorizations: AmazonAuthorizationRepository;
  connections: ConnectionService;
  clock: Clock;
  /** How long a consent URL is valid: a draft created this long before its authorisation counts. */
  authorizationTtlMs: number;
}

export const ABANDONED_DRAFT_ACTOR = 'OrderBridge (Connect with Amazon never finished)';

/**
 * The wizard creates its connection just before it sends the merchant to Amazon (Connect with Amazon
 * needs one to come back to). When the merchant never returns (or Amazon's consent was cancelled or
 * refused and not tried again), that connection is half-made: no refresh token, never active, no
 * orders. Once its consent URL has expired (and no other is open) it is removed. A connection created earlier and authorised later (CLI, connection page) is
 * kept: only one created within a consent URL's lifetime before its authorisation was the wizard's.
 * Then the expired authorisations are dropped. Returns how many connections were removed.
 */
export async function removeAbandonedConnectDrafts(deps: AbandonedDraftDeps): Promise<number> {
  const now = deps.clock.nowIso();
  let removed = 0;
  const seen = new Set<string>();
  for (const auth of await deps.authorizations.expired(now)) {
    if (seen.has(auth.connectionId)) continue;
    seen.add(auth.connectionId);
    if (await deps.authorizations.hasPending(auth.connectionId, now)) continue;
    const found = await deps.connections.get(auth.accountId, auth.connectionId);
    if (!found.ok) continue;
    const connection = found.value;
    const madeForThisConsent = Date.parse(connection.createdAt) >= Date.parse(auth.createdAt) - deps.authorizationTtlMs;
    if (connection.active || !madeForThisConsent) continue;
    if ((await deps.connections.secretsOf(connection.id)).refreshToken) continue;
    // remove() refuses a connection that holds orders: those are never half-made.
    if ((await deps.connections.remove(auth.accountId, connection.id, ABANDONED_DRAFT_ACTOR)).ok) removed += 1;
  }
  await deps.authorizations.deleteExpired(now);
  return removed;
}
