import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import { AppError } from '../../lib/errors.js';
import { isoSeconds, parseIsoDateTime } from './iso-time.js';
import { MARKETPLACES, findMarketplace } from './marketplace-catalog.js';
import { buildOrder } from './order-generator.js';
import type { ItemSpec } from './order-item-generator.js';
import { FULFILLMENT_STATUSES } from './search-params.js';
import { Timeline, shapeStatus } from './order-status-shaper.js';
import type { SeededRandom } from './seeded-random.js';
import type { StoredOrder } from './stored-order.js';

export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A partial v2026 order: given fields win, missing ones are generated; `sellerId` picks the owner. */
export type CreateOrderInput = DeepPartial<Order> & { sellerId?: string };

const invalid = (message: string): AppError => new AppError('invalid_order', message, { kind: 'invalid' });

/**
 * Builds a complete order around the caller's fields. Quantities and unit prices given for items are
 * used to compute the money, so the totals stay consistent; the order is stamped with `nowMs`.
 */
export function buildCustomOrder(
  input: CreateOrderInput,
  ctx: {
    sellerId: string;
    sellerMarkets: readonly string[];
    nowMs: number;
    rng: SeededRandom;
    taken: (id: string) => boolean;
  },
): StoredOrder {
  const { sellerId: _owner, ...partial } = input;
  const marketplaceId = partial.salesChannel?.marketplaceId ?? ctx.sellerMarkets.find((id) => findMarketplace(id));
  const mp = findMarketplace(marketplaceId ?? MARKETPLACES[0]?.id ?? '');
  if (!mp) throw invalid(`The sandbox cannot create orders in marketplace ${String(marketplaceId)}.`);
  const status = partial.fulfillment?.fulfillmentStatus ?? 'UNSHIPPED';
  if (!FULFILLMENT_STATUSES.includes(status)) throw invalid(`Unknown fulfillmentStatus ${status}.`);
  if (partial.orderId !== undefined && ctx.taken(partial.orderId)) throw invalid(`Order ${partial.orderId} exists.`);
  const createdMs = partial.createdTime === undefined ? ctx.nowMs : parseIsoDateTime(partial.createdTime);
  if (createdMs === null) throw invalid('createdTime must be an ISO 8601 date-time.');
  const specs: ItemSpec[] = (partial.orderItems ?? []).map((item) => ({
    ...(item.product?.sellerSku === undefined ? {} : { sellerSku: item.product.sellerSku }),
    ...(item.product?.asin === undefined ? {} : { asin: item.product.asin }),
    ...(item.product?.title === undefined ? {} : { title: item.product.title }),
    ...(item.quantityOrdered === undefined ? {} : { quantity: item.quantityOrdered }),
    ...(item.product?.price?.unitPrice?.amount === undefined ? {} : { unitPrice: item.product.price.unitPrice.amount }),
  }));
  for (const spec of specs) {
    if (spec.quantity !== undefined && (!Number.isInteger(spec.quantity) || spec.quantity < 1)) {
      throw invalid('quantityOrdered must be a positive integer.');
    }
    if (spec.unitPrice !== undefined && !/^\d+(\.\d+)?$/.test(spec.unitPrice))
      throw invalid('unitPrice must be a decimal string.');
  }
  const afn = partial.fulfillment?.fulfilledBy === 'AMAZON';
  const bp = {
    mp,
    afn,
    createdMs,
    lines: Math.max(1, specs.length),
    minUnits: status === 'PARTIALLY_SHIPPED' ? 2 : 1,
    specs,
  };
  const { order } = buildOrder(ctx.rng, bp, ctx.taken);
  mergeInto(order as unknown as Record<string, unknown>, withoutComputed(partial));
  const stored: StoredOrder = { sellerId: ctx.sellerId, order, concealed: null };
  shapeStatus(stored, status, ctx.rng, mp, new Timeline(createdMs, Math.max(createdMs, ctx.nowMs)));
  order.lastUpdatedTime = isoSeconds(ctx.nowMs);
  return stored;
}

/** Fields the builder already honoured (status, quantities, prices) or stamps itself. */
function withoutComputed(partial: DeepPartial<Order>): Record<string, unknown> {
  const copy = structuredClone(partial) as Record<string, unknown> & DeepPartial<Order>;
  delete copy.lastUpdatedTime;
  if (copy.fulfillment) delete copy.fulfillment.fulfillmentStatus;
  for (const item of copy.orderItems ?? []) {
    delete item.quantityOrdered;
    if (item.product) delete item.product.price;
  }
  return copy;
}

/** Deep merge; arrays of objects merge element by element (order items), other arrays replace. */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (Array.isArray(value) && Array.isArray(current) && key === 'orderItems') {
      value.forEach((v, i) => {
        const t = current[i] as unknown;
        if (isObject(v) && isObject(t)) mergeInto(t, v);
      });
    } else if (isObject(value) && isObject(current)) mergeInto(current, value);
    else if (value !== undefined) target[key] = structuredClone(value);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
