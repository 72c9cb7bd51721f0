import type { OrdersConfig } from './orders-config.js';

/** One Amazon seller account + marketplace, with its Orders Configuration. */
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
  config: OrdersConfig;
  active: boolean;
  importCursor: string | null;
  /** The store its orders go to; null = orders are kept in OrderBridge only. */
  storeId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Secrets are stored sealed and only ever leave the process towards Amazon. */
export interface ConnectionSecrets {
  clientSecret: string;
  refreshToken: string;
}
