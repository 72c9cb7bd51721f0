/**
 * Shapes of the REST API bodies the UI reads. Where the API's schema says all there is to say, the
 * type is the generated one (./openapi.d.ts, `npm run gen:api-types`), so the UI cannot drift from
 * the API; hand-written types remain only where the UI knows more (the Orders Configuration).
 */
import type { components } from './openapi';

type Schemas = components['schemas'];

export type Role = 'admin' | 'member';

export type SessionUser = Schemas['SignedIn']['user'];

export type SessionAccount = Schemas['SignedIn']['account'];

export type Session = Schemas['SignedIn'];

export type Plan = Schemas['Plan'];

export type Account = Schemas['AccountView'];

export type AdminAccount = Schemas['AccountSummary'];

export type User = Schemas['User'];

export type ApiToken = Schemas['ApiToken'];

export type AuditEntry = Schemas['AuditEntry'];

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

/** The API types `config` loosely (a record); the UI reads it as the Orders Configuration. */
export type Connection = Omit<Schemas['Connection'], 'config'> & {
  config: Partial<OrdersConfig> & Record<string, unknown>;
};

export type Store = Schemas['Store'];

export interface Marketplace {
  id: string;
  countryCode: string;
  name: string;
  currency: string;
  taxIncludedDefault: boolean;
  /** The country in English and its local language(s): the wizard's search finds it by these. */
  countryNames: string[];
}

export interface MarketplaceRegion {
  region: string;
  name: string;
  marketplaces: Marketplace[];
}

export type SyncRun = Schemas['SyncRun'];

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

export type SkuLink = Schemas['SkuLink'];
export type StoreProduct = Schemas['StoreProduct'];
