import {
  OrdersApi,
  type SearchOrdersFulfilledByEnum,
  type SearchOrdersFulfillmentStatusesEnum,
  type SearchOrdersIncludedDataEnum,
} from '@sp-api-sdk/orders-api-2026-01-01';
import { OrdersApi as OrdersV0Api, type ConfirmShipmentRequest } from '@sp-api-sdk/orders-api-v0';
import { z } from 'zod';
import { toAppError, type AppError } from '../lib/errors.js';
import { err, ok, type Result } from '../lib/result.js';
import { malformedResponse } from './sp-api-response.js';
import type { SpApiStats, SpApiTransport } from './sp-api-transport.js';

/** searchOrders parameters (Orders API v2026-01-01): exactly one of lastUpdatedAfter / createdAfter. */
export interface SearchOrdersQuery {
  lastUpdatedAfter?: string;
  lastUpdatedBefore?: string;
  createdAfter?: string;
  createdBefore?: string;
  marketplaceIds?: readonly string[];
  fulfilledBy?: ReadonlyArray<'MERCHANT' | 'AMAZON'>;
  fulfillmentStatuses?: readonly string[];
  /** 1–100 (Amazon's default 100). */
  maxResultsPerPage?: number;
  paginationToken?: string | null;
  includedData?: readonly string[];
}

export interface SearchOrdersResult {
  /** Raw v2026 orders: run each through `adaptOrder`. */
  orders: unknown[];
  nextToken: string | null;
  lastUpdatedBefore: string | null;
  createdBefore: string | null;
}

const searchOrdersBody = z.object({
  orders: z.array(z.unknown()),
  pagination: z.object({ nextToken: z.string().optional() }).nullish(),
  lastUpdatedBefore: z.string().nullish(),
  createdBefore: z.string().nullish(),
});
const getOrderBody = z.object({ order: z.record(z.string(), z.unknown()) });

/**
 * Orders API v2026-01-01 (searchOrders, getOrder) and v0 confirmShipment over our transport, with
 * the request shapes of @sp-api-sdk's generated `OrdersApi` classes. Every method returns a Result;
 * a body of the wrong shape is `amazon_malformed_response` after one more try.
 */
export class AmazonOrdersClient {
  private readonly orders: OrdersApi;
  private readonly ordersV0: OrdersV0Api;

  constructor(private readonly transport: SpApiTransport) {
    this.orders = new OrdersApi(undefined, transport.baseUrl, transport.axios);
    this.ordersV0 = new OrdersV0Api(undefined, transport.baseUrl, transport.axios);
  }

  async searchOrders(q: SearchOrdersQuery): Promise<Result<SearchOrdersResult>> {
    return call('searchOrders', searchOrdersBody, async () => {
      const response = await this.orders.searchOrders({
        ...(q.lastUpdatedAfter !== undefined && { lastUpdatedAfter: q.lastUpdatedAfter }),
        ...(q.lastUpdatedBefore !== undefined && { lastUpdatedBefore: q.lastUpdatedBefore }),
        ...(q.createdAfter !== undefined && { createdAfter: q.createdAfter }),
        ...(q.createdBefore !== undefined && { createdBefore: q.createdBefore }),
        ...(q.marketplaceIds && { marketplaceIds: [...q.marketplaceIds] }),
        ...(q.fulfilledBy && { fulfilledBy: [...q.fulfilledBy] as SearchOrdersFulfilledByEnum[] }),
        ...(q.fulfillmentStatuses && {
          fulfillmentStatuses: [...q.fulfillmentStatuses] as SearchOrdersFulfillmentStatusesEnum[],
        }),
        ...(q.maxResultsPerPage !== undefined && { maxResultsPerPage: q.maxResultsPerPage }),
        ...(q.paginationToken ? { paginationToken: q.paginationToken } : {}),
        ...(q.includedData && { includedData: [...q.includedData] as SearchOrdersIncludedDataEnum[] }),
      });
      return response.data;
    }).then((r) =>
      r.ok
        ? ok({
            orders: r.value.orders,
            nextToken: r.value.pagination?.nextToken || null,
            lastUpdatedBefore: r.value.lastUpdatedBefore ?? null,
            createdBefore: r.value.createdBefore ?? null,
          })
        : r,
    );
  }

  /** One raw v2026 order (items always included; blocks per `includedData`). */
  async getOrder(orderId: string, includedData: readonly string[] = []): Promise<Result<unknown>> {
    const r = await call('getOrder', getOrderBody, async () => {
      const response = await this.orders.getOrder({
        orderId,
        ...(includedData.length > 0 && { includedData: [...includedData] as SearchOrdersIncludedDataEnum[] }),
      });
      return response.data;
    });
    return r.ok ? ok(r.value.order) : r;
  }

  /** Orders v0 confirmShipment (204, no body): one package of an MFN order. */
  async confirmShipment(orderId: string, body: ConfirmShipmentRequest): Promise<Result<void>> {
    try {
      await this.ordersV0.confirmShipment({ orderId, payload: body });
      return ok(undefined);
    } catch (error) {
      return err(toAppError(error));
    }
  }

  stats(): SpApiStats {
    return this.transport.stats();
  }
}

/** Runs a call and checks its body's shape; a wrong shape is asked for once more. */
async function call<S extends z.ZodType>(
  operation: string,
  schema: S,
  send: () => Promise<unknown>,
): Promise<Result<z.infer<S>>> {
  let lastError: AppError | null = null;
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const parsed = schema.safeParse(await send());
      if (parsed.success) return ok(parsed.data);
      const where = parsed.error.issues[0]?.path.join('.') || '(body)';
      lastError = malformedResponse({ operation, requestId: null }, `a body of the wrong shape (at ${where})`);
    } catch (error) {
      return err(toAppError(error));
    }
  }
  return err(lastError as AppError);
}
