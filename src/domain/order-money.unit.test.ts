import { describe, expect, it } from 'vitest';
import { amazonItem, amazonOrder, amt, itemMoney } from './amazon-order.test-factory.js';
import { computeOrderMoney, type MoneyLine } from './order-money.js';
import { byKind, EU, expectInvariant, only, US } from './order-money.test-support.js';

describe('item price is the line total (Odoo test_sync_orders_full; the ERPNext bug)', () => {
  it('qty 2, ItemPrice 100.00 (US, net) → unit 50.00 and line 100.00, not 200.00', () => {
    const order = amazonOrder({
      amazonTotal: '100.00',
      items: [amazonItem({ quantityOrdered: 2, money: itemMoney({ item: amt('100.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    const item = only(m, 'item');
    expect(item).toMatchObject({
      quantity: 2,
      unitNet: '50.00',
      unitGross: '50.00',
      lineNet: '100.00',
      lineGross: '100.00',
    });
    expect(m.totals).toMatchObject({ gross: '100.00', adjustment: '0.00' });
    expect(m.warnings).toEqual([]);
  });

  it('qty 3, ItemPrice 10.00 → line stays 10.00, unit 3.3333, total equals Amazon to the cent', () => {
    const order = amazonOrder({
      amazonTotal: '10.00',
      items: [amazonItem({ quantityOrdered: 3, money: itemMoney({ item: amt('10.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'item')).toMatchObject({ unitGross: '3.3333', lineGross: '10.00' });
    expect(byKind(m, 'adjustment')).toHaveLength(0);
    expectInvariant(m);
  });

  it('JPY (0 decimals): 1000 for 3 units → line 1000, unit 333.3333', () => {
    const order = amazonOrder({
      marketplaceId: 'A1VC38T7YXB528',
      currency: 'JPY',
      amazonTotal: '1100',
      items: [amazonItem({ quantityOrdered: 3, money: itemMoney({ item: amt('1000', '100') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'item')).toMatchObject({ unitNet: '333.3333', lineNet: '1000', lineTax: '100', lineGross: '1100' });
    expect(m.totals).toMatchObject({ net: '1000', tax: '100', gross: '1100', adjustment: '0' });
  });

  it('BHD (3 decimals) keeps fils', () => {
    const order = amazonOrder({
      currency: 'BHD',
      amazonTotal: '10.500',
      items: [amazonItem({ money: itemMoney({ item: amt('10.000', '0.500') }) })],
    });
    expect(computeOrderMoney(order, US).totals).toMatchObject({ gross: '10.500', tax: '0.500', adjustment: '0.000' });
  });

  it('quantity 0 keeps its amounts with unit 0 and a warning', () => {
    const order = amazonOrder({
      amazonTotal: '5.00',
      items: [amazonItem({ quantityOrdered: 0, money: itemMoney({ item: amt('5.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'item')).toMatchObject({ quantity: 0, unitGross: '0.00', lineGross: '5.00' });
    expect(m.warnings.join()).toContain('quantity 0');
    expectInvariant(m);
  });
});

describe('tax-included (EU) vs net (US)', () => {
  it("EU: ItemPrice 100 / tax 20, qty 2 → net unit 40; shipping 12.50/2.50 → 10; gift wrap 3.33/1.33 → 2 (Odoo's numbers)", () => {
    const order = amazonOrder({
      marketplaceId: 'A1PA6795UKMFR9',
      currency: 'EUR',
      amazonTotal: '115.83',
      items: [
        amazonItem({
          quantityOrdered: 2,
          isGift: true,
          money: itemMoney({
            item: amt('100.00', '20.00'),
            shipping: amt('12.50', '2.50'),
            giftWrap: amt('3.33', '1.33'),
          }),
        }),
      ],
    });
    const m = computeOrderMoney(order, EU);
    expect(only(m, 'item')).toMatchObject({
      unitNet: '40.00',
      unitGross: '50.00',
      lineNet: '80.00',
      lineTax: '20.00',
      taxRate: '25.0000',
    });
    expect(only(m, 'shipping')).toMatchObject({
      lineNet: '10.00',
      lineTax: '2.50',
      lineGross: '12.50',
      taxRate: '25.0000',
    });
    expect(only(m, 'gift_wrap')).toMatchObject({
      lineNet: '2.00',
      lineTax: '1.33',
      lineGross: '3.33',
      taxRate: '66.5000',
    });
    expect(m.totals).toMatchObject({
      net: '92.00',
      tax: '23.83',
      gross: '115.83',
      excludedTax: '0.00',
      adjustment: '0.00',
    });
  });

  it('US: ItemTax reported separately is added on top (sandbox TEST_CASE_200: 10.00 + 1.01 = 11.01)', () => {
    const order = amazonOrder({
      amazonTotal: '11.01',
      items: [amazonItem({ money: itemMoney({ item: amt('10.00', '1.01') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(only(m, 'item')).toMatchObject({
      lineNet: '10.00',
      lineTax: '1.01',
      lineGross: '11.01',
      taxRate: '10.1000',
    });
    expectInvariant(m);
  });

  it('derived rate: 19.00 tax on 100.00 → 19.0000 %', () => {
    const order = amazonOrder({
      amazonTotal: '119.00',
      items: [amazonItem({ money: itemMoney({ item: amt('100.00', '19.00') }) })],
    });
    expect(only(computeOrderMoney(order, US), 'item').taxRate).toBe('19.0000');
  });

  it('ignore Amazon tax, tax-included: gross stays the price, no tax, total still Amazon’s', () => {
    const order = amazonOrder({
      currency: 'EUR',
      amazonTotal: '100.00',
      items: [amazonItem({ money: itemMoney({ item: amt('100.00', '20.00') }) })],
    });
    const m = computeOrderMoney(order, { ...EU, ignoreAmazonTax: true });
    expect(only(m, 'item')).toMatchObject({
      lineNet: '100.00',
      lineTax: '0.00',
      lineGross: '100.00',
      excludedTax: '0.00',
      taxRate: '0.0000',
    });
    expectInvariant(m);
  });

  it('ignore Amazon tax, net prices: gross = net, Amazon’s tax is reported as excluded', () => {
    const order = amazonOrder({
      amazonTotal: '108.25',
      items: [amazonItem({ money: itemMoney({ item: amt('100.00', '8.25') }) })],
    });
    const m = computeOrderMoney(order, { ...US, ignoreAmazonTax: true });
    expect(m.totals).toMatchObject({
      net: '100.00',
      tax: '0.00',
      gross: '100.00',
      excludedTax: '8.25',
      adjustment: '0.00',
    });
    expectInvariant(m);
  });
});

describe('README worked example (keep the README in sync with this test)', () => {
  const order = amazonOrder({
    marketplaceId: 'A1PA6795UKMFR9',
    currency: 'EUR',
    amazonTotal: '59.96',
    serviceLevel: 'Std DE Dom',
    items: [
      amazonItem({
        quantityOrdered: 3,
        title: 'Mug',
        promotionIds: ['SPRING5'],
        money: itemMoney({
          item: amt('59.97', '9.57'),
          shipping: amt('4.99', '0.80'),
          promotionDiscount: amt('5.00', '0.80'),
        }),
      }),
    ],
  });
  const row = (l: MoneyLine) => [l.kind, l.unitNet, l.unitGross, l.lineNet, l.lineTax, l.lineGross, l.taxRate];

  it('tax-included (correct for amazon.de)', () => {
    const m = computeOrderMoney(order, EU);
    expect(m.lines.map(row)).toEqual([
      ['item', '16.80', '19.99', '50.40', '9.57', '59.97', '18.9881'],
      ['promotion', '-4.20', '-5.00', '-4.20', '-0.80', '-5.00', '19.0476'],
      ['shipping', '4.19', '4.99', '4.19', '0.80', '4.99', '19.0931'],
    ]);
    expect(m.totals).toEqual({
      net: '50.39',
      tax: '9.57',
      gross: '59.96',
      excludedTax: '0.00',
      adjustment: '0.00',
      amazonTotal: '59.96',
    });
  });

  it('the same order with "tax included" wrongly set to no', () => {
    const m = computeOrderMoney(order, US);
    expect(m.lines.map((l) => [l.kind, l.lineGross])).toEqual([
      ['item', '69.54'],
      ['promotion', '-5.80'],
      ['shipping', '5.79'],
      ['adjustment', '-9.57'],
    ]);
    expect(m.totals.gross).toBe('59.96');
    expect(m.warnings[0]).toContain('should probably be "yes"');
  });
});
