import { injectUnknownEnum } from './fault-mutations.js';
import { missingRole, projectOrder } from './order-projection.js';
import { arrayParam, stringParam } from './query-params.js';
import { parseIncludedData } from './search-params.js';
import { searchOrders } from './search-orders.js';
import type { AmazonSandbox } from './sandbox-state.js';
import type { SearchOrdersCall } from './sandbox-stats.js';
import { invalidInput, missingRoleError, notFound } from './sp-api-errors.js';
import type { SpCall, SpOperation, SpReply } from './sp-api-pipeline.js';

const SEARCH_ARRAYS = ['fulfillmentStatuses', 'marketplaceIds', 'fulfilledBy', 'includedData'];
const SEARCH_SCALARS = ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore', 'paginationToken'];

/** Query parameters under the model's names and types, for static-case matching. */
function modelParams(
  query: URLSearchParams,
  arrays: readonly string[],
  scalars: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of arrays) {
    const values = arrayParam(query, name);
    if (values !== null) out[name] = values;
  }
  for (const name of scalars) {
    const value = stringParam(query, name);
    if (value !== null) out[name] = value;
  }
  const size = stringParam(query, 'maxResultsPerPage');
  if (size !== null) out.maxResultsPerPage = /^\d+$/.test(size) ? Number(size) : size;
  return out;
}

/** GET /orders/2026-01-01/orders */
export function searchOrdersOperation(sandbox: AmazonSandbox, query: URLSearchParams): SpOperation {
  return {
    op: 'searchOrders',
    staticRequest: () => Promise.resolve(modelParams(query, SEARCH_ARRAYS, SEARCH_SCALARS)),
    handle: (call) => {
      const reply = searchOrders(sandbox, query, call);
      sandbox.record.searchOrdersCall(searchLogEntry(sandbox, query, call, reply));
      return Promise.resolve(reply);
    },
  };
}

/** The call log entry: who asked for which marketplaces, and whether the window's read is complete. */
function searchLogEntry(
  sandbox: AmazonSandbox,
  query: URLSearchParams,
  call: SpCall,
  reply: SpReply,
): SearchOrdersCall {
  const body = (reply.body ?? {}) as { orders?: unknown[]; pagination?: { nextToken?: string } };
  return {
    atMs: sandbox.clock.nowMs(),
    sellerId: call.sellerId,
    marketplaceIds: arrayParam(query, 'marketplaceIds') ?? [],
    firstPage: stringParam(query, 'paginationToken') === null,
    status: reply.status,
    lastPage: reply.status === 200 && !body.pagination?.nextToken,
    orders: body.orders?.length ?? 0,
  };
}

/** GET /orders/2026-01-01/orders/{orderId} */
export function getOrderOperation(sandbox: AmazonSandbox, orderId: string, query: URLSearchParams): SpOperation {
  return {
    op: 'getOrder',
    staticRequest: () => Promise.resolve({ orderId, ...modelParams(query, ['includedData'], []) }),
    handle: (call) => Promise.resolve(getOrder(sandbox, orderId, query, call)),
  };
}

function getOrder(sandbox: AmazonSandbox, orderId: string, query: URLSearchParams, call: SpCall): SpReply {
  const included = parseIncludedData(query);
  if (!included.ok) return { status: 400, body: invalidInput(included.message) };
  const roles = sandbox.credentials.seller(call.sellerId)?.roles ?? new Set<string>();
  const lacking = missingRole(included.value, roles);
  if (lacking) return { status: 403, body: missingRoleError(lacking) };
  const stored = sandbox.orders.get(orderId);
  if (!stored || stored.sellerId !== call.sellerId) {
    return { status: 404, body: notFound(`The order ${orderId} was not found.`) };
  }
  const order = projectOrder(stored.order, included.value, roles);
  if (sandbox.faults.chance(call.faults.unknownEnumRate) && injectUnknownEnum(order, sandbox.faults)) {
    sandbox.record.fault('unknownEnum');
  }
  return { status: 200, body: { order } };
}
