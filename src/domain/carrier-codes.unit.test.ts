import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMAZON_CARRIER_CODES, isAmazonCarrierCode, suggestCarrierCode } from './carrier-codes.js';

/** The same union rule the list was generated with (and that the sandbox applies). */
function unionFromFile(): string[] {
  const file = JSON.parse(
    readFileSync(new URL('../../test/fixtures/amazon/carrier-codes.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const codes: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string' && !codes.includes(v)) codes.push(v);
  };
  (file.universal as string[]).forEach(add);
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const values = (node as { values?: unknown }).values;
    if (Array.isArray(values)) values.forEach(add);
    else Object.values(node).forEach(walk);
  };
  for (const [key, node] of Object.entries(file)) if (key !== 'universal' && key !== '_about') walk(node);
  return codes;
}

describe('AMAZON_CARRIER_CODES', () => {
  it('is exactly the union of the lists in carrier-codes.json (regenerate when the file changes)', () => {
    expect([...AMAZON_CARRIER_CODES]).toEqual(unionFromFile());
  });

  it('has no duplicates and includes Other and the big carriers', () => {
    expect(new Set(AMAZON_CARRIER_CODES).size).toBe(AMAZON_CARRIER_CODES.length);
    for (const code of [
      'Other',
      'USPS',
      'UPS',
      'FedEx',
      'DHL',
      'Royal Mail',
      'Deutsche Post',
      'YAMATO',
      'Amazon Shipping',
    ]) {
      expect(isAmazonCarrierCode(code)).toBe(true);
    }
  });

  it('matches exactly (case and spaces matter)', () => {
    expect(isAmazonCarrierCode('fedex')).toBe(false);
    expect(suggestCarrierCode('fedex')).toBe('FedEx');
    expect(suggestCarrierCode('royal_mail')).toBe('Royal Mail');
    expect(suggestCarrierCode('Pigeon Post')).toBeNull();
  });
});
