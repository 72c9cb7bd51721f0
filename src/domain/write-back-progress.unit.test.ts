import { describe, expect, it } from 'vitest';
import type { OrderLine } from './order.js';
import { progressAfterCancellation, progressAfterShipment, unitsLeft } from './write-back-progress.js';

const line = (id: string, ordered: number, patch: Partial<OrderLine> = {}): OrderLine => ({
  amazonOrderItemId: id,
  kind: 'item',
  sellerSku: id,
  croppedSku: null,
  asin: null,
  title: id,
  productRef: null,
  quantityOrdered: ordered,
  quantityShipped: 0,
  quantityCancelled: 0,
  unitNet: '1.00',
  unitGross: '1.19',
  lineNet: '1.00',
  lineTax: '0.19',
  lineGross: '1.19',
  taxRate: '19',
  position: 0,
  data: {},
  ...patch,
});
const lines = [line('A', 2), line('B', 1), { ...line('S', 1), kind: 'shipping' }];

describe('unitsLeft', () => {
  it('counts open item units; Amazon’s shipped count and ours are not added twice', () => {
    expect(unitsLeft(lines, [])).toBe(3);
    expect(unitsLeft(lines, [{ items: [{ orderItemId: 'A', quantity: 1 }] }])).toBe(2);
    const amazonAlreadyKnows = [line('A', 2, { quantityShipped: 2 }), line('B', 1)];
    expect(unitsLeft(amazonAlreadyKnows, [{ items: [{ orderItemId: 'A', quantity: 2 }] }])).toBe(1);
    expect(unitsLeft([line('A', 2, { quantityCancelled: 1 })], [{ items: [{ orderItemId: 'A', quantity: 1 }] }])).toBe(
      0,
    );
  });
});

describe('progressAfterShipment', () => {
  it('every unit confirmed: Amazon SHIPPED and status shipped', () => {
    const all = [{ items: [{ orderItemId: 'A', quantity: 2 }] }, { items: [{ orderItemId: 'B', quantity: 1 }] }];
    expect(progressAfterShipment('in_store', lines, all)).toEqual({ amazonStatus: 'SHIPPED', status: 'shipped' });
  });

  it('some units left: PARTIALLY_SHIPPED, status unchanged', () => {
    const some = [{ items: [{ orderItemId: 'A', quantity: 1 }] }];
    expect(progressAfterShipment('in_store', lines, some)).toEqual({
      amazonStatus: 'PARTIALLY_SHIPPED',
      status: 'in_store',
    });
  });

  it('never moves a terminal status (the state machine refuses cancelled → shipped)', () => {
    const all = [
      {
        items: [
          { orderItemId: 'A', quantity: 2 },
          { orderItemId: 'B', quantity: 1 },
        ],
      },
    ];
    expect(progressAfterShipment('cancelled', lines, all)).toBeNull();
    expect(progressAfterShipment('nonsense', lines, all)).toBeNull();
  });
});

describe('progressAfterCancellation', () => {
  it('the whole order: Amazon CANCELLED and status cancelled; part of it: no change', () => {
    const whole = [
      { orderItemId: 'A', quantity: 2 },
      { orderItemId: 'B', quantity: 1 },
    ];
    expect(progressAfterCancellation('in_store', lines, whole)).toEqual({
      amazonStatus: 'CANCELLED',
      status: 'cancelled',
    });
    expect(progressAfterCancellation('in_store', lines, [{ orderItemId: 'B', quantity: 1 }])).toBeNull();
    expect(progressAfterCancellation('shipped', lines, whole)).toBeNull();
  });
});
