import { describe, expect, it } from 'vitest';
import { adaptItemMoney } from './item-money-adapter.js';
import { itemSchema, type RawItem } from './order-schema.js';

const m = (amount: string, currencyCode = 'EUR') => ({ amount, currencyCode });
const item = (breakdowns: unknown[]): RawItem =>
  itemSchema.parse({ orderItemId: '1', quantityOrdered: 2, product: {}, proceeds: { breakdowns } });
const money = (breakdowns: unknown[]) => {
  const warnings: string[] = [];
  return { money: adaptItemMoney(item(breakdowns), warnings), warnings };
};

describe('adaptItemMoney (proceeds breakdowns → line components)', () => {
  it('puts every type and TAX subtype on its component', () => {
    const { money: out, warnings } = money([
      { type: 'ITEM', subtotal: m('40.00') },
      { type: 'SHIPPING', subtotal: m('4.90') },
      { type: 'GIFT_WRAP', subtotal: m('2.50') },
      { type: 'COD_FEE', subtotal: m('3.00') },
      { type: 'OTHER', subtotal: m('1.00') },
      {
        type: 'TAX',
        subtotal: m('9.63'),
        detailedBreakdowns: [
          { subtype: 'ITEM', value: m('7.60') },
          { subtype: 'SHIPPING', value: m('0.93') },
          { subtype: 'GIFT_WRAP', value: m('0.48') },
          { subtype: 'COD_FEE', value: m('0.43') },
          { subtype: 'OTHER', value: m('0.19') },
        ],
      },
    ]);
    expect(out).toEqual({
      item: { amount: '40', tax: '7.6' },
      shipping: { amount: '4.9', tax: '0.93' },
      giftWrap: { amount: '2.5', tax: '0.48' },
      codFee: { amount: '3', tax: '0.43' },
      other: { amount: '1', tax: '0.19' },
      promotionDiscount: { amount: '0', tax: '0' },
      shippingDiscount: { amount: '0', tax: '0' },
    });
    expect(warnings).toEqual([]);
  });

  it('attributes TAX and DISCOUNT without detailed breakdowns to the item', () => {
    const { money: out } = money([
      { type: 'ITEM', subtotal: m('20.00') },
      { type: 'TAX', subtotal: m('3.80') },
      { type: 'DISCOUNT', subtotal: m('-2.00') },
    ]);
    expect(out?.item).toEqual({ amount: '20', tax: '3.8' });
    expect(out?.promotionDiscount).toEqual({ amount: '2', tax: '0' });
  });

  it('shares tax on discounts by amount, the rounding remainder to the larger discount', () => {
    const { money: out } = money([
      { type: 'ITEM', subtotal: m('100.00') },
      {
        type: 'DISCOUNT',
        subtotal: m('-3.00'),
        detailedBreakdowns: [
          { subtype: 'ITEM', value: m('-1.00') },
          { subtype: 'SHIPPING', value: m('-2.00') },
        ],
      },
      {
        type: 'TAX',
        subtotal: m('18.99'),
        detailedBreakdowns: [
          { subtype: 'ITEM', value: m('19.00') },
          { subtype: 'DISCOUNT', value: m('-0.01') },
        ],
      },
    ]);
    // 0.01 × 1/3 rounds to 0.00 for the promotion; the shipping discount (larger) takes the cent.
    expect(out?.promotionDiscount).toEqual({ amount: '1', tax: '0' });
    expect(out?.shippingDiscount).toEqual({ amount: '2', tax: '0.01' });
  });

  it('rounds the shares to the precision Amazon used (JPY has none)', () => {
    const { money: out } = money([
      { type: 'ITEM', subtotal: m('3000', 'JPY') },
      {
        type: 'DISCOUNT',
        subtotal: m('-300', 'JPY'),
        detailedBreakdowns: [
          { subtype: 'ITEM', value: m('-200', 'JPY') },
          { subtype: 'SHIPPING', value: m('-100', 'JPY') },
        ],
      },
      { type: 'TAX', subtotal: m('-25', 'JPY'), detailedBreakdowns: [{ subtype: 'DISCOUNT', value: m('-25', 'JPY') }] },
    ]);
    expect(out?.shippingDiscount.tax).toBe('8');
    expect(out?.promotionDiscount.tax).toBe('17');
  });

  it('keeps a COD fee discount apart, and counts unknown types into "other" with a warning', () => {
    const { money: out, warnings } = money([
      { type: 'ITEM', subtotal: m('10.00') },
      { type: 'COD_FEE', subtotal: m('3.00') },
      { type: 'DISCOUNT', subtotal: m('-1.00'), detailedBreakdowns: [{ subtype: 'COD_FEE', value: m('-1.00') }] },
      { type: 'DELIVERY_SURCHARGE', subtotal: m('0.50') },
      { type: 'TAX', subtotal: m('0.10'), detailedBreakdowns: [{ subtype: 'ECO_FEE', value: m('0.10') }] },
    ]);
    expect(out?.codFeeDiscount).toEqual({ amount: '1', tax: '0' });
    expect(out?.other).toEqual({ amount: '0.5', tax: '0.1' });
    expect(warnings).toEqual([
      'item 1: unknown proceeds type "DELIVERY_SURCHARGE" counted as other',
      'item 1: unknown TAX subtype "ECO_FEE" counted as tax on other',
    ]);
  });

  it('puts what detailed breakdowns leave unexplained on the item, with a warning', () => {
    const { money: out, warnings } = money([
      { type: 'ITEM', subtotal: m('10.00') },
      { type: 'TAX', subtotal: m('2.00'), detailedBreakdowns: [{ subtype: 'ITEM', value: m('1.50') }] },
    ]);
    expect(out?.item.tax).toBe('2');
    expect(warnings[0]).toContain('TAX details leave 0.5 of the subtotal unexplained');
  });

  it('is null without breakdowns (Pending orders)', () => {
    expect(adaptItemMoney(itemSchema.parse({ orderItemId: '1', quantityOrdered: 1, product: {} }), [])).toBeNull();
  });
});
