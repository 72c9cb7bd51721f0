import { isDeepStrictEqual } from 'node:util';
import { loadAmazonJson } from './fixture-files.js';
import type { OperationId } from './sandbox-constants.js';

/** One `x-amzn-api-sandbox.static` case of Amazon's models, as extracted in the fixture files. */
export interface StaticCase {
  operationId: string;
  method: string;
  path: string;
  status: number;
  request: { parameters: Record<string, { value: unknown }> };
  response: unknown;
}

const FEEDS_CASES = 'models/feeds_2021-06-30.sandbox-static-cases.json';
const LISTINGS_CASES = 'models/listingsItems_2021-08-01.sandbox-static-cases.json';
const FILES: Record<OperationId, string> = {
  searchOrders: 'orders_2026-01-01.sandbox-static-cases.json',
  getOrder: 'orders_2026-01-01.sandbox-static-cases.json',
  confirmShipment: 'ordersV0.sandbox-static-cases.json',
  createFeedDocument: FEEDS_CASES,
  createFeed: FEEDS_CASES,
  getFeed: FEEDS_CASES,
  getFeeds: FEEDS_CASES,
  cancelFeed: FEEDS_CASES,
  getFeedDocument: FEEDS_CASES,
  patchListingsItem: LISTINGS_CASES,
  getListingsItem: LISTINGS_CASES,
};

/** The cases of one operation (Orders v2026 for searchOrders/getOrder, Orders v0 for confirmShipment). */
export function staticCasesFor(op: OperationId): StaticCase[] {
  return loadAmazonJson<StaticCase[]>(FILES[op]).filter((c) => c.operationId === op);
}

/**
 * Replay rules (reference README §8.1, our design): a case matches when every parameter it lists
 * equals the request's (arrays exactly, the JSON body deeply); of the matches, the one listing the
 * most parameters wins. `request` holds the request's parameters under the model's names (`body`
 * for a JSON body). No match → null (the caller answers 400 InvalidInput).
 */
export function findStaticCase(op: OperationId, request: Readonly<Record<string, unknown>>): StaticCase | null {
  let best: StaticCase | null = null;
  let bestScore = -1;
  for (const c of staticCasesFor(op)) {
    const params = Object.entries(c.request.parameters);
    if (!params.every(([name, { value }]) => isDeepStrictEqual(request[name], value))) continue;
    if (params.length > bestScore) {
      best = c;
      bestScore = params.length;
    }
  }
  return best;
}
