import { describe, expect, it } from 'vitest';
import type { Order, OrderFlags, OrderLine } from '../domain/order.js';
import { describeChanges } from './order-changes.js';

const flags = (business: boolean): OrderFlags => ({
  prime: false,
  business,
  replacement: false,
  replacedOrderId: null,
  gift: false,
  buyerCancelRequested: false,
  programs: [],
  paymentMethod: null,
  serviceLevel: null,
  latestShipDate: null,
  latestDeliveryDate: null,
  iossNumbers: [],
});

const order = (patch: Partial<Order>): Order =>
  ({
    amazonStatus: 'UNSHIPPED',
    status: 'ready',
    totals: {
      net: '100.00',
      tax: '19.00',
      gross: '119.00',
      excludedTax: '0.00',
      adjustment: '0.00',
      amazonTotal: '119.00',
    },
    shippingAddress: null,
    buyer: null,
    flags: flags(true),
    ...patch,
  }) as Order;

const line = (shipped: number): OrderLine =>
  ({
    amazonOrderItemId: '1',
    kind: 'item',
    quantityOrdered: 2,
    quantityShipped: shipped,
    quantityCancelled: 0,
    lineGross: '119.00',
  }) as OrderLine;

describe('describeChanges', () => {
  it('names status, shipping and total changes', () => {
    const changes = describeChanges(order({}), [line(0)], order({ amazonStatus: 'SHIPPED', status: 'shipped' }), [
      line(2),
    ]);
    expect(changes).toEqual([
      'Amazon status UNSHIPPED → SHIPPED',
      'status ready → shipped',
      'lines changed (1 lines, 2 unit(s) shipped)',
    ]);
  });

  it('flags a business order whose VAT Amazon removed after import (reverse charge), never silently', () => {
    const after = order({
      totals: {
        net: '119.00',
        tax: '0.00',
        gross: '119.00',
        excludedTax: '0.00',
        adjustment: '0.00',
        amazonTotal: '119.00',
      },
    });
    const changes = describeChanges(order({}), [line(0)], after, [line(0)]);
    expect(changes).toContain('tax 19.00 → 0.00');
    expect(changes.join(' ')).toContain('reverse charge');
    const consumer = describeChanges(order({ flags: flags(false) }), [line(0)], { ...after, flags: flags(false) }, [
      line(0),
    ]);
    expect(consumer.join(' ')).not.toContain('reverse charge');
  });
});
