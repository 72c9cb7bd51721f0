import { describe, expect, it } from 'vitest';
import { amazonItem, amazonOrder, amt, itemMoney } from './amazon-order.test-factory.js';
import { add, equals } from './money.js';
import { buildItemLines } from './order-money-items.js';
import { computeOrderMoney, type MoneyOptions } from './order-money.js';

const US_KEEP: MoneyOptions = { taxIncluded: false, ignoreAmazonTax: false, facilitatorTax: 'keep' };
const US_DROP: MoneyOptions = { ...US_KEEP, facilitatorTax: 'drop' };

/** A US marketplace-facilitator order: Amazon collects 1.65 sales tax on the item and 0.33 on shipping. */
const facilitatorOrder = amazonOrder({
  amazonTotal: '25.97',
  items: [
    amazonItem({
      taxCollectedByAmazon: true,
      money: itemMoney({ item: amt('20.00', '1.65'), shipping: amt('3.99', '0.33') }),
    }),
  ],
});

describe('marketplace-facilitator tax (TaxCollection.Model = MarketplaceFacilitator)', () => {
  it('policy keep ("record tax collected by Amazon"): the tax stays on the lines, totals match the buyer receipt', () => {
    const m = computeOrderMoney(facilitatorOrder, US_KEEP);
    expect(m.totals).toMatchObject({
      net: '23.99',
      tax: '1.98',
      gross: '25.97',
      excludedTax: '0.00',
      adjustment: '0.00',
    });
    expect(m.warnings).toEqual([]);
  });

  it('policy drop ("ignore tax"): item AND shipping tax of that item are 0, gross = net, dropped tax is excludedTax', () => {
    const m = computeOrderMoney(facilitatorOrder, US_DROP);
    for (const line of m.lines) expect(line).toMatchObject({ lineTax: '0.00', lineGross: line.lineNet });
    expect(m.lines.map((l) => l.excludedTax)).toEqual(['1.65', '0.33']);
    expect(m.totals).toMatchObject({
      net: '23.99',
      tax: '0.00',
      gross: '23.99',
      excludedTax: '1.98',
      adjustment: '0.00',
    });
    expect(equals(add(m.totals.gross, m.totals.excludedTax), '25.97')).toBe(true);
    expect(m.warnings.join()).toContain('tax collected and remitted by Amazon');
  });

  it('only the facilitator item is affected in a mixed order', () => {
    const order = amazonOrder({
      amazonTotal: '32.80',
      items: [
        amazonItem({ orderItemId: 'A', taxCollectedByAmazon: true, money: itemMoney({ item: amt('10.00', '0.80') }) }),
        amazonItem({ orderItemId: 'B', money: itemMoney({ item: amt('20.00', '2.00') }) }),
      ],
    });
    const m = computeOrderMoney(order, US_DROP);
    expect(m.lines.map((l) => [l.orderItemId, l.lineTax, l.excludedTax])).toEqual([
      ['A', '0.00', '0.80'],
      ['B', '2.00', '0.00'],
    ]);
    expect(m.totals).toMatchObject({ gross: '32.00', tax: '2.00', excludedTax: '0.80', adjustment: '0.00' });
  });

  it('UK shipment ≤ £135: Amazon collects the VAT (tax-included prices) → net written, VAT excluded', () => {
    const order = amazonOrder({
      marketplaceId: 'A1F83G8C2ARO7P',
      currency: 'GBP',
      amazonTotal: '64.99',
      items: [
        amazonItem({
          taxCollectedByAmazon: true,
          money: itemMoney({ item: amt('60.00', '10.00'), shipping: amt('4.99', '0.83') }),
        }),
      ],
    });
    const m = computeOrderMoney(order, { taxIncluded: true, ignoreAmazonTax: false, facilitatorTax: 'drop' });
    expect(m.totals).toMatchObject({
      net: '54.16',
      tax: '0.00',
      gross: '54.16',
      excludedTax: '10.83',
      adjustment: '0.00',
    });
    const kept = computeOrderMoney(order, { taxIncluded: true, ignoreAmazonTax: false, facilitatorTax: 'keep' });
    expect(kept.totals).toMatchObject({ net: '54.16', tax: '10.83', gross: '64.99', excludedTax: '0.00' });
  });

  it('EU IOSS (Amazon is the deemed reseller) follows the same rule', () => {
    const order = amazonOrder({
      currency: 'EUR',
      amazonTotal: '119.00',
      items: [
        amazonItem({
          taxCollectedByAmazon: true,
          taxReportingScheme: 'IOSS',
          iossNumber: 'IM2760000742',
          money: itemMoney({ item: amt('119.00', '19.00') }),
        }),
      ],
    });
    const m = computeOrderMoney(order, { taxIncluded: true, ignoreAmazonTax: false, facilitatorTax: 'drop' });
    expect(m.totals).toMatchObject({ gross: '100.00', tax: '0.00', excludedTax: '19.00', adjustment: '0.00' });
  });
});

describe('replacement orders', () => {
  it('zero prices, no tax, no adjustment', () => {
    const order = amazonOrder({
      isReplacement: true,
      replacedOrderId: '902-0000000-0000000',
      amazonTotal: '0.00',
      items: [amazonItem({ quantityOrdered: 2, money: itemMoney() })],
    });
    const m = computeOrderMoney(order, US_KEEP);
    expect(m.lines).toHaveLength(1);
    expect(m.lines[0]).toMatchObject({ quantity: 2, unitGross: '0.00', lineGross: '0.00', lineTax: '0.00' });
    expect(m.totals).toMatchObject({ net: '0.00', tax: '0.00', gross: '0.00', adjustment: '0.00' });
  });

  it('a replacement never carries tax, even when Amazon reports some', () => {
    const order = amazonOrder({
      isReplacement: true,
      amazonTotal: '0.80',
      items: [amazonItem({ money: itemMoney({ item: amt('0.00', '0.80') }) })],
    });
    const m = computeOrderMoney(order, US_KEEP);
    expect(m.totals).toMatchObject({ tax: '0.00', gross: '0.00', excludedTax: '0.80', adjustment: '0.00' });
    expect(m.warnings.join()).toContain('replacement order');
  });

  it('a replacement without an Amazon total gets no adjustment', () => {
    const order = amazonOrder({ isReplacement: true, amazonTotal: null, items: [amazonItem({ money: itemMoney() })] });
    const m = computeOrderMoney(order, US_KEEP);
    expect(m.lines.map((l) => l.kind)).toEqual(['item']);
    expect(m.totals.amazonTotal).toBeNull();
  });
});

describe('unpriced (Pending) items', () => {
  it('money null → item line at zero, a warning, totals zero and no adjustment', () => {
    const order = amazonOrder({
      status: 'PENDING',
      amazonTotal: null,
      items: [amazonItem({ quantityOrdered: 2, money: null })],
    });
    const m = computeOrderMoney(order, US_KEEP);
    expect(m.lines).toEqual([expect.objectContaining({ kind: 'item', quantity: 2, lineGross: '0.00', taxRate: null })]);
    expect(m.totals).toMatchObject({ net: '0.00', gross: '0.00', adjustment: '0.00', amazonTotal: null });
    expect(m.warnings.join()).toContain('not priced yet');
  });

  it('even when Amazon already sent a total, unpriced items never produce an adjustment', () => {
    const order = amazonOrder({ status: 'PENDING', amazonTotal: '50.00', items: [amazonItem({ money: null })] });
    const m = computeOrderMoney(order, US_KEEP);
    expect(m.lines.map((l) => l.kind)).toEqual(['item']);
    expect(m.totals.adjustment).toBe('0.00');
  });
});

describe('buildItemLines', () => {
  it('orders the lines item, promotion, shipping, shipping discount, gift wrap, COD, other', () => {
    const order = amazonOrder();
    const item = amazonItem({
      giftWrapLevel: 'Classic',
      money: itemMoney({
        item: amt('10.00'),
        promotionDiscount: amt('1.00'),
        shipping: amt('2.00'),
        shippingDiscount: amt('0.50'),
        giftWrap: amt('1.00'),
        codFee: amt('1.00'),
        other: amt('0.10'),
      }),
    });
    const built = buildItemLines(order, item, US_KEEP, 2);
    expect(built.lines.map((l) => l.kind)).toEqual([
      'item',
      'promotion',
      'shipping',
      'shipping_discount',
      'gift_wrap',
      'cod_fee',
      'other',
    ]);
    expect(built.lines.every((l) => l.orderItemId === item.orderItemId)).toBe(true);
    expect(built.lines.find((l) => l.kind === 'gift_wrap')?.description).toContain('Classic');
    expect(built.priced).toBe(true);
  });

  it('uses SKU, then ASIN, then the order item id when Amazon sent no title', () => {
    const order = amazonOrder();
    expect(buildItemLines(order, amazonItem({ title: null }), US_KEEP, 2).lines[0]?.description).toBe('SKU-1');
    const bare = amazonItem({ title: null, sellerSku: null, asin: null, orderItemId: '77' });
    expect(buildItemLines(order, bare, US_KEEP, 2).lines[0]?.description).toBe('77');
  });
});
