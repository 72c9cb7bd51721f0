/** Credentials and limits the sandbox starts with. Public: tests, the demo and the CLI use them. */
export const SANDBOX_CLIENT_ID = 'amzn1.application-oa2-client.orderbridgesandbox';
export const SANDBOX_CLIENT_SECRET = 'amzn1.oa2-cs.v1.sandbox-secret';
export const SANDBOX_SELLER_ID = 'A2SANDBOXSELLER1';
export const SANDBOX_REFRESH_TOKEN = 'Atzr|sandbox-refresh-token-1';

/** The SP-API operations the sandbox serves (Amazon's operationIds). */
export type OperationId =
  'searchOrders' | 'getOrder' | 'confirmShipment' | FeedsOperationId | 'patchListingsItem' | 'getListingsItem';
export type FeedsOperationId =
  'createFeedDocument' | 'createFeed' | 'getFeed' | 'getFeeds' | 'cancelFeed' | 'getFeedDocument';
export const OPERATION_IDS: readonly OperationId[] = [
  'searchOrders',
  'getOrder',
  'confirmShipment',
  'createFeedDocument',
  'createFeed',
  'getFeed',
  'getFeeds',
  'cancelFeed',
  'getFeedDocument',
  'patchListingsItem',
  'getListingsItem',
];

export interface UsagePlan {
  /** Requests per second, as Amazon writes it (decimal string, so the header never shows float noise). */
  rate: string;
  burst: number;
}

/** Amazon's default usage plans (README §4, from each operation's description in the models). */
export const DEFAULT_USAGE_PLANS: Readonly<Record<OperationId, UsagePlan>> = {
  searchOrders: { rate: '0.0056', burst: 20 },
  getOrder: { rate: '0.5', burst: 30 },
  confirmShipment: { rate: '2', burst: 10 },
  // Feeds 2021-06-30 and Listings Items 2021-08-01 (reference README §4).
  getFeeds: { rate: '0.0222', burst: 10 },
  createFeed: { rate: '0.0083', burst: 15 },
  getFeed: { rate: '2', burst: 15 },
  cancelFeed: { rate: '2', burst: 15 },
  createFeedDocument: { rate: '0.5', burst: 15 },
  getFeedDocument: { rate: '0.0222', burst: 10 },
  patchListingsItem: { rate: '5', burst: 5 },
  getListingsItem: { rate: '5', burst: 10 },
};

/** Amazon's static sandbox endpoints: 5 rps, burst 15 for everything (README §4). */
export const STATIC_SANDBOX_PLAN: UsagePlan = { rate: '5', burst: 15 };

/** LWA access tokens live one hour. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** Roles (Amazon's role names, upper snake case) that gate the PII data sets of Orders v2026. */
export const ROLE_INVENTORY_AND_ORDER_TRACKING = 'INVENTORY_AND_ORDER_TRACKING';
export const ROLE_DIRECT_TO_CONSUMER_DELIVERY = 'DIRECT_TO_CONSUMER_DELIVERY';
export const ROLE_TAX_INVOICING = 'TAX_INVOICING';
export const ROLE_TAX_REMITTANCE = 'TAX_REMITTANCE';
export const ALL_ROLES: readonly string[] = [
  ROLE_INVENTORY_AND_ORDER_TRACKING,
  ROLE_DIRECT_TO_CONSUMER_DELIVERY,
  ROLE_TAX_INVOICING,
  ROLE_TAX_REMITTANCE,
];

export const LWA_SCOPES: readonly string[] = [
  'sellingpartnerapi::notifications',
  'sellingpartnerapi::client_credential:rotation',
];

/** Header that switches one request to static-case replay (README of this folder). */
export const STATIC_MODE_HEADER = 'x-orderbridge-sandbox';
