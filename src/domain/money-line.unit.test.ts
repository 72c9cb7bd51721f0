import { describe, expect, it } from 'vitest';
import { addComponents, deriveTaxRate, makeLine, negateComponent, splitComponent, unitPrice } from './money-line.js';

const t = (taxIncluded: boolean, ignoreAmazonTax = false, excludeTax = false) => ({
  taxIncluded,
  ignoreAmazonTax,
  excludeTax,
});

describe('splitComponent', () => {
  it('tax-included: Amazon amount is gross, net = gross - tax', () => {
    expect(splitComponent('100.00', '20.00', t(true), 2)).toEqual({
      net: '80.00',
      tax: '20.00',
      gross: '100.00',
      excluded: '0.00',
    });
  });
  it('net prices: gross = net + tax', () => {
    expect(splitComponent('100.00', '8.25', t(false), 2)).toEqual({
      net: '100.00',
      tax: '8.25',
      gross: '108.25',
      excluded: '0.00',
    });
  });
  it('ignore Amazon tax with tax-included prices: tax stays inside the price', () => {
    expect(splitComponent('100.00', '20.00', t(true, true), 2)).toEqual({
      net: '100.00',
      tax: '0.00',
      gross: '100.00',
      excluded: '0.00',
    });
  });
  it('ignore Amazon tax with net prices: the tax becomes excluded tax', () => {
    expect(splitComponent('100.00', '8.25', t(false, true), 2)).toEqual({
      net: '100.00',
      tax: '0.00',
      gross: '100.00',
      excluded: '8.25',
    });
  });
  it('excluded (facilitator drop): tax 0, gross = net, tax recorded as excluded, under both price modes', () => {
    expect(splitComponent('100.00', '8.25', t(false, false, true), 2)).toEqual({
      net: '100.00',
      tax: '0.00',
      gross: '100.00',
      excluded: '8.25',
    });
    expect(splitComponent('120.00', '20.00', t(true, false, true), 2)).toEqual({
      net: '100.00',
      tax: '0.00',
      gross: '100.00',
      excluded: '20.00',
    });
    // excludeTax wins over ignoreAmazonTax: the tax is Amazon's money, not inside the merchant's price.
    expect(splitComponent('120.00', '20.00', t(true, true, true), 2).gross).toBe('100.00');
  });
  it('rounds Amazon amounts to the currency (JPY 0 decimals)', () => {
    expect(splitComponent('1100', '100', t(true), 0)).toEqual({
      net: '1000',
      tax: '100',
      gross: '1100',
      excluded: '0',
    });
  });
  it('negate and add components', () => {
    const a = splitComponent('10.00', '2.00', t(true), 2);
    expect(negateComponent(a, 2)).toEqual({ net: '-8.00', tax: '-2.00', gross: '-10.00', excluded: '0.00' });
    expect(addComponents(a, negateComponent(a, 2), 2)).toEqual({
      net: '0.00',
      tax: '0.00',
      gross: '0.00',
      excluded: '0.00',
    });
  });
});

describe('deriveTaxRate', () => {
  it('19.00 tax on 100.00 → 19 %, with 4 decimals or whole percent', () => {
    expect(deriveTaxRate('19.00', '100.00')).toBe('19.0000');
    expect(deriveTaxRate('19.00', '100.00', 0)).toBe('19');
  });
  it('keeps 4 decimals where the rate is not whole, and whole-percent rounding differs', () => {
    expect(deriveTaxRate('1.33', '2.00')).toBe('66.5000');
    expect(deriveTaxRate('1.01', '10.00')).toBe('10.1000');
    expect(deriveTaxRate('0.77', '10.00', 0)).toBe('8');
    expect(deriveTaxRate('1.00', '3.00')).toBe('33.3333');
  });
  it('no base → null, never a division by zero', () => {
    expect(deriveTaxRate('5.00', '0.00')).toBeNull();
    expect(deriveTaxRate('0.00', '0.00')).toBeNull();
  });
  it('tax on a negative base → null; a discount line (both negative) mirrors the charge rate', () => {
    expect(deriveTaxRate('5.00', '-10.00')).toBeNull();
    expect(deriveTaxRate('-1.00', '-5.00')).toBe('20.0000');
  });
  it('zero tax on a positive base is a real 0 % rate', () => {
    expect(deriveTaxRate('0.00', '10.00')).toBe('0.0000');
  });
});

describe('unitPrice', () => {
  it('line ÷ quantity, exact line kept, unit gets up to 4 decimals', () => {
    expect(unitPrice('100.00', 2, 2)).toBe('50.00');
    expect(unitPrice('10.00', 3, 2)).toBe('3.3333');
    expect(unitPrice('1000', 3, 0)).toBe('333.3333');
    expect(unitPrice('1.234', 2, 3)).toBe('0.617');
  });
  it('quantity 0 (or nonsense) → unit 0', () => {
    expect(unitPrice('10.00', 0, 2)).toBe('0.00');
    expect(unitPrice('10.00', -1, 2)).toBe('0.00');
    expect(unitPrice('10.00', 1.5, 2)).toBe('0.00');
  });
});

describe('makeLine', () => {
  it('fills units, totals and derived rate', () => {
    const line = makeLine(
      {
        kind: 'item',
        orderItemId: '1',
        description: 'Widget',
        quantity: 2,
        money: { net: '80.00', tax: '20.00', gross: '100.00', excluded: '0.00' },
      },
      2,
    );
    expect(line).toEqual({
      kind: 'item',
      orderItemId: '1',
      description: 'Widget',
      quantity: 2,
      unitNet: '40.00',
      unitGross: '50.00',
      lineNet: '80.00',
      lineTax: '20.00',
      lineGross: '100.00',
      taxRate: '25.0000',
      excludedTax: '0.00',
    });
  });
});
