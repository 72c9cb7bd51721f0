/**
 * Row type of store_order_claims (migration 2026_12_06_0008): which order delivered an Amazon order
 * to a store. Primary key (store_key, amazon_order_id): one store order per Amazon order and shop,
 * whatever connection or account it comes from.
 */
export interface StoreOrderClaimsTable {
  /** `storeIdentity(platform, base URL)` (src/domain/store-identity.ts): store rows of one shop share it. */
  store_key: string;
  amazon_order_id: string;
  order_id: string;
  connection_id: string;
  store_id: string;
  claimed_at: string;
}
