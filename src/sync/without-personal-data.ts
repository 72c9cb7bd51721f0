import { purgedAddress, purgedLineData, purgedRaw } from '../domain/personal-data.js';
import type { BuiltOrder } from './build-order.js';

/**
 * Amazon's new data for an order whose buyer personal data was purged (retention), without that
 * data: money, lines, statuses and flags are kept, the buyer, the address (but its country), gift
 * messages and the personal parts of Amazon's JSON are not. The content hash stays the one of
 * Amazon's whole order, so the next read of the same data is "unchanged" and nothing flaps.
 */
export function withoutPersonalData(built: BuiltOrder): BuiltOrder {
  return {
    ...built,
    order: {
      ...built.order,
      buyer: null,
      shippingAddress: purgedAddress(built.order.shippingAddress),
      raw: purgedRaw(built.order.raw),
    },
    lines: built.lines.map((line) => ({ ...line, data: purgedLineData(line.data) })),
  };
}
