import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  addMoney,
  allocate,
  compare,
  div,
  equals,
  isNegative,
  isPositive,
  isZero,
  minorUnits,
  mul,
  neg,
  parseDecimal,
  quotient,
  roundTo,
  smallestUnit,
  sub,
  subMoney,
  sum,
  toMoney,
} from './money.js';

describe('parseDecimal', () => {
  it.each(['0', '12', '12.30', '-5', '-0.001', '0007.50'])('accepts the plain decimal %s', (s) => {
    expect(parseDecimal(s)).toEqual({ ok: true, value: s });
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '+1',
    '.5',
    '5.',
    '1e3',
    '1E-2',
    '1,000.00',
    '1.000,00',
    'NaN',
    'Infinity',
    '0x10',
    '--1',
    '12.3.4',
  ])('rejects %j with money_invalid_decimal', (s) => {
    const r = parseDecimal(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('money_invalid_decimal');
      expect(r.error.kind).toBe('invalid');
      expect(r.error.message).toContain('not a plain decimal amount');
    }
  });

  it('rejects non-strings (JS numbers never enter money code)', () => {
    for (const v of [1.5, null, undefined, {}, 10n]) expect(parseDecimal(v).ok).toBe(false);
  });

  it('rejects absurdly long strings', () => {
    expect(parseDecimal('1'.repeat(61)).ok).toBe(false);
  });
});

describe('arithmetic is exact decimal, never binary floating point', () => {
  it('0.1 + 0.2 = 0.3', () => expect(add('0.1', '0.2')).toBe('0.3'));
  it('sub, mul, neg, abs', () => {
    expect(sub('10.00', '0.01')).toBe('9.99');
    expect(mul('19.99', '3')).toBe('59.97');
    expect(neg('5.00')).toBe('-5');
    expect(neg('0')).toBe('0');
    expect(abs('-2.50')).toBe('2.5');
  });
  it('never prints an exponent', () => {
    expect(mul('0.0000001', '0.0000001')).toBe('0.00000000000001');
    expect(mul('100000000000000000000000', '10')).toBe('1000000000000000000000000');
  });
  it('comparisons and predicates', () => {
    expect(compare('1.10', '1.1')).toBe(0);
    expect(compare('-1', '0')).toBe(-1);
    expect(compare('2', '1.99')).toBe(1);
    expect(equals('0.00', '-0')).toBe(true);
    expect(isZero('0.000')).toBe(true);
    expect(isNegative('-0.01')).toBe(true);
    expect(isPositive('0')).toBe(false);
  });
  it('sum of many amounts', () => {
    expect(sum([])).toBe('0');
    expect(sum(Array.from({ length: 10 }, () => '0.10'))).toBe('1');
  });
  it('div rounds half-up to the requested decimals and refuses division by zero', () => {
    expect(div('1', '3')).toBe('0.3333333333');
    expect(div('2', '3', 2)).toBe('0.67');
    expect(() => div('1', '0')).toThrow(expect.objectContaining({ code: 'money_division_by_zero' }));
  });
  it('throws money_invalid_decimal on a malformed operand', () => {
    expect(() => add('1e2', '1')).toThrow(expect.objectContaining({ code: 'money_invalid_decimal' }));
  });
});

describe('roundTo (half-up, half away from zero)', () => {
  it.each([
    ['2.345', 2, '2.35'],
    ['2.344', 2, '2.34'],
    ['-2.345', 2, '-2.35'],
    ['0.5', 0, '1'],
    ['-0.5', 0, '-1'],
    ['-0.001', 2, '0.00'],
    ['10', 2, '10.00'],
    ['1.0005', 3, '1.001'],
  ] as const)('roundTo(%s, %i) = %s', (amount, decimals, expected) => {
    expect(roundTo(amount, decimals)).toBe(expected);
  });
});

describe('quotient (unit prices)', () => {
  it('keeps the currency decimals when exact and adds up to 4 when not', () => {
    expect(quotient('100.00', '2', 2, 4)).toBe('50.00');
    expect(quotient('10.00', '8', 2, 4)).toBe('1.25');
    expect(quotient('10.00', '16', 2, 4)).toBe('0.625');
    expect(quotient('10.00', '3', 2, 4)).toBe('3.3333');
    expect(quotient('20.00', '3', 2, 4)).toBe('6.6667');
    expect(quotient('1000', '3', 0, 4)).toBe('333.3333');
    expect(quotient('-10.00', '3', 2, 4)).toBe('-3.3333');
  });
});

describe('minorUnits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['CLP', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['JOD', 3],
    ['OMR', 3],
    ['TND', 3],
    ['jpy', 0],
    ['XYZ', 2],
  ] as const)('%s has %i', (currency, n) => expect(minorUnits(currency)).toBe(n));
  it('unknown currency (null) defaults to 2', () => expect(minorUnits(null)).toBe(2));
  it('smallestUnit', () => {
    expect(smallestUnit(2)).toBe('0.01');
    expect(smallestUnit(0)).toBe('1');
    expect(smallestUnit(3)).toBe('0.001');
  });
});

describe('Money values', () => {
  it('toMoney rounds to the currency', () => {
    expect(toMoney('1234.5', 'JPY')).toEqual({ amount: '1235', currency: 'JPY' });
    expect(toMoney('1.2345', 'KWD')).toEqual({ amount: '1.235', currency: 'KWD' });
  });
  it('adds and subtracts only the same currency', () => {
    expect(addMoney({ amount: '1.10', currency: 'EUR' }, { amount: '2.20', currency: 'EUR' })).toEqual({
      amount: '3.3',
      currency: 'EUR',
    });
    expect(subMoney({ amount: '1', currency: 'EUR' }, { amount: '2', currency: 'EUR' }).amount).toBe('-1');
    expect(() => addMoney({ amount: '1', currency: 'EUR' }, { amount: '1', currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'money_currency_mismatch' }),
    );
  });
});

describe('allocate (largest remainder)', () => {
  it('splits 10.00 three ways into parts that add up exactly', () => {
    const parts = allocate('10.00', ['1', '1', '1']);
    expect(parts).toEqual(['3.34', '3.33', '3.33']);
    expect(sum(parts)).toBe('10');
  });
  it('splits proportionally and gives remainders to the largest fractions', () => {
    expect(allocate('100.00', ['1', '2', '3'])).toEqual(['16.67', '33.33', '50.00']);
    expect(allocate('0.05', ['1', '1', '1', '1'])).toEqual(['0.02', '0.01', '0.01', '0.01']);
  });
  it('handles negative totals symmetrically, zero weights and JPY', () => {
    expect(allocate('-10.00', ['1', '1', '1'])).toEqual(['-3.34', '-3.33', '-3.33']);
    expect(allocate('100', ['0', '0', '0'], 0)).toEqual(['34', '33', '33']);
    expect(allocate('7.00', ['0', '1'])).toEqual(['0.00', '7.00']);
  });
  it('always adds up exactly for awkward weights', () => {
    const weights = ['0.333', '19.99', '7', '0.001', '123.456'];
    for (const total of ['0.01', '99.99', '1234567.89', '-0.07']) {
      expect(equals(sum(allocate(total, weights)), total)).toBe(true);
    }
  });
  it('rejects bad input', () => {
    expect(() => allocate('1.00', [])).toThrow(expect.objectContaining({ code: 'money_invalid_allocation' }));
    expect(() => allocate('1.00', ['-1', '2'])).toThrow(expect.objectContaining({ code: 'money_invalid_allocation' }));
    expect(() => allocate('1.005', ['1'])).toThrow(expect.objectContaining({ code: 'money_invalid_allocation' }));
  });
});
