import { describe, expect, it } from 'vitest';
import { amazonItem, amazonOrder, amt, itemMoney } from './amazon-order.test-factory.js';
import { computeOrderMoney } from './order-money.js';
import { byKind, EU, expectInvariant, only, US } from './order-money.test-support.js';

describe('discounts', () => {
  it('promotion with tax (EU) → negative promotion line, net/tax/gross all negative, same rate as the item', () => {
    const order = amazonOrder({
      currency: 'EUR',
      amazonTotal: '95.00',
      items: [
        amazonItem({
          promotionIds: ['PROMO-5'],
          money: itemMoney({ item: amt('100.00', '20.00'), promotionDiscount: amt('5.00', '1.00') }),
        }),
      ],
    });
    const m = computeOrderMoney(order, EU);
    expect(only(m, 'promotion')).toMatchObject({
      lineNet: '-4.00',
      lineTax: '-1.00',
      lineGross: '-5.00',
      taxRate: '25.0000',
    });
    expect(only(m, 'promotion').description).toContain('PROMO-5');
    expect(m.totals).toMatchObject({ net: '76.00', tax: '19.00', gross: '95.00', adjustment: '0.00' });
  });

  it('promotion without tax (US)', () => {
    const order = amazonOrder({
      amazonTotal: '95.00',
      items: [amazonItem({ money: itemMoney({ item: amt('100.00'), promotionDiscount: amt('5.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'promotion')).toMatchObject({
      lineNet: '-5.00',
      lineTax: '0.00',
      lineGross: '-5.00',
      taxRate: '0.0000',
    });
    expectInvariant(m);
  });

  it('promotion larger than the item price: the item’s net goes negative, the order total still equals Amazon’s', () => {
    const order = amazonOrder({
      amazonTotal: '5.00',
      items: [
        amazonItem({
          money: itemMoney({ item: amt('10.00'), shipping: amt('10.00'), promotionDiscount: amt('15.00') }),
        }),
      ],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'promotion').lineGross).toBe('-15.00');
    expect(m.totals).toMatchObject({ gross: '5.00', adjustment: '0.00' });
    expect(m.warnings).toEqual([]);
  });

  it('shipping discount equal to shipping (free shipping) → shipping line and an equal negative shipping_discount line', () => {
    const order = amazonOrder({
      amazonTotal: '20.00',
      items: [
        amazonItem({ money: itemMoney({ item: amt('20.00'), shipping: amt('4.99'), shippingDiscount: amt('4.99') }) }),
      ],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'shipping').lineGross).toBe('4.99');
    expect(only(m, 'shipping_discount').lineGross).toBe('-4.99');
    expectInvariant(m);
  });
});

describe('charges', () => {
  it('gift wrap 0 on a gift item → no gift wrap line', () => {
    const order = amazonOrder({
      amazonTotal: '20.00',
      items: [amazonItem({ isGift: true, giftMessage: 'Happy birthday', money: itemMoney({ item: amt('20.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(byKind(m, 'gift_wrap')).toHaveLength(0);
    expect(m.lines).toHaveLength(1);
  });

  it('COD fee and COD fee discount are never dropped (one cod_fee line, fee − discount)', () => {
    const order = amazonOrder({
      currency: 'JPY',
      paymentMethod: 'COD',
      amazonTotal: '1430',
      items: [
        amazonItem({
          money: itemMoney({ item: amt('1000', '100'), codFee: amt('330', '30'), codFeeDiscount: amt('30', '0') }),
        }),
      ],
    });
    const m = computeOrderMoney(order, US);
    const cod = only(m, 'cod_fee');
    expect(cod).toMatchObject({ lineNet: '300', lineTax: '30', lineGross: '330' });
    expect(cod.description).toContain('less discount 30');
    expect(m.totals.adjustment).toBe('0');
  });

  it('a COD fee fully discounted still shows as a (zero) cod_fee line', () => {
    const order = amazonOrder({
      amazonTotal: '10.00',
      items: [
        amazonItem({ money: itemMoney({ item: amt('10.00'), codFee: amt('2.00'), codFeeDiscount: amt('2.00') }) }),
      ],
    });
    expect(only(computeOrderMoney(order, US), 'cod_fee').lineGross).toBe('0.00');
  });

  it('COD fee alone (adapter netted the discount) and other charges get their own lines', () => {
    const order = amazonOrder({
      amazonTotal: '13.50',
      items: [amazonItem({ money: itemMoney({ item: amt('10.00'), codFee: amt('2.00'), other: amt('1.50') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'cod_fee').lineGross).toBe('2.00');
    expect(only(m, 'other').lineGross).toBe('1.50');
    expectInvariant(m);
  });
});
