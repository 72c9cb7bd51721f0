/** Amazon's default usage plans (rate = requests per second, burst = bucket size), from the models. */
export interface UsagePlan {
  rate: number;
  burst: number;
}

export const DEFAULT_USAGE_PLANS: Readonly<Record<string, UsagePlan>> = {
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
  updateShipmentStatus: { rate: 5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  createFeedDocument: { rate: 0.5, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
  getFeeds: { rate: 0.0222, burst: 10 },
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  patchListingsItem: { rate: 5, burst: 5 },
  getListingsItem: { rate: 5, burst: 10 },
  createRestrictedDataToken: { rate: 1, burst: 10 },
};

/** Unknown operations get a conservative plan rather than none. */
export const FALLBACK_USAGE_PLAN: UsagePlan = { rate: 1, burst: 1 };

/** Which operation a request is, from its method and path (the bucket it must wait on). */
const OPERATIONS: ReadonlyArray<[string, RegExp, string]> = [
  ['GET', /^\/orders\/2026-01-01\/orders\/?$/, 'searchOrders'],
  ['GET', /^\/orders\/2026-01-01\/orders\/[^/]+$/, 'getOrder'],
  ['POST', /^\/orders\/v0\/orders\/[^/]+\/shipmentConfirmation$/, 'confirmShipment'],
  ['POST', /^\/orders\/v0\/orders\/[^/]+\/shipment$/, 'updateShipmentStatus'],
];

export function operationOf(method: string, path: string): string {
  const m = method.toUpperCase();
  for (const [verb, pattern, op] of OPERATIONS) if (verb === m && pattern.test(path)) return op;
  return `${m} ${path}`;
}
