import type { AmazonOrder } from '../domain/amazon-order.js';
import type { Result } from '../lib/result.js';

/** What the import needs from Amazon; `src/amazon/` provides it over SP-API. */
export interface SearchOrdersParams {
  lastUpdatedAfter: string;
  marketplaceIds: string[];
  includedData: readonly string[];
  maxResultsPerPage: number;
  paginationToken: string | null;
}

export interface SearchOrdersPage {
  orders: unknown[];
  nextToken: string | null;
  lastUpdatedBefore: string | null;
}

export interface AmazonOrdersPort {
  searchOrders(params: SearchOrdersParams): Promise<Result<SearchOrdersPage>>;
  getOrder(orderId: string, includedData: readonly string[]): Promise<Result<unknown>>;
  /** Maps one raw Amazon order to OrderBridge's version-neutral shape; a bad order fails alone. */
  adaptOrder(raw: unknown): Result<AmazonOrder>;
  /** Calls per operation and throttled responses since this port was created. */
  stats(): { calls: Record<string, number>; throttled: number };
}
