import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { dropOneBlock, injectUnknownEnum } from './fault-mutations.js';
import { isoSeconds } from './iso-time.js';
import { missingRole, projectOrder } from './order-projection.js';
import { keyTime, type PageKey } from './order-store.js';
import { TOKEN_TTL_MS, filterDifferences, type TokenFilters } from './pagination-token.js';
import { TWO_MINUTES_MS, checkWindow, parseSearchParams, type SearchParams } from './search-params.js';
import type { AmazonSandbox } from './sandbox-state.js';
import { invalidInput, missingRoleError, notParticipating } from './sp-api-errors.js';
import type { SpCall, SpReply } from './sp-api-pipeline.js';

const filtersOf = (p: SearchParams): TokenFilters => ({
  family: p.family,
  afterMs: p.afterMs,
  beforeMs: p.beforeMs,
  marketplaceIds: p.marketplaceIds,
  statuses: p.statuses,
  fulfilledBy: p.fulfilledBy,
});

const formatBound = (ms: number): string => (ms % 1000 === 0 ? isoSeconds(ms) : new Date(ms).toISOString());

type Window = { endMs: number; startAfter: PageKey | null } | { error: string };

/** Where this page starts: a fresh window ending at now − 2 min, or the one frozen in the token. */
function resolveWindow(sandbox: AmazonSandbox, p: SearchParams, sellerId: string, nowMs: number): Window {
  if (p.paginationToken === null) {
    const error = checkWindow(p, nowMs);
    if (error) return { error };
    return { endMs: p.beforeMs ?? Math.floor((nowMs - TWO_MINUTES_MS) / 1000) * 1000, startAfter: null };
  }
  const state = sandbox.paginationTokens.read(p.paginationToken);
  if (!state || state.sellerId !== sellerId) return { error: 'Invalid paginationToken.' };
  if (nowMs - state.issuedAtMs > TOKEN_TTL_MS) {
    return { error: 'The paginationToken has expired; pagination tokens are valid for 24 hours.' };
  }
  const diffs = filterDifferences(state, filtersOf(p));
  if (diffs.length > 0) {
    return {
      error:
        `paginationToken does not match the request: ${diffs.join(', ')} differ from the request that produced it. ` +
        'Only maxResultsPerPage and includedData may change between pages.',
    };
  }
  return { endMs: state.windowEndMs, startAfter: state.lastKey };
}

/** searchOrders: validation, keyset page, data-set projection, page-level faults. */
export function searchOrders(sandbox: AmazonSandbox, query: URLSearchParams, call: SpCall): SpReply {
  const parsed = parseSearchParams(query);
  if (!parsed.ok) return { status: 400, body: invalidInput(parsed.message) };
  const p = parsed.value;
  const seller = sandbox.credentials.seller(call.sellerId);
  // Amazon answers 403 Unauthorized for a marketplace the seller does not sell in (issue #2712 of
  // amzn/selling-partner-api-models; the details text is our pick).
  const foreign = (p.marketplaceIds ?? []).filter((id) => !seller?.marketplaceIds.includes(id));
  if (foreign.length > 0) {
    return { status: 403, body: notParticipating(foreign) };
  }
  const roles = seller?.roles ?? new Set<string>();
  const lacking = missingRole(p.includedData, roles);
  if (lacking) return { status: 403, body: missingRoleError(lacking) };
  const nowMs = sandbox.clock.nowMs();
  const window = resolveWindow(sandbox, p, call.sellerId, nowMs);
  if ('error' in window) return { status: 400, body: invalidInput(window.error) };
  const { page, more } = sandbox.orders.search(call.sellerId, {
    family: p.family,
    afterMs: p.afterMs,
    beforeMs: window.endMs,
    marketplaceIds: p.marketplaceIds,
    statuses: p.statuses,
    fulfilledBy: p.fulfilledBy,
    startAfter: window.startAfter,
    limit: p.maxResultsPerPage,
  });
  const orders: Order[] = page.map((stored) => {
    const order = projectOrder(stored.order, p.includedData, roles);
    if (sandbox.faults.chance(call.faults.dropBlocksRate) && dropOneBlock(order, p.includedData, sandbox.faults)) {
      sandbox.record.fault('dropBlocks');
    }
    if (sandbox.faults.chance(call.faults.unknownEnumRate) && injectUnknownEnum(order, sandbox.faults)) {
      sandbox.record.fault('unknownEnum');
    }
    return order;
  });
  const last = page[page.length - 1];
  const nextToken =
    more && last
      ? sandbox.paginationTokens.issue({
          sellerId: call.sellerId,
          filters: filtersOf(p),
          windowEndMs: window.endMs,
          lastKey: { ms: keyTime(last, p.family), orderId: last.order.orderId },
          issuedAtMs: nowMs,
        })
      : null;
  const bound = p.family === 'created' ? 'createdBefore' : 'lastUpdatedBefore';
  return {
    status: 200,
    body: { orders, ...(nextToken ? { pagination: { nextToken } } : {}), [bound]: formatBound(window.endMs) },
  };
}
