import { describe, expect, it } from 'vitest';
import { displayTaxRate, isVatMarketplace } from './vat-rates.js';

const DE = 'A1PA6795UKMFR9';
const UK = 'A1F83G8C2ARO7P';
const JP = 'A1VC38T7YXB528';
const US = 'ATVPDKIKX0DER';

const line = (marketplaceId: string, net: string, tax: string, decimals = 2) => ({ marketplaceId, net, tax, decimals });

describe('displayTaxRate', () => {
  it('shows 19 % on Amazon.de when the gross price split matches it to the cent (computed would be 19.07 %)', () => {
    // 9.99 gross: 9.99 ÷ 1.19 = 8.3950… → net 8.39, tax 1.60
    expect(displayTaxRate(line(DE, '8.39', '1.60'))).toEqual({ percent: '19', source: 'marketplace' });
  });

  it('shows the reduced 7 % on Amazon.de (books)', () => {
    // 19.99 gross: 19.99 ÷ 1.07 = 18.682… → net 18.68, tax 1.31
    expect(displayTaxRate(line(DE, '18.68', '1.31'))).toEqual({ percent: '7', source: 'marketplace' });
  });

  it('matches net prices too: net × rate rounds to the tax', () => {
    expect(displayTaxRate(line(UK, '8.33', '1.67'))).toEqual({ percent: '20', source: 'marketplace' });
    expect(displayTaxRate(line(UK, '100.00', '5.00'))).toEqual({ percent: '5', source: 'marketplace' });
  });

  it('matches discount lines (negative amounts)', () => {
    expect(displayTaxRate(line(DE, '-1.68', '-0.32'))).toEqual({ percent: '19', source: 'marketplace' });
  });

  it('shows the computed rate with 2 decimals when no marketplace rate matches to the cent', () => {
    expect(displayTaxRate(line(DE, '10.60', '2.00'))).toEqual({ percent: '18.87', source: 'computed' });
    expect(displayTaxRate(line(DE, '10.00', '1.50'))).toEqual({ percent: '15', source: 'computed' });
  });

  it('computes the rate on marketplaces without VAT (JP in yen, US sales tax)', () => {
    expect(isVatMarketplace(JP)).toBe(false);
    expect(isVatMarketplace(US)).toBe(false);
    expect(displayTaxRate(line(JP, '1000', '100', 0))).toEqual({ percent: '10', source: 'computed' });
    expect(displayTaxRate(line(JP, '1818', '182', 0))).toEqual({ percent: '10.01', source: 'computed' });
    expect(displayTaxRate(line(US, '20.00', '1.45'))).toEqual({ percent: '7.25', source: 'computed' });
  });

  it('shows 0 % without tax and nothing without a net amount', () => {
    expect(displayTaxRate(line(DE, '10.00', '0.00'))).toEqual({ percent: '0', source: 'computed' });
    expect(displayTaxRate(line(DE, '0.00', '0.00'))).toBeNull();
  });
});
