/**
 * Amazon's default usage plans (rate = requests per second, burst = bucket size), from each
 * operation's description in the models (amazon/README.md §4), and which operation a request is.
 * Amazon may apply other rates per seller: the bucket follows `x-amzn-RateLimit-Limit` once seen.
 */
export interface UsagePlan {
  rate: number;
  burst: number;
}

interface OperationSpec {
  /** Bucket key and stats name: Amazon's operationId, prefixed with the API where two APIs share one. */
  operation: string;
  method: string;
  path: RegExp;
  plan: UsagePlan;
}

const plan = (rate: number, burst: number): UsagePlan => ({ rate, burst });
const ID = '[^/]+';
const op = (operation: string, method: string, path: string, p: UsagePlan): OperationSpec => ({
  operation,
  method,
  path: new RegExp(`^${path.replaceAll('{id}', ID)}/?$`),
  plan: p,
});

const V0 = '/orders/v0/orders';
const FEEDS = '/feeds/2021-06-30';
const REPORTS = '/reports/2021-06-30';
const LISTINGS = '/listings/2021-08-01/items/{id}';
const NOTIFICATIONS = '/notifications/v1';

const SPECS: readonly OperationSpec[] = [
  // Orders 2026-01-01
  op('searchOrders', 'GET', '/orders/2026-01-01/orders', plan(0.0056, 20)),
  op('getOrder', 'GET', '/orders/2026-01-01/orders/{id}', plan(0.5, 30)),
  // Orders v0 (reads deprecated; confirmShipment and updateShipmentStatus are not)
  op('ordersV0.getOrders', 'GET', V0, plan(0.0167, 20)),
  op('ordersV0.getOrder', 'GET', `${V0}/{id}`, plan(0.5, 30)),
  op('getOrderBuyerInfo', 'GET', `${V0}/{id}/buyerInfo`, plan(0.5, 30)),
  op('getOrderAddress', 'GET', `${V0}/{id}/address`, plan(0.5, 30)),
  op('getOrderItems', 'GET', `${V0}/{id}/orderItems`, plan(0.5, 30)),
  op('getOrderItemsBuyerInfo', 'GET', `${V0}/{id}/orderItems/buyerInfo`, plan(0.5, 30)),
  op('getOrderRegulatedInfo', 'GET', `${V0}/{id}/regulatedInfo`, plan(0.5, 30)),
  op('updateVerificationStatus', 'PATCH', `${V0}/{id}/regulatedInfo`, plan(0.5, 30)),
  op('updateShipmentStatus', 'POST', `${V0}/{id}/shipment`, plan(5, 15)),
  op('confirmShipment', 'POST', `${V0}/{id}/shipmentConfirmation`, plan(2, 10)),
  // Feeds 2021-06-30
  op('getFeeds', 'GET', `${FEEDS}/feeds`, plan(0.0222, 10)),
  op('createFeed', 'POST', `${FEEDS}/feeds`, plan(0.0083, 15)),
  op('getFeed', 'GET', `${FEEDS}/feeds/{id}`, plan(2, 15)),
  op('cancelFeed', 'DELETE', `${FEEDS}/feeds/{id}`, plan(2, 15)),
  op('createFeedDocument', 'POST', `${FEEDS}/documents`, plan(0.5, 15)),
  op('getFeedDocument', 'GET', `${FEEDS}/documents/{id}`, plan(0.0222, 10)),
  // Reports 2021-06-30
  op('getReports', 'GET', `${REPORTS}/reports`, plan(0.0222, 10)),
  op('createReport', 'POST', `${REPORTS}/reports`, plan(0.0167, 15)),
  op('getReport', 'GET', `${REPORTS}/reports/{id}`, plan(2, 15)),
  op('cancelReport', 'DELETE', `${REPORTS}/reports/{id}`, plan(0.0222, 10)),
  op('getReportSchedules', 'GET', `${REPORTS}/schedules`, plan(0.0222, 10)),
  op('createReportSchedule', 'POST', `${REPORTS}/schedules`, plan(0.0222, 10)),
  op('getReportSchedule', 'GET', `${REPORTS}/schedules/{id}`, plan(0.0222, 10)),
  op('cancelReportSchedule', 'DELETE', `${REPORTS}/schedules/{id}`, plan(0.0222, 10)),
  op('getReportDocument', 'GET', `${REPORTS}/documents/{id}`, plan(0.0167, 15)),
  // Listings Items 2021-08-01
  op('searchListingsItems', 'GET', LISTINGS, plan(5, 5)),
  op('getListingsItem', 'GET', `${LISTINGS}/{id}`, plan(5, 10)),
  op('putListingsItem', 'PUT', `${LISTINGS}/{id}`, plan(5, 10)),
  op('patchListingsItem', 'PATCH', `${LISTINGS}/{id}`, plan(5, 5)),
  op('deleteListingsItem', 'DELETE', `${LISTINGS}/{id}`, plan(5, 5)),
  // Notifications v1 (all operations 1/5), Tokens 2021-03-01, FBA Inventory v1
  op('getSubscription', 'GET', `${NOTIFICATIONS}/subscriptions/{id}`, plan(1, 5)),
  op('createSubscription', 'POST', `${NOTIFICATIONS}/subscriptions/{id}`, plan(1, 5)),
  op('getSubscriptionById', 'GET', `${NOTIFICATIONS}/subscriptions/{id}/{id}`, plan(1, 5)),
  op('deleteSubscriptionById', 'DELETE', `${NOTIFICATIONS}/subscriptions/{id}/{id}`, plan(1, 5)),
  op('getDestinations', 'GET', `${NOTIFICATIONS}/destinations`, plan(1, 5)),
  op('createDestination', 'POST', `${NOTIFICATIONS}/destinations`, plan(1, 5)),
  op('getDestination', 'GET', `${NOTIFICATIONS}/destinations/{id}`, plan(1, 5)),
  op('deleteDestination', 'DELETE', `${NOTIFICATIONS}/destinations/{id}`, plan(1, 5)),
  op('createRestrictedDataToken', 'POST', '/tokens/2021-03-01/restrictedDataToken', plan(1, 10)),
  op('getInventorySummaries', 'GET', '/fba/inventory/v1/summaries', plan(2, 2)),
];

/** Default plan per operation name (the names `operationOf` returns). */
export const DEFAULT_USAGE_PLANS: Readonly<Record<string, UsagePlan>> = Object.fromEntries(
  SPECS.map((s) => [s.operation, s.plan]),
);

/** Unknown operations get a conservative plan rather than none. */
export const FALLBACK_USAGE_PLAN: UsagePlan = plan(1, 1);

/** Which operation a request is, from its method and path: the bucket it waits on. */
export function operationOf(method: string, path: string): string {
  const m = method.toUpperCase();
  const spec = SPECS.find((s) => s.method === m && s.path.test(path));
  return spec?.operation ?? `${m} ${path}`;
}
