import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './iso-time.js';
import { buildItemProceeds, buildOrderProceeds } from './item-money.js';

const m = (amount: string, currencyCode = 'EUR') => ({ amount, currencyCode });

describe('item money layout', () => {
  it('tax-inclusive (DE 19 %): gross amounts, VAT inside, TAX not added to the total', () => {
    const p = buildItemProceeds({
      currency: 'EUR',
      taxInclusive: true,
      taxRate: '0.19',
      unitPrice: '11.90',
      quantity: 2,
      shipping: '4.99',
      shippingDiscount: '4.99',
    });
    expect(p).toEqual({
      proceedsTotal: m('23.80'),
      breakdowns: [
        { type: 'ITEM', subtotal: m('23.80') },
        { type: 'SHIPPING', subtotal: m('4.99') },
        {
          type: 'TAX',
          subtotal: m('3.80'),
          detailedBreakdowns: [
            { subtype: 'ITEM', value: m('3.80') },
            { subtype: 'SHIPPING', value: m('0.80') },
            { subtype: 'DISCOUNT', value: m('-0.80') },
          ],
        },
        { type: 'DISCOUNT', subtotal: m('-4.99'), detailedBreakdowns: [{ subtype: 'SHIPPING', value: m('-4.99') }] },
      ],
    });
  });

  it('tax-exclusive (US 10.25 %): net amounts, tax on top and in the total, half-up rounding', () => {
    const p = buildItemProceeds({
      currency: 'USD',
      taxInclusive: false,
      taxRate: '0.1025',
      unitPrice: '10.00',
      quantity: 2,
      shipping: '5.00',
      promotionDiscount: '2.00',
    });
    const tax = p.breakdowns?.find((b) => b.type === 'TAX');
    expect(tax?.detailedBreakdowns?.map((d) => d.value?.amount)).toEqual(['2.05', '0.51', '-0.21']);
    expect(tax?.subtotal.amount).toBe('2.35');
    expect(p.proceedsTotal?.amount).toBe('25.35');
  });

  it('JPY has no decimals; COD fee is taxed like the rest', () => {
    const p = buildItemProceeds({
      currency: 'JPY',
      taxInclusive: false,
      taxRate: '0.10',
      unitPrice: '1980',
      quantity: 3,
      codFee: '330',
    });
    expect(p.breakdowns?.map((b) => [b.type, b.subtotal.amount])).toEqual([
      ['ITEM', '5940'],
      ['COD_FEE', '330'],
      ['TAX', '627'],
    ]);
    expect(p.proceedsTotal?.amount).toBe('6897');
  });

  it('sums items into order proceeds per type', () => {
    const a = buildItemProceeds({
      currency: 'GBP',
      taxInclusive: true,
      taxRate: '0.20',
      unitPrice: '12.00',
      quantity: 1,
    });
    const b = buildItemProceeds({
      currency: 'GBP',
      taxInclusive: true,
      taxRate: '0.20',
      unitPrice: '6.00',
      quantity: 2,
      giftWrap: '2.40',
    });
    expect(buildOrderProceeds([a, b], 'GBP')).toEqual({
      grandTotal: m('26.40', 'GBP'),
      breakdowns: [
        { type: 'ITEM', subtotal: m('24.00', 'GBP') },
        { type: 'GIFT_WRAP', subtotal: m('2.40', 'GBP') },
        { type: 'TAX', subtotal: m('4.40', 'GBP') },
      ],
    });
  });
});

describe('ISO 8601 date-times', () => {
  it.each([
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:00:00+01:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.123Z', Date.UTC(2026, 0, 1) + 123],
    ['2026-01-01T00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01t00:00:00z', Date.UTC(2026, 0, 1)],
  ])('accepts %s', (text, ms) => expect(parseIsoDateTime(text)).toBe(ms));
  it.each([
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '02/21/2022',
    'TEST_CASE_400',
    '',
  ])('rejects %s', (text) => expect(parseIsoDateTime(text)).toBeNull());
});
