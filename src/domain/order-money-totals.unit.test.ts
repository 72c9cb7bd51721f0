import BigJs from 'big.js';
import { describe, expect, it } from 'vitest';
import type { AmazonOrderItem, AmountWithTax } from './amazon-order.js';
import { amazonItem, amazonOrder, amt, itemMoney } from './amazon-order.test-factory.js';
import { minorUnits } from './money.js';
import { computeOrderMoney, type MoneyOptions } from './order-money.js';

const US: MoneyOptions = { taxIncluded: false, ignoreAmazonTax: false, facilitatorTax: 'drop' };

describe('reconciliation with Amazon’s total', () => {
  it('a rounding-size gap becomes ONE explicit adjustment line, without a warning', () => {
    const order = amazonOrder({
      amazonTotal: '10.01',
      items: [amazonItem({ money: itemMoney({ item: amt('10.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(m.lines.at(-1)).toMatchObject({
      kind: 'adjustment',
      orderItemId: null,
      quantity: 1,
      lineNet: '0.01',
      lineTax: '0.00',
      lineGross: '0.01',
      taxRate: null,
    });
    expect(m.totals).toMatchObject({ gross: '10.01', net: '10.01', adjustment: '0.01', amazonTotal: '10.01' });
    expect(m.warnings).toEqual([]);
  });

  it('a larger gap also warns, and says the tax-included setting looks wrong when the gap equals the tax', () => {
    // A US order (net prices) configured as tax-included: lines sum to 100.00, Amazon says 108.25.
    const order = amazonOrder({
      amazonTotal: '108.25',
      items: [amazonItem({ money: itemMoney({ item: amt('100.00', '8.25') }) })],
    });
    const m = computeOrderMoney(order, { ...US, taxIncluded: true });
    expect(m.totals).toMatchObject({ gross: '108.25', adjustment: '8.25' });
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toContain('more than rounding');
    expect(m.warnings[0]).toContain('"Tax is included in prices" should probably be "no"');
  });

  it('the opposite mistake (EU gross prices configured as net) is named too', () => {
    const order = amazonOrder({
      currency: 'EUR',
      amazonTotal: '100.00',
      items: [amazonItem({ money: itemMoney({ item: amt('100.00', '20.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(m.totals).toMatchObject({ gross: '100.00', adjustment: '-20.00' });
    expect(m.warnings[0]).toContain('should probably be "yes"');
  });

  it('an unexplained gap warns with the generic hint', () => {
    const order = amazonOrder({
      amazonTotal: '15.00',
      items: [amazonItem({ money: itemMoney({ item: amt('10.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(m.totals.adjustment).toBe('5.00');
    expect(m.warnings[0]).toContain('may not match this marketplace');
  });

  it('no Amazon total → no adjustment, and a warning that the total could not be checked', () => {
    const order = amazonOrder({ amazonTotal: null, items: [amazonItem({ money: itemMoney({ item: amt('10.00') }) })] });
    const m = computeOrderMoney(order, US);
    expect(m.lines).toHaveLength(1);
    expect(m.totals.amazonTotal).toBeNull();
    expect(m.warnings.join()).toContain('no order total');
  });

  it('a malformed amount from an adapter fails loudly', () => {
    const order = amazonOrder({
      amazonTotal: '1e3',
      items: [amazonItem({ money: itemMoney({ item: amt('10.00') }) })],
    });
    expect(() => computeOrderMoney(order, US)).toThrow(expect.objectContaining({ code: 'money_invalid_decimal' }));
    const bad = amazonOrder({ items: [amazonItem({ money: itemMoney({ item: amt('10,00') }) })] });
    expect(() => computeOrderMoney(bad, US)).toThrow(expect.objectContaining({ code: 'money_invalid_decimal' }));
  });

  it('no currency → 2 decimals with a warning', () => {
    const order = amazonOrder({
      currency: null,
      amazonTotal: '1.00',
      items: [amazonItem({ money: itemMoney({ item: amt('1.00') }) })],
    });
    const m = computeOrderMoney(order, US);
    expect(m.currency).toBeNull();
    expect(m.warnings.join()).toContain('no currency');
  });
});

describe('a 1,000-line order', () => {
  it('is exact and fast', () => {
    const items: AmazonOrderItem[] = Array.from({ length: 1000 }, (_, i) =>
      amazonItem({
        orderItemId: String(i),
        quantityOrdered: (i % 7) + 1,
        money: itemMoney({ item: amt('0.10', '0.01') }),
      }),
    );
    const order = amazonOrder({ amazonTotal: '110.00', items });
    const started = performance.now();
    const m = computeOrderMoney(order, US);
    const elapsed = performance.now() - started;
    expect(m.lines).toHaveLength(1000);
    expect(m.totals).toMatchObject({ net: '100.00', tax: '10.00', gross: '110.00', adjustment: '0.00' });
    expect(elapsed).toBeLessThan(1000);
  });
});

/** Seeded so a failure is reproducible (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('property: consistent Amazon totals never need an adjustment', () => {
  it('1,000 random orders: adjustment exactly 0 and gross + excludedTax = amazonTotal', () => {
    const rnd = seeded(20260101);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const currencies = ['USD', 'EUR', 'GBP', 'JPY', 'KWD'] as const;
    for (let n = 0; n < 1000; n += 1) {
      const currency = pick(currencies);
      const d = minorUnits(currency);
      const options: MoneyOptions = {
        taxIncluded: rnd() < 0.5,
        ignoreAmazonTax: rnd() < 0.3,
        facilitatorTax: pick(['keep', 'drop'] as const),
      };
      // Independent oracle, computed with big.js directly (not with money.ts).
      const money = (max: number): AmountWithTax => {
        if (rnd() < 0.3) return amt(new BigJs('0').toFixed(d), new BigJs('0').toFixed(d));
        const amount = new BigJs(String(Math.floor(rnd() * max * 10 ** d))).div(new BigJs(String(10 ** d)));
        const tax = amount.times(pick(['0', '0.05', '0.1', '0.19', '0.2', '0.25'])).round(d, BigJs.roundHalfUp);
        return amt(amount.toFixed(d), tax.toFixed(d));
      };
      let total = new BigJs('0');
      const grossOf = (c: AmountWithTax): BigJs.Big =>
        options.taxIncluded ? new BigJs(c.amount) : new BigJs(c.amount).plus(new BigJs(c.tax));
      const items = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => {
        const m = itemMoney({
          item: money(500),
          shipping: money(20),
          giftWrap: money(5),
          codFee: money(5),
          other: money(3),
          promotionDiscount: money(50),
          shippingDiscount: money(20),
          codFeeDiscount: money(2),
        });
        for (const c of [m.item, m.shipping, m.giftWrap, m.codFee, m.other]) total = total.plus(grossOf(c));
        for (const c of [m.promotionDiscount, m.shippingDiscount, m.codFeeDiscount]) {
          if (c) total = total.minus(grossOf(c));
        }
        return amazonItem({
          orderItemId: `${n}-${i}`,
          quantityOrdered: Math.floor(rnd() * 6),
          taxCollectedByAmazon: rnd() < 0.25,
          money: m,
        });
      });
      const order = amazonOrder({ currency, amazonTotal: total.toFixed(d), items, isReplacement: rnd() < 0.05 });
      const result = computeOrderMoney(order, options);
      const context = JSON.stringify({ n, options, total: total.toFixed(d) });
      expect(new BigJs(result.totals.adjustment).eq(new BigJs('0')), context).toBe(true);
      expect(
        result.lines.some((l) => l.kind === 'adjustment'),
        context,
      ).toBe(false);
      const reconciled = new BigJs(result.totals.gross).plus(new BigJs(result.totals.excludedTax));
      expect(reconciled.eq(total), context).toBe(true);
      for (const l of result.lines) {
        expect(new BigJs(l.lineNet).plus(new BigJs(l.lineTax)).eq(new BigJs(l.lineGross)), context).toBe(true);
      }
    }
  });
});
