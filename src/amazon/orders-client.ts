import {
  OrdersApi,
  type SearchOrdersFulfillmentStatusesEnum,
  type SearchOrdersIncludedDataEnum,
} from '@sp-api-sdk/orders-api-2026-01-01';
import { OrdersApi as OrdersV0Api, type ConfirmShipmentRequest } from '@sp-api-sdk/orders-api-v0';
import { AppError, toAppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import type { SpApiTransport } from './sp-api-transport.js';

export interface SearchOrdersQuery {
  lastUpdatedAfter?: string;
  lastUpdatedBefore?: string;
  createdAfter?: string;
  createdBefore?: string;
  marketplaceIds?: string[];
  fulfilledBy?: Array<'MERCHANT' | 'AMAZON'>;
  fulfillmentStatuses?: string[];
  maxResultsPerPage?: number;
  paginationToken?: string | null;
  includedData?: readonly string[];
}

export interface SearchOrdersResult {
  orders: unknown[];
  nextToken: string | null;
  lastUpdatedBefore: string | null;
  createdBefore: string | null;
}

/** Orders API v2026-01-01 (reads) and v0 confirmShipment over our transport, typed by @sp-api-sdk. */
export class AmazonOrdersClient {
  private readonly orders: OrdersApi;
  private readonly ordersV0: OrdersV0Api;

  constructor(private readonly transport: SpApiTransport) {
    this.orders = new OrdersApi(undefined, transport.baseUrl, transport.axios);
    this.ordersV0 = new OrdersV0Api(undefined, transport.baseUrl, transport.axios);
  }

  async searchOrders(q: SearchOrdersQuery): Promise<Result<SearchOrdersResult>> {
    return call(async () => {
      const response = await this.orders.searchOrders({
        ...(q.lastUpdatedAfter !== undefined && { lastUpdatedAfter: q.lastUpdatedAfter }),
        ...(q.lastUpdatedBefore !== undefined && { lastUpdatedBefore: q.lastUpdatedBefore }),
        ...(q.createdAfter !== undefined && { createdAfter: q.createdAfter }),
        ...(q.createdBefore !== undefined && { createdBefore: q.createdBefore }),
        ...(q.marketplaceIds && { marketplaceIds: q.marketplaceIds }),
        ...(q.fulfilledBy && { fulfilledBy: q.fulfilledBy }),
        ...(q.fulfillmentStatuses && {
          fulfillmentStatuses: q.fulfillmentStatuses as SearchOrdersFulfillmentStatusesEnum[],
        }),
        ...(q.maxResultsPerPage !== undefined && { maxResultsPerPage: q.maxResultsPerPage }),
        ...(q.paginationToken ? { paginationToken: q.paginationToken } : {}),
        ...(q.includedData && { includedData: [...q.includedData] as SearchOrdersIncludedDataEnum[] }),
      });
      const body: unknown = response.data;
      if (body === null || typeof body !== 'object' || !Array.isArray((body as { orders?: unknown }).orders)) {
        throw new AppError('amazon_malformed_response', 'searchOrders answered without an orders list', {
          kind: 'upstream',
          retryable: true,
        });
      }
      const b = body as {
        orders: unknown[];
        pagination?: { nextToken?: unknown };
        lastUpdatedBefore?: unknown;
        createdBefore?: unknown;
      };
      return {
        orders: b.orders,
        nextToken:
          typeof b.pagination?.nextToken === 'string' && b.pagination.nextToken !== '' ? b.pagination.nextToken : null,
        lastUpdatedBefore: typeof b.lastUpdatedBefore === 'string' ? b.lastUpdatedBefore : null,
        createdBefore: typeof b.createdBefore === 'string' ? b.createdBefore : null,
      };
    });
  }

  async getOrder(orderId: string, includedData: readonly string[]): Promise<Result<unknown>> {
    return call(async () => {
      const response = await this.orders.getOrder({
        orderId,
        includedData: [...includedData] as SearchOrdersIncludedDataEnum[],
      });
      const order = (response.data as { order?: unknown } | null)?.order;
      if (order === null || typeof order !== 'object') {
        throw new AppError('amazon_malformed_response', `getOrder ${orderId} answered without an order`, {
          kind: 'upstream',
          retryable: true,
        });
      }
      return order;
    });
  }

  async confirmShipment(orderId: string, body: ConfirmShipmentRequest): Promise<Result<void>> {
    return call(async () => {
      await this.ordersV0.confirmShipment({ orderId, payload: body });
    });
  }

  stats(): { calls: Record<string, number>; throttled: number } {
    return this.transport.stats();
  }
}

async function call<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (error) {
    return err(toAppError(error));
  }
}
