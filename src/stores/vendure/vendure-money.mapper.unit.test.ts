import { describe, expect, it } from 'vitest';
import { fromMinor, toMinor, toTaxRate } from './vendure-money.mapper.js';

const minor = (amount: string, currency: string) => {
  const r = toMinor(amount, currency);
  return r.ok ? r.value : r.error.code;
};

describe('Vendure money mapping (integer minor units ↔ decimal strings)', () => {
  it('converts decimal strings to minor units without float errors', () => {
    expect(minor('12.30', 'EUR')).toBe(1230);
    expect(minor('0.1', 'EUR')).toBe(10);
    expect(minor('1.005', 'EUR')).toBe(101); // half-up, not 100 as 1.005 * 100 in floats
    expect(minor('-5.00', 'EUR')).toBe(-500);
    expect(minor('-2.345', 'EUR')).toBe(-235);
    expect(minor('500', 'JPY')).toBe(500);
    expect(minor('1.2345', 'KWD')).toBe(1235);
    expect(minor('19.999', 'EUR')).toBe(2000);
    expect(minor('1e3', 'EUR')).toBe('money_invalid_decimal');
  });

  it('converts minor units back to decimal strings with the currency’s decimals', () => {
    expect(fromMinor(1230, 'EUR')).toBe('12.30');
    expect(fromMinor(-1, 'EUR')).toBe('-0.01');
    expect(fromMinor(0, 'EUR')).toBe('0.00');
    expect(fromMinor(500, 'JPY')).toBe('500');
    expect(fromMinor(1235, 'KWD')).toBe('1.235');
  });

  it('round-trips every cent amount', () => {
    for (let cents = -1000; cents <= 1000; cents += 7) expect(minor(fromMinor(cents, 'EUR'), 'EUR')).toBe(cents);
  });

  it('maps tax rates to numbers', () => {
    expect(toTaxRate('19')).toBe(19);
    expect(toTaxRate('7.7')).toBe(7.7);
    expect(toTaxRate(null)).toBeNull();
    expect(toTaxRate('abc')).toBeNull();
  });
});
