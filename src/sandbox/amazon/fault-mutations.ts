import type { Order } from '@sp-api-sdk/orders-api-2026-01-01';
import type { FaultInjector } from './fault-injector.js';

/**
 * Order-level faults. They change a projected order (fresh top-level and item objects, see
 * order-projection) and copy any deeper object before changing it, so stored orders stay intact.
 */

/** Blocks whose absence makes a client fall back to getOrder, most useful first. */
const DROPPABLE: readonly (readonly [string, readonly string[], readonly string[]])[] = [
  ['PROCEEDS', ['proceeds'], ['proceeds']],
  ['RECIPIENT', ['recipient'], []],
  ['BUYER', ['buyer'], []],
  ['FULFILLMENT', ['fulfillment'], ['fulfillment']],
  ['TAX', ['tax'], ['tax']],
];

/** Leaves out one requested data set; returns its name, or null when nothing could be dropped. */
export function dropOneBlock(order: Order, included: ReadonlySet<string>, faults: FaultInjector): string | null {
  const record = order as unknown as Record<string, unknown>;
  const candidates = DROPPABLE.filter(
    ([block, orderKeys, itemKeys]) =>
      included.has(block) &&
      (orderKeys.some((k) => record[k] !== undefined) ||
        order.orderItems.some((i) => itemKeys.some((k) => (i as unknown as Record<string, unknown>)[k] !== undefined))),
  );
  const chosen = candidates[0] === undefined ? null : faults.pick(candidates.slice(0, 2));
  if (!chosen) return null;
  const [block, orderKeys, itemKeys] = chosen;
  for (const key of orderKeys) delete record[key];
  for (const item of order.orderItems)
    for (const key of itemKeys) delete (item as unknown as Record<string, unknown>)[key];
  return block;
}

type Mutation = (order: Order) => boolean;

const MUTATIONS: readonly Mutation[] = [
  (order) => {
    if (!order.fulfillment) return false;
    order.fulfillment = { ...order.fulfillment, fulfillmentStatus: 'ON_HOLD_NEW' as 'PENDING' };
    return true;
  },
  (order) => {
    const item = order.orderItems[0];
    const currency = item?.proceeds?.proceedsTotal?.currencyCode;
    if (!item?.proceeds || !currency) return false;
    // A zero SURCHARGE keeps every total right: only the unknown type is the fault.
    const surcharge = {
      type: 'SURCHARGE',
      subtotal: { amount: zero(item.proceeds.proceedsTotal?.amount), currencyCode: currency },
    };
    item.proceeds = { ...item.proceeds, breakdowns: [...(item.proceeds.breakdowns ?? []), surcharge] };
    if (order.proceeds)
      order.proceeds = { ...order.proceeds, breakdowns: [...(order.proceeds.breakdowns ?? []), surcharge] };
    return true;
  },
  (order) => {
    order.programs = [...(order.programs ?? []), 'AMAZON_FUTURE_PROGRAM'];
    return true;
  },
  (order) => {
    const address = order.recipient?.deliveryAddress;
    if (!address || !order.recipient) return false;
    order.recipient = { ...order.recipient, deliveryAddress: { ...address, addressType: 'PARCEL_LOCKER' } };
    return true;
  },
];

/** Puts one value Amazon might add to an enum later into the order (status, breakdown type, program…). */
export function injectUnknownEnum(order: Order, faults: FaultInjector): boolean {
  const start = faults.pick(MUTATIONS.map((_, i) => i));
  for (let i = 0; i < MUTATIONS.length; i++) {
    const mutate = MUTATIONS[(start + i) % MUTATIONS.length];
    if (mutate?.(order)) return true;
  }
  return false;
}

function zero(sample: string | undefined): string {
  const decimals = sample?.split('.')[1]?.length ?? 0;
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}
