import { describe, expect, it } from 'vitest';
import { planMoney } from './shopify-order.money.js';
import { draft, item } from './shopify.test-support.js';

const plan = (d: Parameters<typeof planMoney>[0]) => {
  const r = planMoney(d);
  if (!r.ok) throw r.error;
  return r.value;
};

describe('planMoney', () => {
  it('splits a line whose total does not divide by its quantity into two prices that add up exactly', () => {
    const p = plan(
      draft({
        items: [item('v1', 7, { net: '84.03', tax: '15.97', gross: '100.00', rate: '19' })],
        totals: { net: '84.03', tax: '15.97', gross: '100.00' },
      }),
    );
    expect(p.lines.map((l) => [l.quantity, l.unitPrice, l.taxes[0]?.amount])).toEqual([
      [3, '14.28', '6.84'],
      [4, '14.29', '9.13'],
    ]);
    expect(p.total).toBe('100.00');
  });

  it('JPY has no minor unit; an item-less discount is spread over the items by amount', () => {
    const p = plan(
      draft({
        currency: 'JPY',
        pricesIncludeTax: true,
        items: [
          item('v1', 1, { net: '1000', tax: '100', gross: '1100', rate: '10' }, '1'),
          item('v2', 2, { net: '2000', tax: '200', gross: '2200', rate: '10' }, '2'),
        ],
        charges: [
          {
            kind: 'discount',
            title: 'Coupon',
            net: '-300',
            tax: '-30',
            gross: '-330',
            taxRate: '10',
            orderItemId: null,
          },
        ],
        totals: { net: '2700', tax: '270', gross: '2970' },
      }),
    );
    expect(p.lines.map((l) => [l.quantity, l.unitPrice])).toEqual([
      [1, '990'],
      [2, '990'],
    ]);
    expect(p.total).toBe('2970');
  });

  it('keeps a shipping tax line per rate and refuses a discount larger than its item', () => {
    const p = plan(
      draft({
        items: [item('v1', 1, { net: '10.00', tax: '1.90', gross: '11.90', rate: '19' })],
        charges: [
          { kind: 'shipping', title: 'Shipping', net: '1.00', tax: '0.19', gross: '1.19', taxRate: '19' },
          { kind: 'shipping', title: 'Shipping', net: '1.00', tax: '0.07', gross: '1.07', taxRate: '7' },
        ],
        totals: { net: '12.00', tax: '2.16', gross: '14.16' },
      }),
    );
    expect(p.shipping).toEqual({
      price: '2.26',
      taxes: [
        { amount: '0.19', rate: '0.19', title: 'VAT 19%' },
        { amount: '0.07', rate: '0.07', title: 'VAT 7%' },
      ],
    });
    const negative = planMoney(
      draft({
        items: [item('v1', 1, { net: '5.00', tax: '0', gross: '5.00', rate: null }, '1')],
        charges: [
          {
            kind: 'discount',
            title: 'Promo',
            net: '-6.00',
            tax: '0',
            gross: '-6.00',
            taxRate: null,
            orderItemId: 'item-1',
          },
        ],
        totals: { net: '-1.00', tax: '0', gross: '-1.00' },
      }),
    );
    expect(negative.ok ? null : negative.error.code).toBe('shopify_order_unrepresentable');
  });
});
