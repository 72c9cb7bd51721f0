/** Shapes of the REST API bodies the UI reads (see /openapi.json). */

export type Role = 'admin' | 'member';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface SessionAccount {
  id: string;
  name: string;
  planId: string;
}

export interface Session {
  user: SessionUser;
  account: SessionAccount;
  csrfToken: string;
}

export interface Plan {
  id: string;
  name: string;
  orderConnections: boolean;
  maxConnections: number | null;
  ordersPerMonth: number | null;
}

export interface Account {
  id: string;
  name: string;
  plan: Plan;
  usage: { connections: number; ordersThisMonth: number; ordersHeldByQuota: number };
}

export interface AdminAccount {
  id: string;
  name: string;
  planId: string;
  connections: number;
  users: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  occurredAt: string;
}

export interface SkuCropRules {
  removePrefixes: string[];
  removeSuffixes: string[];
  regex: { pattern: string; replacement: string; flags: string } | null;
  gradeAndResell: boolean;
}

export type ProductIdentificationAttribute = 'sku' | 'ean' | 'gtin' | 'mpn' | { custom: string };

/** The Orders Configuration (src/domain/orders-config.ts). */
export interface OrdersConfig {
  active: boolean;
  syncLevel: 'orders_and_stock' | 'stock_only';
  orderTypes: ('MFN' | 'AFN')[];
  fbaOrdersLowerStock: boolean;
  productIdentificationAttribute: ProductIdentificationAttribute;
  skuCrop: SkuCropRules;
  defaultShippingService: string;
  defaultOrderShippingMethod: string;
  carrierMapping: Record<string, string>;
  cancellationReason: string;
  ignoreAmazonTax: boolean;
  taxIncluded: boolean;
  unknownSkuPolicy: 'hold' | 'import_unlinked' | 'skip';
  reservePendingStock: boolean;
  facilitatorTax: 'keep' | 'drop';
  syncFromDate: string;
  pollIntervalMinutes: number;
  stockBuffer: number;
  maxQuantity: number | null;
  lookbackOverlapSeconds: number;
}

export interface Connection {
  id: string;
  accountId: string;
  name: string;
  marketplaceId: string;
  sellerId: string;
  region: 'NA' | 'EU' | 'FE';
  spApiBaseUrl: string;
  lwaUrl: string;
  clientId: string;
  clientSecretHint: string;
  refreshTokenHint: string;
  active: boolean;
  importCursor: string | null;
  storeId: string | null;
  config: Partial<OrdersConfig> & Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface Store {
  id: string;
  accountId: string;
  name: string;
  platform: string;
  baseUrl: string;
  settings: Record<string, unknown>;
  secretHints: Record<string, string>;
  eventCursor: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Marketplace {
  id: string;
  countryCode: string;
  name: string;
  currency: string;
  taxIncludedDefault: boolean;
}

export interface MarketplaceRegion {
  region: string;
  name: string;
  marketplaces: Marketplace[];
}

export interface SyncRun {
  id: string;
  connectionId: string;
  kind: string;
  trigger: string;
  status: 'running' | 'succeeded' | 'failed' | 'partial';
  startedAt: string;
  finishedAt: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  ordersSeen: number;
  ordersCreated: number;
  ordersUpdated: number;
  ordersUnchanged: number;
  ordersSkipped: number;
  ordersFailed: number;
  apiCalls: Record<string, number>;
  throttled: number;
  errorCode: string | null;
  errorMessage: string | null;
  progress: { pages: number; orders: number } | null;
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'dead';
  attempts: number;
  lastError: string | null;
  syncRun: SyncRun | null;
}

export interface ConnectionTestResult {
  ok: boolean;
  code: string;
  message: string;
  checkedAt: string;
}

export interface SkuLink {
  amazonSku: string;
  productRef: string;
  createdAt: string;
}
