import { parseIsoDateTime } from './iso-time.js';
import { KNOWN_MARKETPLACE_IDS } from './marketplace-catalog.js';
import { INCLUDED_DATA_VALUES } from './order-projection.js';
import type { TimeFamily } from './order-store.js';
import { arrayParam, invalidValues, sortedOrNull, stringParam } from './query-params.js';

export const FULFILLMENT_STATUSES = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
] as const;
export const FULFILLED_BY = ['MERCHANT', 'AMAZON'] as const;

export interface SearchParams {
  family: TimeFamily;
  afterMs: number;
  beforeMs: number | null;
  marketplaceIds: string[] | null;
  statuses: string[] | null;
  fulfilledBy: string[] | null;
  maxResultsPerPage: number;
  includedData: Set<string>;
  paginationToken: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** includedData of searchOrders and getOrder. */
export function parseIncludedData(query: URLSearchParams): Parsed<Set<string>> {
  const values = arrayParam(query, 'includedData');
  const bad = invalidValues(values, INCLUDED_DATA_VALUES);
  if (bad.length > 0) {
    return fail(`Invalid includedData value '${bad[0]}'. Valid values: ${INCLUDED_DATA_VALUES.join(', ')}.`);
  }
  return { ok: true, value: new Set(values ?? []) };
}

/** Syntax and combination rules of searchOrders (model + reference README §7.1); time rules are separate. */
export function parseSearchParams(query: URLSearchParams): Parsed<SearchParams> {
  const included = parseIncludedData(query);
  if (!included.ok) return included;
  const statuses = arrayParam(query, 'fulfillmentStatuses');
  const badStatus = invalidValues(statuses, FULFILLMENT_STATUSES);
  if (badStatus.length > 0) {
    return fail(
      `Invalid fulfillmentStatuses value '${badStatus[0]}'. Valid values: ${FULFILLMENT_STATUSES.join(', ')}.`,
    );
  }
  const fulfilledBy = arrayParam(query, 'fulfilledBy');
  const badBy = invalidValues(fulfilledBy, FULFILLED_BY);
  if (badBy.length > 0) return fail(`Invalid fulfilledBy value '${badBy[0]}'. Valid values: MERCHANT, AMAZON.`);
  const marketplaceIds = arrayParam(query, 'marketplaceIds');
  if (marketplaceIds && marketplaceIds.length > 50) {
    return fail(`marketplaceIds accepts at most 50 values; ${marketplaceIds.length} were given.`);
  }
  const unknownMarket = (marketplaceIds ?? []).find((id) => !KNOWN_MARKETPLACE_IDS.has(id));
  if (unknownMarket !== undefined) return fail(`Invalid marketplaceId '${unknownMarket}'.`);
  const pageSize = stringParam(query, 'maxResultsPerPage');
  if (pageSize !== null && (!/^\d+$/.test(pageSize) || Number(pageSize) < 1 || Number(pageSize) > 100)) {
    return fail(`maxResultsPerPage must be an integer between 1 and 100; got '${pageSize}'.`);
  }
  const dates = parseDates(query);
  if (!dates.ok) return dates;
  return {
    ok: true,
    value: {
      ...dates.value,
      marketplaceIds: sortedOrNull(marketplaceIds),
      statuses: sortedOrNull(statuses),
      fulfilledBy: sortedOrNull(fulfilledBy),
      maxResultsPerPage: pageSize === null ? 100 : Number(pageSize),
      includedData: included.value,
      paginationToken: stringParam(query, 'paginationToken'),
    },
  };
}

type Window = { family: TimeFamily; afterMs: number; beforeMs: number | null };

function parseDates(query: URLSearchParams): Parsed<Window> {
  const ms: Record<string, number | null> = {};
  for (const name of ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore']) {
    const raw = stringParam(query, name);
    if (raw === null) {
      ms[name] = null;
      continue;
    }
    const parsed = parseIsoDateTime(raw);
    if (parsed === null)
      return fail(`${name} must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z; got '${raw}'.`);
    ms[name] = parsed;
  }
  const { createdAfter = null, createdBefore = null, lastUpdatedAfter = null, lastUpdatedBefore = null } = ms;
  if (createdAfter === null && lastUpdatedAfter === null) {
    return fail('Exactly one of createdAfter or lastUpdatedAfter must be provided.');
  }
  if (createdAfter !== null && lastUpdatedAfter !== null) {
    return fail('createdAfter and lastUpdatedAfter cannot both be provided; give exactly one.');
  }
  if (createdAfter !== null && lastUpdatedBefore !== null) {
    return fail('lastUpdatedBefore cannot be provided together with createdAfter.');
  }
  if (lastUpdatedAfter !== null && createdBefore !== null) {
    return fail('createdBefore cannot be provided together with lastUpdatedAfter.');
  }
  return createdAfter !== null
    ? { ok: true, value: { family: 'created', afterMs: createdAfter, beforeMs: createdBefore } }
    : { ok: true, value: { family: 'lastUpdated', afterMs: lastUpdatedAfter ?? 0, beforeMs: lastUpdatedBefore } };
}

export const TWO_MINUTES_MS = 120_000;

/** The time rules that depend on "now": Before ≥ After, Before ≤ now − 2 min, and a non-empty window. */
export function checkWindow(p: SearchParams, nowMs: number): string | null {
  const after = p.family === 'created' ? 'createdAfter' : 'lastUpdatedAfter';
  const before = p.family === 'created' ? 'createdBefore' : 'lastUpdatedBefore';
  if (p.beforeMs !== null) {
    if (p.beforeMs < p.afterMs) return `${before} must be equal to or after ${after}.`;
    if (p.beforeMs > nowMs - TWO_MINUTES_MS)
      return `${before} must be at least 2 minutes before the time of the request.`;
    return null;
  }
  if (p.afterMs > nowMs - TWO_MINUTES_MS) return `${after} must be at least 2 minutes before the time of the request.`;
  return null;
}
